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
    /** Shared by the result and planned-work forms. */
    back: 'Back to Your returns',
    save: 'Save',
    amend: 'Amend',
    none: 'None',
    value: 'Value',
    commentary: 'Commentary',
    /** {message}: the API's reason */
    commentaryRefused: 'Commentary: {message}',
    /** {max} */
    commentaryTooLong: 'Commentary must be {max} characters or fewer',
    /** {title}, {status} */
    saved: 'Saved {title}: {status}',
    /** {title}, {status}: an admin's save to a closed quarter */
    savedAmendment: 'Saved {title} as an amendment: {status}. The report shows it after the quarter is reissued.',
    /** Numbers as typed ({name}: "the value" or "Place's value"). */
    number: {
      decimalComma: 'Use a full stop for decimals, like 12.5',
      notANumber: 'Enter {name} as a number, like 85.5',
      theValue: 'the value',
      /** {directorate} */
      directorateValue: "{directorate}'s value",
      between: 'Enter a value between {min} and {max}',
      atLeast: 'Enter a value of {min} or more',
      atMost: 'Enter a value of {max} or less',
      noResult: 'No result',
      noTarget: 'No target',
      /** {min}, {max}: figures in their unit */
      band: 'Between {min} and {max}',
    },
    result: {
      /** {period} */
      notAPeriod: '{period} is not a period of this measure.',
      commentaryRequired: 'Enter commentary (required when the result is AMBER or RED)',
      /** {message} */
      valueRefused: 'Value: {message}',
      notSaved: 'The result could not be saved.',
      enterValue: 'Enter a value',
      conflict: 'Someone else changed this result while you were editing it. Check both values, then save again.',
      target: 'Target',
      noTarget: 'No target (information only)',
      unit: 'Unit',
      polarity: 'Polarity',
      /** {quarter} */
      lastQuarter: 'Last quarter ({quarter})',
      /** {quarter} */
      lastYear: 'Same quarter last year ({quarter})',
      /** {period} */
      savedFor: 'The result saved for {period}',
      nothingSaved: 'No result was saved for this period before the quarter closed.',
      valueHint: 'A number, like 85.5',
      /** {unit} */
      valueHintUnit: 'In {unit}. A number, like 85.5',
      /** {status} */
      statusIfSaved: 'Status if saved: {status}',
      statusUnknown: 'enter a value to see it',
      commentaryHint: 'Required when the status is amber or red: why, and what is being done.',
      breakdown: 'Breakdown by directorate',
      breakdownHint: "Optional. Each directorate's own value.",
      theirs: 'Someone else changed this result',
      theirsText:
        'Someone else saved this result while you were editing it. What you typed is kept below: check it, then select Save to replace their version with yours.',
      theirsCaption: 'Their saved result and what you typed',
      savedBySomeoneElse: 'Saved by someone else',
      whatYouTyped: 'What you typed',
    },
    action: {
      selectProgress: 'Select the progress this quarter',
      conflict: 'Someone else changed this update while you were editing it. Check both, then save again.',
      /** {detail} */
      commentaryRequired: 'Enter commentary: {detail}',
      notSaved: 'The update could not be saved.',
      /** Before the programme and the quarter. */
      captionStart: 'Planned work,',
      /** {quarter} */
      savedFor: 'The update saved for {quarter}',
      nothingSaved: 'No update was saved for this quarter before it closed.',
      progress: 'Progress',
      theirs: 'Someone else changed this update',
      /** {status}, {commentary} (", with the commentary: …" or nothing) */
      theirsText:
        'They saved {status}{commentary}. What you chose is kept below: select Save to replace their update with yours.',
      /** {commentary} */
      theirCommentary: ', with the commentary: {commentary}',
      progressLegend: 'Progress this quarter',
      commentaryHint: 'Required for amber and red: what is at risk, and what is being done.',
    },
    closed: {
      important: 'Important',
      /** {quarter} */
      isClosed: '{quarter} is closed',
      /** {date} */
      closedOn: 'Closed on {date}.',
      amend:
        'What you save here is an amendment: the report keeps the figures it was closed with, and shows the amendment when the quarter is reissued.',
      ask: 'Its figures can no longer be changed here. To get a figure amended, ask the performance team.',
    },
    /** Who saved what (components/conflict.tsx, who.tsx). */
    conflict: {
      someone: 'Someone',
      /** {name}, {version}, {on} (" on 6 December 2026 at 12:38" or nothing) */
      savedVersion: '{name} saved version {version}{on}',
      /** {date} */
      on: ' on {date}',
      /** {word}: "measure", "planned work" */
      definitionHeading: 'Someone else changed this {word}',
      /** {saved}: "Jane Smith saved version 3 on …" */
      definitionText:
        '{saved} while you were editing it: see the definition history below. What you typed is kept: check it, then select Save to replace their version with yours.',
    },
    unsaved: 'You have changes that are not saved. Leave this page and lose them?',
    returns: {
      heading: 'Your returns',
      everyDirectorate: 'Every directorate',
      show: 'Show returns',
      warning: 'Warning',
      closed: 'This quarter is closed: ask the performance team to amend a return.',
      counts: 'Counts',
      measures: 'Measures',
      measure: 'Measure',
      state: 'State',
      noMeasures: 'No measures take a return this quarter.',
      plannedWork: 'Planned work',
      noPlannedWork: 'No planned work is due this quarter.',
      /** {reason} */
      reason: 'Reason: {reason}',
    },
    measure: {
      heading: 'Measure',
      /** {id} */
      noSuchMeasure: 'There is no measure {id}.',
      definition: 'Definition',
      plan: 'Plan',
      programme: 'Programme',
      owner: 'Owner',
      directorates: 'Directorates',
      frequency: 'Frequency',
      latestTarget: 'Latest target',
      trend: 'Trend',
      noQuarters: 'No quarter has a result or a target yet.',
      chartNumbers: 'The chart’s numbers',
      quarter: 'Quarter',
      actual: 'Actual',
      status: 'Status',
      history: 'Version history',
      historyFailed: 'The version history could not be loaded.',
      noHistory: 'No result has been saved yet.',
      tooFew: 'Too few results to show a trend.',
      /** {value}, {from}, {to} */
      unchanged: 'The actual was unchanged at {value} from {from} to {to}.',
      /** {first}, {from}, {last}, {to}, {better} */
      rose: 'The actual rose from {first} in {from} to {last} in {to}{better}.',
      /** {first}, {from}, {last}, {to}, {better} */
      fell: 'The actual fell from {first} in {from} to {last} in {to}{better}.',
      improvement: ', an improvement',
      decline: ', a decline',
      /** {title}, {n}, {trend} */
      chartDescription:
        '{title}, last {n} quarters. {trend} The target line is shown; the table below gives every value.',
      /** {title}, {n}, {unit} (" (%)" or nothing) */
      chartCaption: '{title}: actual and target, last {n} quarters{unit}',
      chartKey:
        'Solid line: actual (circle GREEN or BLUE, triangle AMBER, square RED, diamond otherwise). Dashed line: target.',
      /** {period} */
      versionsCaption: 'Every version of the {period} result, oldest first',
      version: 'Version',
      who: 'Who',
      when: 'When',
      amendment: 'Amendment',
      signOff: 'Sign-off',
      yes: 'Yes',
      no: 'No',
      approvedBy: 'Approved by',
      returnedBy: 'Returned by',
      /** {reason} */
      reason: 'Reason: {reason}',
      noneGiven: 'none given',
      countedAmendment: 'Counted: an amendment after the close',
      countedBefore: 'Counted: saved before sign-off',
      awaiting: 'Awaiting sign-off',
      replaced: 'Replaced before a decision',
    },
    upload: {
      heading: 'Upload results',
      /** {n} */
      result: '{n} result',
      /** {n} */
      results: '{n} results',
      /** {n} */
      update: '{n} planned work update',
      /** {n} */
      updates: '{n} planned work updates',
      /** {results}, {work} */
      both: '{results} and {work}',
      /** {what}, {name} */
      uploaded: '{what} uploaded from {name}.',
      template: 'Download a template',
      /** {quarter} */
      templateText:
        'Your measures and planned work for {quarter}, with their ids, titles, targets and last values filled in. The spreadsheet has a Notes sheet that explains each column.',
      currentQuarter: 'the current quarter',
      templateXlsx: 'Download a template (Excel)',
      templateResults: 'Results template (CSV)',
      templateWork: 'Planned work template (CSV)',
      selectFile: 'Select a results file',
      refused: 'The file was refused.',
      /** Before and after the results header: "The template filled in, or a CSV file whose first line is". */
      introStart: 'The template filled in, or a CSV file whose first line is',
      introOr: '(or',
      introEnd:
        'for planned work), then one line each. If any line is wrong nothing is saved, and every wrong line is listed.',
      quarter: 'Quarter',
      quarterHint: 'The quarter open for returns that the template is of; every line you upload must be of it too',
      noneOpen: 'No quarter is open for returns: every quarter with targets is closed.',
      file: 'Results file',
      fileHint: 'A .xlsx or .csv file, up to 256 KB',
      hasProblems: 'The file has problems: see the list above',
      upload: 'Upload',
    },
    /** {parts}: "3 GREEN, 2 AMBER" */
    trendLine: 'Trend line: {parts}',
  },
  /** Settings, People, Awaiting sign-off, the sign-in pages, the shared field components. */
  admin: {
    // (admin: keys go here)
    /** The shared components' own words (web/src/components/fields.tsx, index.tsx); {n}: a number. */
    fields: {
      remaining: 'You have {n} characters remaining',
      remainingOne: 'You have {n} character remaining',
      tooMany: 'You have {n} characters too many',
      tooManyOne: 'You have {n} character too many',
      upTo: 'You can enter up to {n} characters',
      success: 'Success',
      warning: 'Warning',
      awaitingSignOff:
        'Awaiting sign-off: an approver has not decided on the saved version yet. Saving again replaces it.',
      /** {reason} */
      reason: 'Reason: {reason}',
      noReason: 'none given',
      returned: 'Returned by the approver. Correct it and select Save to submit it again.',
      quarter: 'Quarter',
      /** {quarter} */
      closedQuarter: '{quarter} (closed)',
    },
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
