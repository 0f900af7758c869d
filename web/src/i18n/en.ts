// The web app's English words (docs/cymraeg.md "The web app's catalogue"). The Welsh in
// cy.ts has this shape: a key missing there is a type error, and
// test/web/catalogue.unit.test.ts fails on an empty or missing text. Placeholders are
// written {name}, as in the domain's words (lambdas/domain/words-en.ts), whose status,
// trend, date and quarter words the web app uses rather than repeating them here.

export const en = {
  shell: {
    skipLink: 'Skip to main content',
    /** {email}, {roles}, {directorate} (", Place" or nothing) */
    signedInAs: 'Signed in as {email} ({roles}{directorate})',
    unknown: 'unknown',
    noRole: 'no role',
    signOut: 'Sign out',
    serviceInformation: 'Service information',
    pages: 'Pages',
    /** The language switch's label (GOV.UK / HMRC language select). */
    language: 'Language',
    loading: 'Loading…',
  },
  roles: { officer: 'Officer', approver: 'Approver', emt: 'EMT', admin: 'Admin' },
  /** The navigation's labels, by the route's English label (web/src/routes.ts). */
  nav: {
    'Your returns': 'Your returns',
    Dashboard: 'Dashboard',
    'Upload results': 'Upload results',
    'Awaiting sign-off': 'Awaiting sign-off',
    Measures: 'Measures',
    'Planned work': 'Planned work',
    Definitions: 'Definitions',
    Settings: 'Settings',
    'Close quarter': 'Close quarter',
    People: 'People',
  },
  problems: {
    noRoleTitle: 'Ask your performance team for access',
    noRoleDetail:
      'You are signed in, but you have no role in Ragtime yet. Your performance team gives people their roles.',
    notFoundTitle: 'Page not found',
    notFoundDetail: 'If you typed the web address, check it is correct.',
    noAccessTitle: 'You do not have access',
    noAccessDetail: 'Your role does not allow you to use this page. Ask the performance team if you need it.',
    problemTitle: 'Sorry, there is a problem',
    unavailableTitle: 'Sorry, the service is unavailable',
    configDetail: "The app's configuration could not be loaded.",
  },
  /** The GOV.UK date input and its errors ({label}: the field's name). */
  date: {
    day: 'Day',
    month: 'Month',
    year: 'Year',
    mustIncludeDay: '{label} must include a day',
    mustIncludeMonth: '{label} must include a month',
    yearFourNumbers: 'Year must include 4 numbers',
    realDate: '{label} must be a real date',
  },
  /** EMT's page for one critical item (web/src/pages/CriticalItem.tsx). */
  criticalItem: {
    remedialActionNeeded: 'Remedial action needed',
    /** {owner} */
    owner: 'owner: {owner}',
    /** {date} */
    due: 'due {date}',
    /** {quarter}, {due} (", due 20 April 2018 at 18:00" or nothing) */
    notEmailedYet: 'Not emailed yet: EMT get this item in the email when {quarter} closes{due}.',
    /** {date} */
    closeDue: ', due {date}',
    whatTheEmailSaid: 'What the email said',
    /** {date}, {reissue} (" (reissue 1)" or nothing) */
    emailedOn: 'Emailed to EMT on {date}{reissue}.',
    /** {n} */
    reissue: ' (reissue {n})',
    /** {quarter} */
    notSentYet: '{quarter} is closed; its email has not been sent yet.',
    issue: 'Issue',
    issueLabel: 'Issue:',
    inTheEmail: 'Remedial action in the email',
    now: 'Remedial action now',
    heading: 'Critical item',
    /** {quarter}, {id} */
    noSuchItem: '{quarter} has no critical item {id}.',
    enterRemedialAction: 'Enter the remedial action',
    /** {title} */
    saved: 'Remedial action saved for {title}',
    notSaved: 'The remedial action could not be saved',
    /** {quarter} */
    caption: 'Critical item, {quarter}',
    programme: 'Programme',
    directorate: 'Directorate',
    remedialAction: 'Remedial action',
    ownerLabel: 'Owner',
    dueDate: 'Due date',
    dueDateHint: 'For example, 30 6 2018',
    save: 'Save',
    back: 'Back to the dashboard',
  },
  /** Measure and planned-work editors and lists, Definitions (pages/*Editor, *List, Definitions; measure-editor/, definitions/, components/definition-*). */
  editors: {
    // (editors: keys go here)
  },
  /** Result and planned-work forms, Your returns, the measure page, Upload results (and their components). */
  forms: {
    // (forms: keys go here)
  },
  /** Settings, People, Awaiting sign-off, the sign-in pages, the shared field components. */
  admin: {
    // (admin: keys go here)
  },
  /** The dashboard and the close pages (close, confirm, reissue) and their components. */
  dashboard: {
    // (dashboard: keys go here)
  },
  errors: {
    /** The GOV.UK error summary's title. */
    summaryTitle: 'There is a problem',
    /** Before a field's error message, for screen readers. */
    fieldPrefix: 'Error:',
    /** Before the page title while an error summary shows. */
    titlePrefix: 'Error: ',
  },
  /** The words every page shares that the domain does not have (web/src/words.ts reads them in the language shown). */
  shared: {
    /** Someone with no role, in a list of people. */
    noRole: 'No role',
    /** A figure not given. */
    noResult: 'No result',
    /** A return's state on Your returns (awaiting sign-off is the domain's word). */
    state: {
      'not-started': 'Not started',
      saved: 'Saved',
      'needs-commentary': 'Needs commentary',
      returned: 'Returned',
    },
    frequency: { monthly: 'Monthly', quarterly: 'Quarterly', annual: 'Annual' },
    polarity: {
      higher: 'Higher is better',
      lower: 'Lower is better',
      within: 'Within the target range is better',
    },
  },
};

/** The shape every language's catalogue has. */
export type WebWords = typeof en;
