// The domain's English words. The Welsh in words-cy.ts must have every key here (a test checks).

import { MONTH_NAMES } from './periods';
import type { DomainWords } from './words-shape';

export const en: DomainWords = {
  months: MONTH_NAMES,
  quarter: 'Q{n}',
  quarterInYear: '{year} {quarter}',
  monthInYear: '{month} {year}',
  date: '{day} {month} {year}',
  dateTime: '{date} at {time}',
  measureStatus: {
    green: 'Green',
    amber: 'Amber',
    red: 'Red',
    'no-data': 'No data',
    'not-due': 'Not due',
    'info-only': 'Info only',
  },
  actionStatus: {
    blue: 'Blue',
    green: 'Green',
    amber: 'Amber',
    red: 'Red',
    'no-update': 'No update',
  },
  actionStatusMeaning: {
    blue: 'Blue (complete)',
    green: 'Green (on track)',
    amber: 'Amber (at risk)',
    red: 'Red (off track)',
  },
  trend: {
    improving: 'Improving',
    declining: 'Declining',
    unchanged: 'Unchanged',
    'no-comparison': 'No comparison',
  },
  remedialActionNeeded: 'Remedial action needed',
  signOff: {
    approved: 'signed off',
    awaiting: 'awaiting sign-off',
    returned: 'returned',
    'not-signed-off': 'not signed off',
  },
  summary: {
    opening: 'At the end of {month} ({quarter}),',
    noPlannedWork: '{opening} no planned work was due.',
    plannedWork:
      '{opening} {blueOrGreen}% of planned work received a BRAG status of blue or green with {amberOrRed}% indicating amber or red.',
    noUpdate: '{percent}% had no update.',
    noMeasures: 'No measures had a target for the quarter.',
    measuresMet: {
      one: 'Out of the {total} measure, {met}% met target.',
      other: 'Out of the {total} measures, {met}% met target.',
    },
    offTarget: '{offTarget}% were off target and {beyond}% off target by more than {tolerance}%.',
    noData: '{percent}% had no data.',
    notSignedOff: { one: '{count} return was not signed off.', other: '{count} returns were not signed off.' },
  },
  issue: {
    missed: 'Missed the target (target {target}, actual {actual}). RAG status is RED.',
    missedBy: 'Missed the target by more than {percent}% (target {target}, actual {actual}). RAG status is RED.',
    allDirectorates: 'Targets missed for the whole organisation and all directorates ({directorates}).',
    listSeparator: ', ',
    redTwoQuarters: 'RED for {quarters}.',
    twoQuartersSameYear: '{year} {previous} and {current}',
    twoQuartersAcrossYears: '{previousYear} {previous} and {year} {current}',
    lowerThanLastYear:
      'Although the target was met (target {target}, actual {actual}), performance is lower than the same quarter last year ({lastYear}).',
    worseThanLastYear:
      'Although the target was met (target {target}, actual {actual}), performance is worse than the same quarter last year ({lastYear}).',
    actionRed: 'Action is RED for {quarter}.',
    targetRange: '{min} to {max}',
  },
};
