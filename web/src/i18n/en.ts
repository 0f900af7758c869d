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
    /** The link back to the page a person's role lands on. */
    goToDashboard: 'Go to the Dashboard',
    goToReturns: 'Go to Your returns',
    /** A page whose code could not be fetched (pages load on first use). */
    pageNotLoadedTitle: 'Sorry, there is a problem with the service',
    pageNotLoadedDetail: 'This page could not be loaded. Check your connection and reload the page.',
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
    /** The lists of measures and of planned work (components/definition-list.tsx). */
    list: {
      id: 'ID',
      plan: 'Plan',
      programme: 'Programme',
      owner: 'Owner directorate',
      all: 'All',
      applyFilter: 'Apply filter',
      /** {n} */
      noWelsh: '{n} of them have no Welsh title: pages in Welsh show their English title.',
      /** After the count, when the list was cut at two pages. */
      more: ' (the first 1,000: there are more)',
    },
    measures: {
      title: 'Measures',
      add: 'Add a measure',
      notLoaded: 'Sorry, the measures could not be loaded',
      notLoadedDetail: 'The measures could not be loaded.',
      filter: 'Filter measures',
      /** {shown}, {total}, {more} */
      showing: 'Showing {shown} of {total} measures{more}.',
      measure: 'Measure',
      frequency: 'Frequency',
      polarity: 'Polarity',
      possibleValues: 'Possible values',
      state: 'State',
      anyValue: 'Any',
      /** {min}, {max} */
      between: 'Between {min} and {max}',
      /** {min} */
      orMore: '{min} or more',
      /** {max} */
      orLess: '{max} or less',
      /** {quarter} */
      retiredFrom: 'Retired from {quarter}',
      inUse: 'In use',
    },
    actions: {
      title: 'Planned work',
      add: 'Add planned work',
      notLoaded: 'Sorry, the planned work could not be loaded',
      notLoadedDetail: 'The planned work could not be loaded.',
      filter: 'Filter planned work',
      /** {shown}, {total}, {more} */
      showing: 'Showing {shown} of {total} items{more}.',
      startQuarter: 'Start quarter',
      dueQuarter: 'Due quarter',
      /** {quarter} */
      retiredFrom: ' (retired from {quarter})',
      notSet: 'Not set',
    },
    /** The measure editor's own words (pages/MeasureEditor.tsx and the hook's messages). */
    measure: {
      add: 'Add a measure',
      heading: 'Measure',
      caption: 'Change a measure',
      back: 'Measures',
      /** {id} */
      notFound: 'There is no measure {id}.',
      notLoaded: 'Sorry, the measure could not be loaded',
      openPage: 'Open the measure page',
      idLabel: 'Measure ID',
      idHint:
        'Stable across years, so history and trends survive a new plan year: letters, digits, . _ - such as sickness-absence',
      enterId: 'Enter a measure ID',
      programmeHint: 'Those the plan’s measures use, or a new one',
      retire: 'Retire measure',
      yesRetire: 'Yes, retire measure',
      kept: 'Its results, the quarters already ended and its history stay.',
      /** {quarter} */
      bringBack: 'This measure was retired from {quarter}. Save will bring it back into the plan.',
      /** {title} */
      saved: 'Measure “{title}” saved.',
      /** {title}, {quarter} */
      retired: 'Measure “{title}” retired from {quarter}.',
      notRetired: 'The measure could not be retired.',
      changed: 'Someone else changed this measure while you were editing it. Check what they saved, then save again.',
      refused: 'The change was refused. Try again.',
    },
    /** The planned-work editor's own words (pages/ActionEditor.tsx and the hook's messages). */
    action: {
      add: 'Add planned work',
      heading: 'Planned work',
      caption: 'Change planned work',
      back: 'Planned work',
      /** {id} */
      notFound: 'There is no planned work {id}.',
      notLoaded: 'Sorry, the planned work could not be loaded',
      idLabel: 'ID',
      idHint: 'Stable across years: letters, digits, . _ - such as whqs-programme',
      enterId: 'Enter an ID',
      programmeHint: 'Those the plan’s planned work use, or a new one',
      retire: 'Retire planned work',
      yesRetire: 'Yes, retire planned work',
      kept: 'Its updates, the quarters already ended and its history stay.',
      /** {quarter} */
      bringBack: 'This planned work was retired from {quarter}. Save will bring it back into the plan.',
      /** {title} */
      saved: 'Planned work “{title}” saved.',
      /** {title}, {quarter} */
      retired: 'Planned work “{title}” retired from {quarter}.',
      notRetired: 'The planned work could not be retired.',
      changed:
        'Someone else changed this planned work while you were editing it. Check what they saved, then save again.',
      refused: 'The change was refused.',
      ownerHint: 'Its officers report the quarterly status',
      startHint: 'The first quarter it is reported in',
      dueHint: 'The last quarter it is reported in; not set: open-ended',
      selectStart: 'Select the start quarter',
      selectDue: 'Select the due quarter',
      dueBeforeStart: 'The due quarter must not be before the start quarter',
    },
    /** What both editors share. */
    editor: {
      tryAgain: 'Try again.',
      save: 'Save',
      cancel: 'Cancel',
      /** In `… retired from {quarter}` when the API names no quarter. */
      now: 'now',
      /** {label}, {id}: {title} */
      idUsed: '{label}: {id} is already used by “{title}”',
      /** {label}, {description} */
      badId: '{label}: {description}',
      idDescription: 'an id of 1-100 letters, digits, . _ - (starting with a letter or digit)',
      planHint: 'The plans named in Settings and those in use. To add a plan, name it in Settings first.',
      choosePlanEmpty: 'Choose a plan',
      chooseProgrammeEmpty: 'Choose a programme',
      addProgramme: 'Add a new programme',
      newProgrammeLabel: 'Name of the new programme',
      newProgrammeHint: 'Check it is not one already in the list under another spelling',
      newProgramme: 'The new programme',
      titleCy: 'Welsh version',
      titleCyHint: 'The title in Welsh. Optional: where it is empty, pages in Welsh show the English title.',
      choosePlan: 'Choose the plan',
      chooseProgramme: 'Choose the programme',
      enterNewProgramme: 'Enter the name of the new programme',
      /** {programme} */
      programmeExists: 'The programme “{programme}” already exists: choose it from the list',
      enterTitle: 'Enter a title',
      selectOwner: 'Select the owner directorate',
      chooseDirectorate: 'Choose a directorate',
      selectPolarity: 'Select the polarity',
      selectFrequency: 'Select the frequency',
      /** {label}, {message}: the label, then the API's own words. */
      labelled: '{label}: {message}',
      /** {label} */
      minAboveMax: '{label}: the minimum must not be more than the maximum',
      /** {label} */
      notANumber: '{label} must be a number',
      /** {year} */
      wholeYear: '{year} (whole year)',
      retireHeading: 'Retire {title}?',
      /** {kept}: what the definition keeps */
      retireText: 'It leaves the quarter under way and every later one. {kept}',
      /** {title} */
      bringBackHeading: 'Bring {title} back into the plan?',
      yesBringBack: 'Yes, save and bring it back',
    },
    /** The fields' names, in the editors' errors and the definition history. */
    fields: {
      id: 'ID',
      plan: 'Plan',
      programme: 'Programme',
      title: 'Title',
      titleCy: 'Title in Welsh',
      unit: 'Unit',
      polarity: 'Polarity',
      frequency: 'Frequency',
      aggregation: 'How months make a quarter',
      tolerancePercent: 'Amber tolerance (%)',
      greenTolerancePercent: 'Green tolerance (%)',
      toleranceAbsolute: 'Absolute tolerance',
      improvementSoftensRed: 'Improvement on last year softens red',
      directorates: 'Directorates',
      ownerDirectorate: 'Owner directorate',
      targets: 'Targets',
      directorateTargets: 'Directorate targets',
      retiredFrom: 'Retired',
      startQuarter: 'Start quarter',
      dueQuarter: 'Due quarter',
      valueRange: 'Possible values',
      /** The editor's error label for improvementSoftensRed. */
      improvement: 'Improvement softens red',
      theMeasure: 'The measure',
    },
    /** The measure editor's sections (measure-editor/). */
    sections: {
      unitHint: 'For example: days per FTE, %, households (optional)',
      higher: 'Higher is better',
      lower: 'Lower is better',
      within: 'Within a range',
      monthly: 'Monthly',
      quarterly: 'Quarterly',
      annual: 'Annual',
      latest: 'The latest month',
      sum: 'The sum of the months',
      mean: 'The mean of the months',
      frequencyHint: 'How often a result is given',
      aggregationHint: 'If none is chosen: the latest month',
      ownerHint: 'Its officers enter the results',
      directoratesHint: 'Those a result is broken down by. Select all that apply.',
      possibleText:
        'The values the measure can take: a result or target outside them is refused. For example 0 and 100 for a percentage, or 0 and nothing for a number of days. Leave an end empty for no limit.',
      lowest: 'Lowest possible value',
      highest: 'Highest possible value',
      theLowest: 'The lowest possible value',
      theHighest: 'The highest possible value',
      bands: 'Bands',
      bandsText: 'Leave a band empty to use the default in Settings.',
      amberHint: 'How far off target, as a percentage of the target, is still amber rather than red',
      greenHint: 'A shortfall still rated green, as a percentage of the target',
      absoluteHint: "The amber band, in the measure's unit, for targets of 0",
      improvementLegend: 'Rate a red as amber when it improved on the same quarter last year',
      asInSettings: 'As in Settings',
      yes: 'Yes',
      no: 'No',
    },
    /** The measure editor's targets (measure-editor/target-rows.tsx, form.ts). */
    targets: {
      heading: 'Targets',
      text: "A year's target applies to each of its quarters without a target of its own. A period with no target is information only.",
      byDirectorate: 'Targets by directorate',
      byDirectorateText: "Optional: a directorate's own target, beside the measure's.",
      /** {directorate} */
      forDirectorate: 'Targets for {directorate}',
      /** {n} */
      row: 'Target {n}',
      /** {directorate}, {n} */
      dirRow: '{directorate} target {n}',
      period: 'Period',
      choosePeriod: 'Choose a period',
      minimum: 'Minimum',
      maximum: 'Maximum',
      target: 'Target',
      remove: 'Remove',
      /** {n}: hidden, after Remove */
      removeRow: ' target {n}',
      /** {directorate}, {n}: hidden, after Remove */
      removeDirRow: ' {directorate} target {n}',
      add: 'Add another target',
      /** {directorate}: hidden, after Add another target */
      addFor: ' for {directorate}',
      rolledForward: 'Rolled forward',
      /** {date} */
      changedOn: 'Target changed on {date}',
      /** {period} */
      theTarget: 'The target for {period}',
      /** {directorate}, {period} */
      dirTarget: "{directorate}'s target for {period}",
      /** {period} */
      twice: 'the target for {period} is given twice: choose each period once',
      /** {directorate}, {period} */
      dirTwice: "{directorate}'s target for {period} is given twice: choose each period once",
      selectPeriod: 'Select the period of the target',
      /** {directorate} */
      selectDirPeriod: "Select the period of {directorate}'s target",
      /** {period} */
      theMinimum: 'The minimum for {period}',
      /** {period} */
      theMaximum: 'The maximum for {period}',
      /** {period} */
      enterMinimum: 'Enter the minimum for {period}',
      /** {period} */
      enterMaximum: 'Enter the maximum for {period}',
      /** {period} */
      enterTarget: 'Enter the target for {period}',
    },
    /** The definition history table (components/definition-history.tsx, definition-changes.ts). */
    history: {
      caption: 'Definition history',
      version: 'Version',
      when: 'When',
      who: 'Who',
      what: 'What changed',
      notRecorded: 'Not recorded',
      created: 'Created',
      /** {changes} */
      targets: 'Targets: {changes}',
      /** {quarter} */
      retiredFrom: 'Retired from {quarter}',
      none: 'none',
      /** {min}, {max} */
      range: '{min} to {max}',
    },
    /** The Definitions page (pages/Definitions.tsx, definitions/). */
    definitions: {
      heading: 'Definitions',
      intro:
        "Set up a new plan year from Excel alone: download the spreadsheet, fill in next year's targets, upload it, then roll forward the targets that did not change.",
      plansNotLoaded: 'The plans could not be loaded.',
      download: 'Download the definitions',
      /** {column}: the column's name, `target <period>` */
      downloadText:
        'The live measures and planned work, one row each, with a {column} column for each period that has a target.',
      plan: 'Plan',
      planHint: 'The plans named in the settings',
      allPlans: 'All plans',
      selectPlan: 'Select a plan',
      xlsx: 'Download spreadsheet (XLSX)',
      measuresCsv: 'Download measures (CSV)',
      actionsCsv: 'Download planned work (CSV)',
      upload: 'Upload definitions',
      file: 'Definitions file',
      fileHint:
        'An .xlsx with sheets Measures and Planned work, or a CSV of measures or of planned work, up to 256 KB. Every row is checked: if any is wrong, nothing is imported.',
      kind: 'What the CSV file holds',
      kindHint: 'Only for a CSV file: an .xlsx holds both sheets',
      measures: 'Measures',
      actions: 'Planned work',
      uploadButton: 'Upload',
      nothingImported: 'Nothing was imported. Correct the file and upload it again.',
      listedAtTop: 'Nothing was imported: the problems are listed at the top of the page',
      selectFile: 'Select a definitions file',
      tooLarge: 'The file is larger than 256 KB. Split it, or import one plan at a time.',
      wrongType: 'The file must be an .xlsx workbook or a .csv file',
      wrongTypeRefused: 'The file must be an .xlsx workbook or a .csv file.',
      selectKind: 'Select what the CSV file holds',
      unreachable: 'The service could not be reached. Try again.',
      refused: 'The file was refused.',
      /** {sheet}, {message} */
      sheet: 'Sheet {sheet}: {message}',
      /** {created}, {replaced}, {unchanged} */
      counts: '{created} created, {replaced} replaced, {unchanged} unchanged',
      /** {name}, {all}, {measures}, {actions}: each a count sentence */
      imported: 'Imported {name}: {all}. Measures: {measures}. Planned work: {actions}.',
      roll: 'Roll forward',
      rollLegend: 'Roll forward targets',
      rollHint:
        "Copies each live measure's targets of one year (the year's and its quarters') to another year, for the measures that have no target in that year yet. They are marked rolled forward until someone changes them.",
      fromYear: 'From year',
      fromHint: 'For example, 2017-18',
      toYear: 'To year',
      toHint: 'For example, 2018-19',
      rollButton: 'Roll forward',
      selectRollPlan: 'Select the plan to roll forward',
      enterFrom: 'Enter the year to copy from, like 2017-18',
      enterTo: 'Enter the year to copy to, like 2018-19',
      sameYear: 'The year to copy to must be another year than the one to copy from',
      rollRefused: 'The roll forward was refused.',
      /** {plan}, {from}, {to}, {rolled}, {already}, {none} */
      rolled:
        "Rolled forward {plan} from {from} to {to}: {rolled} measures given {from}'s targets, {already} already had targets for {to}, {none} had no targets for {from}.",
    },
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
    /** {title}, {status}, {directorate}: a save while sign-off is on (it counts once approved). */
    savedForSignOff:
      'Saved {title} and sent to an approver in {directorate} for sign-off. Once they approve it, its status will be {status}.',
    /** Numbers as typed ({name}: "the value" or "Place's value"). */
    number: {
      decimalComma: 'Use a full stop for decimals, like 12.5',
      notANumber: 'Enter {name} as a number, like 85.5',
      theValue: 'the value',
      /** {directorate} */
      directorateValue: "{directorate}'s value",
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
    /** Awaiting sign-off (pages/SignOffs.tsx); {title}: a measure's or planned work's title, {period}: its period. */
    signOffs: {
      heading: 'Awaiting sign-off',
      enterReason: 'Enter a reason for returning {title}',
      approved: 'Approved: {title}, {period}. It now counts in the report.',
      returned: 'Returned: {title}, {period}. Its submitter has been told the reason.',
      changedMeanwhile:
        '{title} was changed by someone else meanwhile. The list now shows its latest version: check it before you decide.',
      decidedMeanwhile: 'Someone else decided on {title} meanwhile. The list now shows what still awaits a decision.',
      refused: 'The decision was refused.',
      everyDirectorate: 'Every directorate',
      important: 'Important',
      directorate: 'Directorate',
      show: 'Show returns',
      nothing: 'Nothing is awaiting your sign-off.',
      /** {n} */
      awaitOne:
        '{n} return awaits a decision. Approve a return to make it count in the report, or return it to its submitter with a reason.',
      await:
        '{n} returns await a decision. Approve a return to make it count in the report, or return it to its submitter with a reason.',
      period: 'Period',
      quarter: 'Quarter',
      value: 'Value',
      statusIfApproved: 'Status if approved',
      progress: 'Progress',
      commentary: 'Commentary',
      none: 'None',
      submitted: 'Submitted',
      by: 'By',
      /** {date}, {version} */
      on: 'on {date} (version {version})',
      noDate: 'a date not recorded',
      reason: 'Reason',
      reasonHint: 'Needed to return it: say what the submitter should correct. They are emailed it.',
      approve: 'Approve',
      return: 'Return',
    },
    /** People (pages/People.tsx); {name}: a person's name, {roles}: their roles in words. */
    people: {
      heading: 'People',
      intro: 'Who may do what. A change applies the next time the person signs in, or within the hour.',
      nobody: 'Nobody has a role yet. Add a person below to give them one.',
      caption: 'Everyone with a role',
      nameColumn: 'Name',
      emailColumn: 'Email',
      actions: 'Actions',
      notGiven: 'Not given',
      changeLink: 'Change',
      remove: 'Remove',
      removed: '{name} no longer has any role.',
      notRemoved: 'The person could not be removed.',
      notLoaded: 'The people could not be loaded.',
      enterEmail: 'Enter an email address',
      selectDirectorate: 'Select the directorate of an officer or approver',
      saved: '{name}: {roles}.',
      conflictError:
        'Someone else changed this person while you were editing them. Check what they saved, then save again.',
      refused: 'The change was refused.',
      change: 'Change {name}',
      add: 'Add a person',
      conflictHeading: 'Someone else changed this person',
      /** {saved}: "Saved by … on …" */
      conflict:
        '{saved} while you were editing it: {roles}. What you typed is kept: check it, then select Save to replace their version with yours.',
      email: 'Email address',
      emailHint: 'The address they sign in with',
      name: 'Name (optional)',
      nameHint: 'How pages and emails name them, like Jane Smith. Without one, the name they sign in with shows.',
      roles: 'Roles',
      rolesHint: 'Select all that apply. None: they can sign in but see nothing.',
      roleHints: {
        officer: "Enters the directorate's results and planned work",
        approver: "Signs off the directorate's returns",
        emt: 'Reads the dashboard and records remedial actions',
        admin: 'Manages measures, settings, people and the close',
      },
      directorate: 'Directorate',
      directorateHint: 'Needed for officers and approvers',
      none: 'None',
      save: 'Save',
      cancel: 'Cancel',
    },
    /** The sign-in pages (pages/SignIn.tsx local, pages/CouncilSignIn.tsx AWS with federation). */
    signIn: {
      title: 'Sign in (local mode)',
      heading: 'Sign in',
      localMode: 'Local mode',
      intro:
        'Local mode: there are no passwords. Choose who to be; the local server signs a token for that role. Officers and approvers act for their directorate.',
      peopleHeading: 'People in the table',
      person: 'Person',
      personHint: 'With the roles and directorate their record gives them on the People page',
      continueAs: 'Continue as this person',
      anyRole: 'Any role, for trying things out',
      role: 'Role',
      directorate: 'Directorate',
      directorateHint: 'For officers and approvers.',
      councilIntro: 'Use the account you sign in to your council computer and email with.',
      withCouncil: 'Sign in with your council account',
      ragtimeInstead: 'If the performance team gave you a Ragtime account instead:',
      withRagtime: 'Sign in with a Ragtime account',
    },
    /** Settings (pages/Settings.tsx, settings/); {n}: a plan's or programme's number. */
    settings: {
      heading: 'Settings',
      intro: 'What the service uses without a redeploy. A change applies to the next report, email and reminder.',
      notLoaded: 'The settings could not be loaded.',
      saved: 'Settings saved.',
      conflictError:
        'Someone else changed the settings while you were editing them. Check what they saved, then save again.',
      notSaved: 'The settings could not be saved. Try again.',
      conflictHeading: 'Someone else changed the settings',
      /** {saved}: "Saved by … on …" */
      conflict:
        '{saved} while you were editing them: see the history below. What you typed is kept: check it, then select Save to replace their version with yours.',
      someoneSaved: 'Someone saved them',
      save: 'Save',
      history: 'History',
      theReport: 'The report',
      reportTitle: 'Report title',
      reportTitleHint: "The title of the report, its emails and this service's header",
      planNames: 'Plan names',
      planNamesHint: "Each plan's id (as measures name it: a-z, 0-9 and -) and the name its report carries",
      planId: 'Plan {n} id',
      planName: 'Plan {n} name',
      removePlan: 'Remove plan {n}',
      addPlan: 'Add a plan',
      welshAndEnglish: 'Welsh and English',
      reportLanguages: 'Report languages',
      reportLanguagesHint: 'The languages of the EMT email, the report page, the Word draft and the workbook',
      languages: { en: 'English', cy: 'Welsh', 'cy+en': 'Welsh and English (Welsh first)' },
      reportTitleCy: 'Report title in Welsh',
      reportTitleCyHint: 'Leave empty to show the English title',
      planNamesCy: 'Plan names in Welsh',
      planNameCy: 'Plan {n} name in Welsh',
      programmeNamesCy: 'Programme names in Welsh',
      programmeNamesCyHint: "Each programme's name as measures carry it, and its name in Welsh",
      programme: 'Programme {n}',
      programmeCy: 'Programme {n} in Welsh',
      removeProgramme: 'Remove programme {n}',
      addProgramme: 'Add a programme',
      directorateNamesCy: 'Directorate names in Welsh',
      /** {name}: a directorate's name */
      inWelsh: '{name} in Welsh',
      cabinetReport: 'The Cabinet report',
      cabinetIntro: 'What the Word draft opens with. Leave a field empty for the draft to mark it to be written.',
      inEnglishLegend: 'In English',
      inWelshLegend: 'In Welsh',
      cabinetFields: { council: 'Council', meeting: 'Meeting', author: 'Report author', portfolio: 'Portfolio' },
      /** {label}, {language} */
      cabinetLabel: '{label} ({language})',
      english: 'English',
      welsh: 'Welsh',
      meetingDate: 'Meeting date',
      meetingDateHint: 'For example, 10 7 2018',
      whoIsEmailed: 'Who is emailed',
      emtRecipients: 'EMT recipients',
      emtRecipientsHint: 'Who gets the report when a quarter closes: one email address per line',
      contacts: 'Contact email',
      contactsHint: 'Reminded of missing returns: one email address per line',
      heads: 'Head of service',
      headsHint: 'Copied into the last reminder: one email address per line',
      approvers: 'Approvers',
      approversHint: 'Emailed what awaits their sign-off: one email address per line',
      reminderDays: 'Reminder days',
      reminderDaysHint:
        'Days before the close when directorates are reminded of missing returns, separated by commas (for example 5, 1)',
      signOff: 'Sign-off',
      signOffHint: 'On: a return counts once an approver of its directorate agrees',
      on: 'On',
      off: 'Off',
      unsignedAtClose: 'When a return is not signed off at close',
      countFlagged: 'Count it and flag it as not signed off',
      noData: 'Treat it as no data',
      statusRules: 'Status rules',
      bands: {
        tolerancePercent: {
          label: 'Amber band (percent off target)',
          hint: 'A measure off target by up to this percentage is AMBER; further off, RED',
        },
        greenTolerancePercent: {
          label: 'Green band (percent off target)',
          hint: 'A measure off target by up to this percentage still counts as met (GREEN); 0 for none',
        },
        toleranceAbsolute: {
          label: 'Amber band for a target of 0',
          hint: 'Against a target of 0, a value off by up to this much is AMBER',
        },
        overallGreenAtLeastPercent: {
          label: 'Overall GREEN from (percent on track)',
          hint: 'The overall status is GREEN when at least this share of planned work and measures is on track',
        },
        overallRedBelowPercent: {
          label: 'Overall RED below (percent on track)',
          hint: 'The overall status is RED below this share; AMBER between the two',
        },
      },
      improvementSoftensRed: 'A RED measure that improved on the same quarter last year is AMBER',
      criticalItems: 'Critical items',
      criticalItemsHint: 'What makes an item critical for EMT',
      rules: {
        red: 'A measure is RED',
        'all-directorates-off': 'Every directorate of a measure is off target',
        'red-consecutive': 'A measure is RED for two quarters in a row',
        'declining-despite-target': 'A measure is declining while off target',
        'action-red': 'Planned work is RED',
      },
      noChanges: 'The settings have not been changed since the service was deployed.',
      latestChanges: 'The 10 latest changes, newest first',
      version: 'Version',
      changedBy: 'Changed by',
      when: 'When',
      notRecorded: 'Not recorded',
      /** {label}: a field's name */
      enterNumber: '{label}: enter a number',
      wholeDays: 'Reminder days: enter whole numbers of days, separated by commas',
      /** {n}, {id} */
      idTwice: 'Plan {n}: the id {id} is used twice',
      /** {label}: a field's name, {message}: the API's words */
      named: '{label}: {message}',
      /** {n}: a line of a list */
      line: ', line {n}',
      plan: 'Plan {n}',
      atClose: 'At close',
    },
  },
  /** The dashboard and the close pages (close, confirm, reissue) and their components. */
  dashboard: {
    // (dashboard: keys go here)
    heading: 'Dashboard',
    noQuarter: 'No quarter has targets yet.',
    /** {title} (the report's title and ": ", or nothing), {quarter} */
    printHeading: '{title}{quarter} performance report',
    liveSuffix: ' (live, not yet closed)',
    closedSuffix: ' (closed)',
    showQuarter: 'Show quarter',
    filters: 'Filters',
    plan: 'Plan',
    programme: 'Programme',
    directorate: 'Directorate',
    status: 'Status',
    brag: 'BRAG',
    all: 'All',
    applyFilters: 'Apply filters',
    applyFilter: 'Apply filter',
    overallStatus: 'Overall status:',
    byProgramme: 'Measures by programme',
    byDirectorate: 'Measures by directorate',
    programmes: 'Programmes',
    directorates: 'Directorates',
    overall: 'Overall',
    criticalItems: 'Critical items',
    plannedWork: 'Planned work',
    measures: 'Measures',
    /** {shown}, {total} */
    showing: 'Showing {shown} of {total} measures.',
    noMeasuresMatch: 'No measures match these filters.',
    noItemsMatch: 'No critical items match these filters.',
    noItems: 'No critical items this quarter.',
    noWorkMatches: 'No planned work matches these filters.',
    item: 'Item',
    issue: 'Issue',
    remedialAction: 'Remedial action',
    owner: 'Owner',
    due: 'Due',
    measure: 'Measure',
    actual: 'Actual',
    noResult: 'No result',
    trendLastQuarter: 'Trend on last quarter',
    trendYearAgo: 'Trend on a year ago',
    /** {n} */
    lastQuarters: 'Last {n} quarters',
    downloadReport: 'Download the report',
    reportFormats: 'Report formats',
    /** The details element that holds the JSON download. */
    dataForOtherSystems: 'Data for other systems',
    dataForOtherSystemsHint: 'The report as JSON, for loading into another system. People read the documents above.',
    /** {format} */
    download: 'Download {format}',
    /** {format} */
    downloadFailed: 'The {format} report could not be downloaded. Try again.',
    /** {name} */
    fileFailed: '{name} could not be downloaded. Try again.',
    /** The close quarter, confirmation and reissue pages. */
    close: {
      heading: 'Close quarter',
      intro:
        "Closing freezes a quarter's report and emails it to EMT. The schedule closes each quarter on its own; close one here to do it now. The next page shows what will be frozen and who will be emailed before anything happens.",
      quartersNotLoaded: 'The quarters could not be loaded.',
      continue: 'Continue',
      /** {quarter} */
      isClosed: '{quarter} is closed',
      /** {quarter} */
      closeTitle: 'Close {quarter}',
      /** {date}, {revision} */
      closedOn: 'Closed on {date}. The report is at revision {revision}.',
      /** {date} */
      emailWentOut: 'The email to EMT went out on {date}.',
      emailNotOut: 'The email to EMT has not gone out yet (it could not be sent, or another close is sending it).',
      sendTheEmail: 'Send the email',
      amendmentsSince: 'Amendments since the close',
      reissueExplained: 'Reissue the report to freeze a new revision with the amendments and email EMT again.',
      reissue: 'Reissue',
      check: 'Check what will be frozen and who will be emailed.',
      whatWillBeFrozen: 'What will be frozen',
      quarter: 'Quarter',
      overallStatus: 'Overall status',
      missingReturns: 'Missing returns',
      everyReturnIn: 'Every return is in.',
      /** {directorate}, {n} */
      missing: '{directorate}: {n} missing',
      /** {title} */
      missingMeasure: 'Measure: {title}',
      /** {title} */
      missingWork: 'Planned work: {title}',
      cannotBeUndone:
        'Closing cannot be undone. A change after the close is an amendment, sent to EMT only when the report is reissued.',
      /** {date} */
      closeEarlyQuestion: 'This quarter ends on {date}. Close it early?',
      closeEarly: 'Close it early',
      cancel: 'Cancel',
      /** {quarter} */
      notClosedTitle: '{quarter} is not closed',
      onlyClosed: 'Only a closed quarter can be reissued.',
      /** {quarter} */
      reissueTitle: 'Reissue {quarter}',
      /** {frozen}, {date}, {revision} */
      revisionFrozen:
        'Revision {frozen} was frozen when the quarter closed on {date}. The reissue freezes revision {revision}.',
      willInclude: 'What the reissue will include',
      reissueWarning: 'Reissuing freezes a new revision of the report and emails EMT again. It cannot be undone.',
      whoWillBeEmailed: 'Who will be emailed',
      subject: 'Subject',
      to: 'To',
      sent: 'Sent',
      emailSent: 'Email sent',
      emailToEmt: 'Email to EMT',
      closedBeingSent: 'Closed. The email to EMT is being sent.',
      reissuedBeingSent: 'Reissued. The email to EMT is being sent.',
      /** {date} */
      sentOn: 'The email to EMT was sent on {date}.',
      /** {reason} (" (the reason)" or nothing) */
      failed: 'The email to EMT failed{reason}.',
      gaveUp: 'It will not be tried again on its own.',
      triedAgain: 'It is tried again on its own.',
      sendAgain: 'Send again',
      frozenReport: 'The frozen report',
      /** {quarter} */
      seeOnDashboard: 'See {quarter} on the dashboard',
      /** {quarter} */
      closedTitle: '{quarter} is closed',
      /** {quarter} */
      reissuedTitle: '{quarter} is reissued',
      /** {revision} */
      revisionIsFrozen: 'Revision {revision} of the report is frozen',
      noAmendments: 'No amendments since the close.',
      /** {n} */
      amendmentsOne: '{n} amendment the reissue will include',
      /** {n} */
      amendmentsMany: '{n} amendments the reissue will include',
      measureOrWork: 'Measure or planned work',
      frozen: 'Frozen',
      now: 'Now',
      changedBy: 'Changed by',
      when: 'When',
      noUpdate: 'No update',
      reportNotLoaded: 'The report could not be loaded.',
      noAnswer: 'The service did not answer. Try again.',
      notQueued: 'The email could not be queued again. Try again.',
    },
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
