// Geiriau Cymraeg y parth: y statws, y dyddiadau a brawddegau'r adroddiad.
// The domain's Welsh words. A council's translation unit corrects them here, text only:
// - change only the text between the quotes; keep each {placeholder} exactly as it is
//   (a test fails if a placeholder is added, lost or misspelt, or a key is missing);
// - `one` / `two` / `other`: the text for a count of 1, of 2, and of any other number;
// - `consonant` / `vowel`: the text when the number after it is read aloud starting with a
//   consonant ("na 10%") or a vowel ("nag 8%", "nag 11%");
// - run `npx vitest run test/domain/words.test.ts` to check. docs/cymraeg.md lists the sources.

import type { DomainWords } from './words-shape';

export const cy: DomainWords = {
  months: [
    'Ionawr',
    'Chwefror',
    'Mawrth',
    'Ebrill',
    'Mai',
    'Mehefin',
    'Gorffennaf',
    'Awst',
    'Medi',
    'Hydref',
    'Tachwedd',
    'Rhagfyr',
  ],
  quarter: 'Ch{n}',
  quarterInYear: '{year} {quarter}',
  monthInYear: '{month} {year}',
  date: '{day} {month} {year}',
  dateTime: '{date} am {time}',
  measureStatus: {
    green: 'Gwyrdd',
    amber: 'Ambr',
    red: 'Coch',
    'no-data': 'Dim data',
    'not-due': 'Ddim yn ddyledus',
    'info-only': 'Gwybodaeth yn unig',
  },
  actionStatus: {
    blue: 'Glas',
    green: 'Gwyrdd',
    amber: 'Ambr',
    red: 'Coch',
    'no-update': 'Dim diweddariad',
  },
  actionStatusMeaning: {
    blue: 'Glas (wedi’i gwblhau)',
    green: 'Gwyrdd (ar y trywydd iawn)',
    amber: 'Ambr (mewn perygl)',
    red: 'Coch (heb fod ar y trywydd iawn)',
  },
  trend: {
    improving: 'Gwella',
    declining: 'Dirywio',
    unchanged: 'Dim newid',
    'no-comparison': 'Dim cymhariaeth',
  },
  remedialActionNeeded: 'Angen camau adferol',
  signOff: {
    approved: 'wedi’i gymeradwyo',
    awaiting: 'yn aros am gymeradwyaeth',
    returned: 'wedi’i ddychwelyd',
    'not-signed-off': 'heb ei gymeradwyo',
  },
  summary: {
    opening: 'Ar ddiwedd mis {month} ({quarter}),',
    noPlannedWork: '{opening} nid oedd unrhyw waith a gynlluniwyd yn ddyledus.',
    plannedWork:
      '{opening} roedd {blueOrGreen}% o’r gwaith a gynlluniwyd wedi cael statws BRAG glas neu wyrdd, ac roedd {amberOrRed}% yn dangos ambr neu goch.',
    noUpdate: 'Roedd {percent}% heb ddiweddariad.',
    noMeasures: 'Nid oedd gan unrhyw fesur darged ar gyfer y chwarter.',
    measuresMet: {
      one: 'O’r {total} mesur, roedd {met}% wedi cyrraedd y targed.',
      two: 'O’r {total} fesur, roedd {met}% wedi cyrraedd y targed.',
      other: 'O’r {total} mesur, roedd {met}% wedi cyrraedd y targed.',
    },
    offTarget: {
      consonant:
        'Roedd {offTarget}% heb gyrraedd y targed, ac roedd {beyond}% wedi methu’r targed o fwy na {tolerance}%.',
      vowel: 'Roedd {offTarget}% heb gyrraedd y targed, ac roedd {beyond}% wedi methu’r targed o fwy nag {tolerance}%.',
    },
    noData: 'Roedd {percent}% heb ddata.',
    notSignedOff: { one: 'Ni chymeradwywyd {count} ffurflen.', other: 'Ni chymeradwywyd {count} ffurflen.' },
  },
  issue: {
    missed: 'Wedi methu’r targed (targed {target}, gwirioneddol {actual}). Y statws RAG yw COCH.',
    missedBy: {
      consonant:
        'Wedi methu’r targed o fwy na {percent}% (targed {target}, gwirioneddol {actual}). Y statws RAG yw COCH.',
      vowel: 'Wedi methu’r targed o fwy nag {percent}% (targed {target}, gwirioneddol {actual}). Y statws RAG yw COCH.',
    },
    allDirectorates: 'Targedau wedi’u methu ar gyfer y sefydliad cyfan a phob cyfarwyddiaeth ({directorates}).',
    listSeparator: ', ',
    redTwoQuarters: 'COCH ar gyfer {quarters}.',
    twoQuartersSameYear: '{year} {previous} a {current}',
    twoQuartersAcrossYears: '{previousYear} {previous} a {year} {current}',
    lowerThanLastYear:
      'Er bod y targed wedi’i gyrraedd (targed {target}, gwirioneddol {actual}), mae’r perfformiad yn is na’r un chwarter y llynedd ({lastYear}).',
    worseThanLastYear:
      'Er bod y targed wedi’i gyrraedd (targed {target}, gwirioneddol {actual}), mae’r perfformiad yn waeth na’r un chwarter y llynedd ({lastYear}).',
    actionRed: 'Statws y cam gweithredu yw COCH ar gyfer {quarter}.',
    targetRange: '{min} i {max}',
  },
};
