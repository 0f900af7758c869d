// The web app's Welsh words: the one file a council's translation unit corrects
// (docs/cymraeg.md). Same keys and {placeholders} as en.ts; TypeScript and
// test/web/catalogue.unit.test.ts check. Loaded only when Welsh is chosen (its own chunk).
import type { WebWords } from './en';

export const cy: WebWords = {
  shell: {
    skipLink: 'Neidio i’r prif gynnwys',
    signedInAs: 'Wedi mewngofnodi fel {email} ({roles}{directorate})',
    unknown: 'anhysbys',
    noRole: 'dim rôl',
    signOut: 'Allgofnodi',
    serviceInformation: 'Gwybodaeth am y gwasanaeth',
    pages: 'Tudalennau',
    language: 'Iaith',
    loading: 'Yn llwytho…',
  },
  roles: { officer: 'swyddog', approver: 'cymeradwywr', emt: 'TRG', admin: 'gweinyddwr' },
  nav: {
    'Your returns': 'Eich ffurflenni',
    Dashboard: 'Dangosfwrdd',
    'Upload results': 'Llwytho canlyniadau',
    'Awaiting sign-off': 'Yn aros am gymeradwyaeth',
    Measures: 'Mesurau',
    'Planned work': 'Gwaith a gynlluniwyd',
    Definitions: 'Diffiniadau',
    Settings: 'Gosodiadau',
    'Close quarter': 'Cau’r chwarter',
    People: 'Pobl',
  },
  problems: {
    noRoleTitle: 'Gofynnwch i’ch tîm perfformiad am fynediad',
    noRoleDetail:
      'Rydych wedi mewngofnodi, ond nid oes gennych rôl yn Ragtime eto. Eich tîm perfformiad sy’n rhoi rolau i bobl.',
    notFoundTitle: 'Heb ddod o hyd i’r dudalen',
    notFoundDetail: 'Os gwnaethoch deipio’r cyfeiriad gwe, gwiriwch ei fod yn gywir.',
    noAccessTitle: 'Nid oes gennych fynediad',
    noAccessDetail:
      'Nid yw eich rôl yn caniatáu i chi ddefnyddio’r dudalen hon. Gofynnwch i’r tîm perfformiad os oes ei hangen arnoch.',
    problemTitle: 'Mae’n ddrwg gennym, mae problem wedi codi',
    unavailableTitle: 'Mae’n ddrwg gennym, nid yw’r gwasanaeth ar gael',
    configDetail: 'Nid oedd modd llwytho ffurfweddiad yr ap.',
  },
  date: {
    day: 'Diwrnod',
    month: 'Mis',
    year: 'Blwyddyn',
    mustIncludeDay: 'Rhaid i {label} gynnwys diwrnod',
    mustIncludeMonth: 'Rhaid i {label} gynnwys mis',
    yearFourNumbers: 'Rhaid i’r flwyddyn gynnwys 4 rhif',
    realDate: 'Rhaid i {label} fod yn ddyddiad go iawn',
  },
  criticalItem: {
    remedialActionNeeded: 'Angen camau adferol',
    owner: 'perchennog: {owner}',
    due: 'erbyn {date}',
    notEmailedYet: 'Heb ei anfon eto: bydd y TRG yn cael yr eitem hon yn yr e-bost pan fydd {quarter} yn cau{due}.',
    closeDue: ', erbyn {date}',
    whatTheEmailSaid: 'Beth ddywedodd yr e-bost',
    emailedOn: 'Anfonwyd at y TRG ar {date}{reissue}.',
    reissue: ' (ailgyhoeddiad {n})',
    notSentYet: 'Mae {quarter} wedi cau; nid yw ei e-bost wedi’i anfon eto.',
    issue: 'Mater',
    issueLabel: 'Mater:',
    inTheEmail: 'Camau adferol yn yr e-bost',
    now: 'Camau adferol nawr',
    heading: 'Eitem gritigol',
    noSuchItem: 'Nid oes gan {quarter} eitem gritigol {id}.',
    enterRemedialAction: 'Rhowch y camau adferol',
    saved: 'Camau adferol wedi’u cadw ar gyfer {title}',
    notSaved: 'Nid oedd modd cadw’r camau adferol',
    caption: 'Eitem gritigol, {quarter}',
    programme: 'Rhaglen',
    directorate: 'Cyfarwyddiaeth',
    remedialAction: 'Camau adferol',
    ownerLabel: 'Perchennog',
    dueDate: 'Dyddiad dyledus',
    dueDateHint: 'Er enghraifft, 30 6 2018',
    save: 'Cadw',
    back: 'Yn ôl i’r dangosfwrdd',
  },
  editors: {
    // (editors: keys go here)
  },
  forms: {
    // (forms: keys go here)
  },
  admin: {
    // (admin: keys go here)
  },
  dashboard: {
    // (dashboard: keys go here)
  },
  errors: {
    summaryTitle: 'Mae problem wedi codi',
    fieldPrefix: 'Gwall:',
    titlePrefix: 'Gwall: ',
  },
  shared: {
    noRole: 'Dim rôl',
    noResult: 'Dim canlyniad',
    state: {
      'not-started': 'Heb ddechrau',
      saved: 'Wedi’i chadw',
      'needs-commentary': 'Angen sylwebaeth',
      returned: 'Wedi’i dychwelyd',
    },
    frequency: { monthly: 'Misol', quarterly: 'Chwarterol', annual: 'Blynyddol' },
    polarity: {
      higher: 'Gorau po uchaf',
      lower: 'Gorau po isaf',
      within: 'Gorau o fewn ystod y targed',
    },
  },
};
