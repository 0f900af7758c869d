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
  roles: { officer: 'officer', approver: 'approver', emt: 'emt', admin: 'admin' },
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
  errors: {
    /** The GOV.UK error summary's title. */
    summaryTitle: 'There is a problem',
    /** Before a field's error message, for screen readers. */
    fieldPrefix: 'Error:',
    /** Before the page title while an error summary shows. */
    titlePrefix: 'Error: ',
  },
};

/** The shape every language's catalogue has. */
export type WebWords = typeof en;
