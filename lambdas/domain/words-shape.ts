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
  /**
   * What to enter when a value lies outside a measure's possible values, naming its unit
   * (domain/value-range.ts): `percent` for "%", `perUnit` for a unit that starts "per …",
   * `unit` for any other, `bare` for none. {min}, {max}: the ends, a percentage's with its
   * "%" ("between 0% and 100%"), another unit's bare but for `between`'s {max}, which
   * carries it ("between 0 and 365 days"); {unit}. `between` is read by {max}.
   */
  outsideRange: Record<'percent' | 'unit' | 'perUnit' | 'bare', { between: Sounding; atLeast: string; atMost: string }>;
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
  /** The outputs' own words (the EMT email, the report page, the Word draft, the workbook). */
  outputs: {
    /** {heading} */
    pageTitle: string;
    livePreview: string;
    summary: string;
    item: string;
    action: string;
    directorates: string;
    criticalCaption: string;
    programmesCaption: string;
    directoratesCaption: string;
    measuresCaption: string;
    actionsCaption: string;
    /** A programme's line in the plain-text email: {blueOrGreen}, {amberOrRed}, {noUpdate}, {met} ("9 of 12"), {amber}, {red}, {noData}. */
    programmeLine: string;
    /** {date}: when the quarter closed, with its time. */
    closedOn: string;
    closed: string;
    /** This language's name, in itself: "English" / "Cymraeg". */
    languageName: string;
    /** {title}, {quarter}: "Corporate Improvement Plan 2017-18 Q4". */
    heading: string;
    /** Before the overall status: "{heading}: overall AMBER". */
    overall: string;
    /** {count}; counted by {count}: the close email's subject tail. */
    criticalItemsCount: Counted;
    /** {subject} */
    reissuedSubject: string;
    /** {revision} */
    reissuedEmail: string;
    programmes: string;
    programme: string;
    directorate: string;
    overallColumn: string;
    plannedWorkBlueOrGreen: string;
    amberOrRed: string;
    plannedWorkAmberOrRed: string;
    measuresMet: string;
    measures: string;
    met: string;
    /** {met}, {total} */
    metOf: string;
    /** {count} */
    criticalItemsHeading: string;
    criticalItems: string;
    measure: string;
    plannedWork: string;
    issue: string;
    remedialAction: string;
    /** {owner} */
    owner: string;
    /** {date} */
    due: string;
    noCriticalItems: string;
    notSignedOffHeading: string;
    targetsChangedHeading: string;
    /** {date} */
    targetChanged: string;
    /** {count}; counted by {count} */
    targetsChangedSentence: Counted;
    missingReturns: string;
    everyReturnIn: string;
    /** {names} */
    attachedAs: string;
    /** {names} */
    tooLarge: string;
    /** {names} */
    tooLargeWithLink: string;
    /** {filename} */
    wordDraftFailed: string;
    /** {filename} */
    wordDraftFailedWithApi: string;
    /** {url}: the page's link. */
    apiLink: string;
    /** {url}: the plain text's. */
    apiLinkText: string;
    wordDraftLabel: string;
    /** Between the last two items of a list: "a, b and c". */
    and: string;
    status: string;
    actual: string;
    target: string;
    trend: string;
    commentary: string;
    brag: string;
    /** {trend} */
    lastQuarter: string;
    /** {trend} */
    lastYear: string;
    againstLastQuarter: string;
    againstLastYear: string;
    /** {title}, {year}, {n} */
    documentTitle: string;
    reportFor: string;
    /** {date} */
    draftFrozen: string;
    draftLive: string;
    /** {revision} */
    reissuedDocument: string;
    summaryHeading: string;
    /** {year}, {n}, {title} */
    summaryIntro: string;
    /** {year} */
    summaryProgrammes: string;
    /** {title}, {year}, {n}: followed by the overall status. */
    overallSentence: string;
    proposalHeading: string;
    proposal: string;
    noCriticalItemsDocument: string;
    amendmentsHeading: string;
    amendmentsIntro: string;
    amendedItem: string;
    period: string;
    versionAtClose: string;
    amendedTo: string;
    none: string;
    /** {version}, {value} */
    versionValue: string;
    /** {title}, {year}, {n} */
    appendixHeading: string;
    overallStatus: string;
    /** {programme} */
    programmeMeasures: string;
    /** {programme} */
    programmePlannedWork: string;
    noMeasures: string;
    noPlannedWork: string;
    /** The footer: "{title} · page 3 of 9" is {title}, page, the number, of, the total. */
    page: string;
    of: string;
    /** Spreadsheet sheet names (at most 31 characters, none of : \ / ? * [ ]). */
    sheets: { summary: string; measures: string; plannedWork: string; criticalItems: string };
  };
  /** Officers' emails (reminders, a returned return, approvers' reminders), in the person's language. */
  emails: {
    /** Before a reminder's subject: "Reminder" / "Final reminder". */
    reminder: string;
    finalReminder: string;
    /** {prefix}, {count}, {directorate}, {title}, {quarter}; counted by {count} */
    reminderSubject: Counted;
    /** {directorate}, {quarter} */
    reminderHeading: string;
    /** {closeLabel}, {when} (" (tomorrow)" or nothing), {noData}, {noUpdate} */
    reminderBody: string;
    /** In the brackets after the close: the close is tomorrow. */
    tomorrow: string;
    /** {days}: in the brackets after the close. */
    inDays: string;
    noData: string;
    noUpdate: string;
    /** {count} */
    measuresWithoutResult: string;
    /** {count} */
    plannedWorkWithoutUpdate: string;
    /** {directorate} */
    headCopied: string;
    /** {reportTitle}, {title}, {period} */
    returnedSubject: string;
    /** {title} */
    returnedHeading: string;
    /** {title}, {period}, {version} */
    returnedBody: string;
    reason: string;
    correctIt: string;
    /** {reportTitle}, {count}, {directorate}, {quarter}; counted by {count} */
    awaitingSubject: Counted;
    /** {directorate}, {quarter} */
    awaitingHeading: string;
    /** {closeLabel} */
    awaitingBody: string;
    /** {title}, {period}, {version} */
    awaitingItem: string;
  };
  /** The report workbook's words (render/report-xlsx.ts): its lines and each sheet's column headings. */
  workbook: {
    /** {heading} */ title: string;
    /** {status} */ overall: string;
    live: string;
    /** {revision} */ reissued: string;
    /** {count} */ amended: string;
    scopeReport: string;
    scopeProgramme: string;
    scopeDirectorate: string;
    kindMeasure: string;
    kindPlannedWork: string;
    columns: {
      scope: string;
      name: string;
      overall: string;
      plannedWorkDue: string;
      blueOrGreen: string;
      blueOrGreenPercent: string;
      amberOrRed: string;
      amberOrRedPercent: string;
      noUpdate: string;
      noUpdatePercent: string;
      measuresWithTarget: string;
      metTarget: string;
      metTargetPercent: string;
      offTarget: string;
      offTargetPercent: string;
      beyondTolerance: string;
      beyondTolerancePercent: string;
      noData: string;
      noDataPercent: string;
      measureId: string;
      plan: string;
      programme: string;
      measure: string;
      directorate: string;
      unit: string;
      polarity: string;
      status: string;
      actual: string;
      target: string;
      shortfallPercent: string;
      targetChanged: string;
      trendLastQuarter: string;
      trendLastYear: string;
      commentary: string;
      signOff: string;
      actionId: string;
      plannedWork: string;
      brag: string;
      itemId: string;
      kind: string;
      measureOrPlannedWork: string;
      rules: string;
      issue: string;
      remedialAction: string;
      owner: string;
      due: string;
    };
  };
  /** The Cabinet report's frame around the figures (docs/documents.md), headed as the seed's report is. */
  cabinet: {
    /** Where a person must write. */
    toBeWritten: string;
    /** {author} */
    author: string;
    /** {subject} */
    subject: string;
    options: string;
    preferredChoice: string;
    impactAssessment: string;
    impactRequired: string;
    impactAttached: string;
    /** {title} */
    plan: string;
    /** {title}, {year} */
    planText: string;
    localMembers: string;
    otherServices: string;
    otherServicesQuestion: string;
    communications: string;
    communicationsQuestion: string;
    supportServices: string;
    legal: string;
    finance: string;
    scrutiny: string;
    scrutinyQuestion: string;
    statutoryOfficers: string;
    monitoringOfficer: string;
    section151Officer: string;
    membersInterests: string;
    recommendation: string;
    reasonForRecommendation: string;
    recommendationText: string;
    /** {title}, {year} */
    reasonText: string;
    relevantPolicies: string;
    withinPolicy: string;
    withinBudget: string;
    relevantLocalMembers: string;
    implementers: string;
    implementBy: string;
    contactOfficer: string;
  };
}
