// The shape of one language's words (words-en.ts and words-cy.ts fill it; words.ts picks
// and fills them). Its own module so the texts import only their shape, not the module
// that imports them.

import type { ActionReportStatus, ActionStatus, MeasureStatus, SignOffState, Trend } from './types';

// Placeholders are written {name}; a language must use
// the same placeholders as English in each text (test/domain/words.test.ts checks).

/** A text that depends on a count: `one` for 1, `two` (if given) for 2, else `other`. */
export interface Counted {
  one: string;
  two?: string;
  other: string;
}

/**
 * A text whose wording depends on how the number in it is read aloud: Welsh writes
 * "na 10%" but "nag 8%" (na → nag before a vowel). A plain string when it never changes.
 */
export type Sounding = string | { consonant: string; vowel: string };

export interface DomainWords {
  /** January … December. */
  months: readonly string[];
  /** A quarter on its own: "Q4" / "Ch4" ({n}: 1–4). */
  quarter: string;
  /** A quarter with its year: "2017-18 Q4" ({year}, {quarter}). */
  quarterInYear: string;
  /** A month with its year: "March 2018" ({month}, {year}). */
  monthInYear: string;
  /** A date: "6 December 2026" ({day}, {month}, {year}). */
  date: string;
  /** A date with a time: "6 December 2026 at 12:38" ({date}, {time}). */
  dateTime: string;
  measureStatus: Record<MeasureStatus, string>;
  actionStatus: Record<ActionReportStatus, string>;
  /** What each BRAG colour means, as the form offers it: "Blue (complete)". */
  actionStatusMeaning: Record<ActionStatus, string>;
  trend: Record<Trend, string>;
  remedialActionNeeded: string;
  signOff: Record<SignOffState, string>;
  summary: {
    /** {month}: the quarter's last month with its year; {quarter}: "Q4". */
    opening: string;
    /** {opening} */
    noPlannedWork: string;
    /** {opening}, {blueOrGreen}, {amberOrRed} */
    plannedWork: string;
    /** {percent} */
    noUpdate: string;
    noMeasures: string;
    /** {total}, {met}; counted by {total} */
    measuresMet: Counted;
    /** {offTarget}, {beyond}, {tolerance}; read by {tolerance} */
    offTarget: Sounding;
    /** {percent} */
    noData: string;
    /** {count}; counted by {count} */
    notSignedOff: Counted;
  };
  issue: {
    /** {target}, {actual} */
    missed: string;
    /** {percent}, {target}, {actual}; read by {percent} */
    missedBy: Sounding;
    /** {directorates} */
    allDirectorates: string;
    /** Between directorates' names. */
    listSeparator: string;
    /** {quarters} */
    redTwoQuarters: string;
    /** {year}, {previous}, {current} */
    twoQuartersSameYear: string;
    /** {previousYear}, {previous}, {year}, {current} */
    twoQuartersAcrossYears: string;
    /** {target}, {actual}, {lastYear}: a higher-is-better measure now lower. */
    lowerThanLastYear: string;
    /** {target}, {actual}, {lastYear}: a lower-is-better measure now worse. */
    worseThanLastYear: string;
    /** {quarter} */
    actionRed: string;
    /** A `within` target: {min}, {max}. */
    targetRange: string;
  };
}
