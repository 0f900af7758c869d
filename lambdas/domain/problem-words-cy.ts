// The API's own problem words in Welsh (docs/cymraeg.md "The API's problem words"): each
// entry is an English text exactly as the API writes it, with its variable parts named, and
// its Welsh. A council's translation unit corrects the Welsh here, in this one file.
//
// Placeholders: `{name}` is data, kept as it is (an id, a number, a directorate), and never
// holds ": " (where a message's parts join); `{name:text}` is data that may (a title);
// `{name:words}` is itself a problem text, put into Welsh by this catalogue (kept as it is
// when no entry matches it); `{name:clause}` the same, starting mid-sentence (after "Line
// 5: "), so its first letter is small; `{name:period}` is a period or a date as the API words it ("2018-19 Q1",
// "March 2018", "31 March 2018"), put into Welsh by the domain's words; `{name:options}` is a list of
// choices as the API names them ("higher, lower or within"), its "or" put into Welsh. Entries are tried in order: the
// first whose English matches the whole text wins, so a narrower entry comes first.
//
// Not here: the domain's own texts a problem quotes, taken from the domain's words in both
// languages (`outsideRange` in words-en.ts / words-cy.ts: "Enter a percentage between 0%
// and 100%"). Not here on purpose: the field messages the web app recognises and words itself from its
// own catalogue (`required when the status is amber or red`, `min must not exceed max`,
// `startQuarter must not be after dueQuarter`): they stay as the API's contract has them.

export type ProblemEntry = readonly [english: string, welsh: string];

export const problemWordsCy: readonly ProblemEntry[] = [
  // The problem's title, by status (RFC 9457's `title`).
  ['Bad Request', 'Cais gwallus'],
  ['Unauthorized', 'Heb ei awdurdodi'],
  ['Forbidden', 'Gwaharddedig'],
  ['Not Found', 'Heb ei ganfod'],
  ['Method Not Allowed', 'Dull heb ei ganiatáu'],
  ['Not Acceptable', 'Annerbyniol'],
  ['Conflict', 'Gwrthdaro'],
  ['Precondition Failed', 'Rhagamod wedi methu'],
  ['Content Too Large', 'Cynnwys yn rhy fawr'],
  ['Unsupported Media Type', 'Math o gyfrwng na chefnogir'],
  ['Unprocessable Content', 'Cynnwys na ellir ei brosesu'],
  ['Precondition Required', 'Mae angen rhagamod'],
  ['Internal Server Error', 'Gwall mewnol ar y gweinydd'],
  ['Service Unavailable', 'Nid yw’r gwasanaeth ar gael'],
  ['Error', 'Gwall'],

  // The HTTP layer's own refusals.
  ['The {what:words} does not match the schema.', 'Nid yw {what} yn cyfateb i’r sgema.'],
  ['request body', 'corff y cais'],
  ['path', 'llwybr'],
  ['query string', 'llinyn ymholiad'],
  ['The request body is not valid JSON.', 'Nid yw corff y cais yn JSON dilys.'],
  ['The request body must be application/json.', 'Rhaid i gorff y cais fod yn application/json.'],
  ['The request body must be text/csv.', 'Rhaid i gorff y cais fod yn text/csv.'],
  [
    'The request body must be text/csv or an .xlsx workbook ({type}).',
    'Rhaid i gorff y cais fod yn text/csv neu’n llyfr gwaith .xlsx ({type}).',
  ],
  ['The request body is larger than {size} KB.', 'Mae corff y cais yn fwy na {size} KB.'],
  ['This route takes no request body.', 'Nid yw’r llwybr hwn yn derbyn corff cais.'],
  ['This route needs one of the roles: {roles}.', 'Mae angen un o’r rolau hyn ar y llwybr hwn: {roles}.'],
  [
    'You have no role in Ragtime: ask your performance team for access.',
    'Nid oes gennych rôl yn Ragtime: gofynnwch i’ch tîm perfformiad am fynediad.',
  ],
  ['Something went wrong on our side.', 'Aeth rhywbeth o’i le ar ein hochr ni.'],
  ['The item is at version {current}, not {expected}.', 'Mae’r eitem ar fersiwn {current}, nid {expected}.'],
  ['the item changed since the version given', 'mae’r eitem wedi newid ers y fersiwn a roddwyd'],
  ['a "__proto__" key is not allowed', 'ni chaniateir allwedd "__proto__"'],
  [
    'Invalid input: expected {expected}, received {received}',
    'Mewnbwn annilys: disgwylid {expected}, cafwyd {received}',
  ],
  ['Unrecognized key: {key}', 'Allwedd anhysbys: {key}'],
  ['Invalid input: expected {expected}', 'Mewnbwn annilys: disgwylid {expected}'],
  ['Invalid input', 'Mewnbwn annilys'],
  ['Invalid option: expected one of {options}', 'Dewis annilys: disgwylid un o {options}'],
  ['Too big: expected {what} to have {size} {unit}', 'Rhy fawr: disgwylid i {what} gael {size} {unit}'],
  ['Too big: expected {what} to be {size}', 'Rhy fawr: disgwylid i {what} fod yn {size}'],
  ['Too small: expected {what} to have {size} {unit}', 'Rhy fach: disgwylid i {what} gael {size} {unit}'],
  ['Too small: expected {what} to be {size}', 'Rhy fach: disgwylid i {what} fod yn {size}'],
  ['Unrecognized keys: {keys}', 'Allweddi anhysbys: {keys}'],

  // What there is not.
  ['There is no measure {id}.', 'Nid oes mesur {id}.'],
  ['There is no action {id}.', 'Nid oes gwaith a gynlluniwyd {id}.'],
  ['There is no planned work {id}.', 'Nid oes gwaith a gynlluniwyd {id}.'],
  ['There is no person {email}.', 'Nid oes unigolyn {email}.'],

  // Who may write, and when (domain/write-rules.ts): the PUT's sentence and an upload line's.
  [
    'Only officers of {directorate} (or admins) may {doing:words}.',
    'Dim ond swyddogion {directorate} (neu weinyddwyr) all {doing}.',
  ],
  [
    'Only officers of {directorate} (or admins) may {doing:words}',
    'Dim ond swyddogion {directorate} (neu weinyddwyr) all {doing}',
  ],
  ['submit results for {id}', 'gyflwyno canlyniadau ar gyfer {id}'],
  ['update {id}', 'ddiweddaru {id}'],
  [
    '{quarter} is closed; ask the performance team to amend it.',
    'Mae {quarter} wedi cau; gofynnwch i’r tîm perfformiad ei ddiwygio.',
  ],
  [
    '{quarter} is closed; ask the performance team to amend it',
    'Mae {quarter} wedi cau; gofynnwch i’r tîm perfformiad ei ddiwygio',
  ],
  // The close, the reissue and the EMT email's refusals (POST /reports/{quarter}/close, /reissue, /email/send).
  [
    '{quarter} ends on {date:period}: it has not ended. To close it early, send {"early": true}.',
    'Mae {quarter} yn dod i ben ar {date}: nid yw wedi dod i ben eto. I’w gau’n gynnar, anfonwch {"early": true}.',
  ],
  [
    '{quarter} is not closed, so there is nothing to reissue.',
    'Nid yw {quarter} wedi cau, felly nid oes dim i’w ailgyhoeddi.',
  ],
  [
    '{quarter} is not closed, so it has no EMT email to send.',
    'Nid yw {quarter} wedi cau, felly nid oes e-bost i’w anfon at y Tîm Rheoli Gweithredol.',
  ],
  [
    '{quarter} is not closed, so it has no EMT email.',
    'Nid yw {quarter} wedi cau, felly nid oes ganddo e-bost i’r Tîm Rheoli Gweithredol.',
  ],
  // PUT /settings: an email address outside the allowed domains.
  [
    'Email may go only to addresses at the allowed recipient domains.',
    'Dim ond i gyfeiriadau yn y parthau derbyn a ganiateir y caiff e-bost fynd.',
  ],
  ['Measure {id} was retired from {quarter}.', 'Cafodd mesur {id} ei ddirwyn i ben o {quarter}.'],
  ['Measure {id} was retired from {quarter}', 'Cafodd mesur {id} ei ddirwyn i ben o {quarter}'],
  ['Planned work {id} was retired from {quarter}.', 'Cafodd gwaith a gynlluniwyd {id} ei ddirwyn i ben o {quarter}.'],
  ['Planned work {id} was retired from {quarter}', 'Cafodd gwaith a gynlluniwyd {id} ei ddirwyn i ben o {quarter}'],

  // A result's value, period and commentary (PUT /measures/{id}/results/{period}).
  ['{problem:words}: {title:text} cannot be {values}.', '{problem}: ni all {title} fod yn {values}.'],
  ['The result is {status:words}: commentary is required.', 'Y canlyniad yw {status}: mae angen sylwebaeth.'],
  [
    'The breakdown names directorates this measure does not cover.',
    'Mae’r dadansoddiad yn enwi cyfarwyddiaethau nad yw’r mesur hwn yn eu cynnwys.',
  ],
  ['not one of: {list}', 'nid yw’n un o: {list}'],
  ['{period} is not a {frequency:words} period.', 'Nid yw {period} yn gyfnod {frequency}.'],
  ['{period} is not a {frequency:words} period', 'Nid yw {period} yn gyfnod {frequency}'],
  ['a {frequency:words} period id', 'id cyfnod {frequency}'],
  ['monthly', 'misol'],
  ['quarterly', 'chwarterol'],
  ['annual', 'blynyddol'],
  ['{id} is not reported in {quarter}.', 'Nid yw {id} yn cael ei adrodd yn {quarter}.'],
  ['{id} is not reported in {quarter}', 'Nid yw {id} yn cael ei adrodd yn {quarter}'],
  ['a quarter from {from:words} to {to:words}', 'chwarter o {from} hyd at {to}'],
  ['the start', 'y dechrau'],
  ['open-ended', 'penagored'],
  ['Use a full stop for decimals, like 12.5', 'Defnyddiwch atalnod llawn ar gyfer degolion, fel 12.5'],
  [
    'a number from -9,007,199,254,740,991 to 9,007,199,254,740,991, and 0 or at least 1e-130 in size',
    'rhif o -9,007,199,254,740,991 i 9,007,199,254,740,991, a 0 neu o leiaf 1e-130 o ran maint',
  ],
  [
    'only characters a Word or Excel file can hold (no control characters other than tab and line breaks, no U+FFFE, U+FFFF or unpaired surrogates)',
    'dim ond nodau y gall ffeil Word neu Excel eu dal (dim nodau rheoli heblaw tab a thoriadau llinell, dim U+FFFE, U+FFFF na dirprwyon heb bâr)',
  ],
  ['AMBER', 'AMBR'],
  ['RED', 'COCH'],
  ['GREEN', 'GWYRDD'],
  ['BLUE', 'GLAS'],
  ['amber', 'ambr'],
  ['red', 'coch'],
  ['AMBER or RED', 'AMBR neu GOCH'],

  // Uploads (POST /imports/results): the summary, then each mistake after its line.
  [
    '1 line has a mistake; nothing was stored. Correct it and upload the file again.',
    'Mae camgymeriad mewn 1 llinell; ni chafodd dim ei gadw. Cywirwch hi a lanlwythwch y ffeil eto.',
  ],
  [
    '{n} lines have mistakes; nothing was stored. Correct them and upload the file again.',
    'Mae camgymeriadau mewn {n} llinell; ni chafodd dim ei gadw. Cywirwch nhw a lanlwythwch y ffeil eto.',
  ],
  ['Line {line}: {mistake:clause}', 'Llinell {line}: {mistake}'],
  ['Results row {line}: {mistake:clause}', 'Results, rhes {line}: {mistake}'],
  ['Planned work row {line}: {mistake:clause}', 'Planned work, rhes {line}: {mistake}'],
  [
    'The CSV header must be {columns} (commentary may be left out).',
    'Rhaid i bennawd y CSV fod yn {columns} (gellir gadael y sylwebaeth allan).',
  ],
  [
    'the first line must name the columns {columns} (commentary may be left out); it is not text: save the file as CSV (comma separated)',
    'rhaid i’r llinell gyntaf enwi’r colofnau {columns} (gellir gadael y sylwebaeth allan); nid testun mohoni: cadwch y ffeil fel CSV (wedi’i gwahanu â chomas)',
  ],
  [
    'the first line must name the columns {columns} (commentary may be left out); it is {found}',
    'rhaid i’r llinell gyntaf enwi’r colofnau {columns} (gellir gadael y sylwebaeth allan); mae’n {found}',
  ],
  [
    'the first line must name the columns {columns} (commentary may be left out)',
    'rhaid i’r llinell gyntaf enwi’r colofnau {columns} (gellir gadael y sylwebaeth allan)',
  ],
  [
    'the first row must name the columns {columns} (commentary may be left out); it is {found}',
    'rhaid i’r rhes gyntaf enwi’r colofnau {columns} (gellir gadael y sylwebaeth allan); mae’n {found}',
  ],
  [
    'the first row must name the columns {columns} (commentary may be left out)',
    'rhaid i’r rhes gyntaf enwi’r colofnau {columns} (gellir gadael y sylwebaeth allan)',
  ],
  ['The CSV has no rows.', 'Nid oes rhesi yn y CSV.'],
  [
    'The CSV has {n} rows; import at most {max} at a time.',
    'Mae {n} rhes yn y CSV; mewnforiwch {max} ar y mwyaf ar y tro.',
  ],
  [
    'The workbook has {n} rows; import at most {max} at a time.',
    'Mae {n} rhes yn y llyfr gwaith; mewnforiwch {max} ar y mwyaf ar y tro.',
  ],
  [
    'The workbook has no sheet {results} or {planned}: download a template from Upload results and fill that in.',
    'Nid oes dalen {results} na {planned} yn y llyfr gwaith: lawrlwythwch dempled o Lanlwytho canlyniadau a llenwch hwnnw.',
  ],
  [
    'The file has no results or planned work filled in: nothing to upload.',
    'Nid oes canlyniadau na gwaith a gynlluniwyd wedi’u llenwi yn y ffeil: does dim i’w lanlwytho.',
  ],
  [
    'the line has {n} cells, not {count} ({names}): add the missing ones (an empty commentary still needs its comma)',
    'mae {n} cell yn y llinell, nid {count} ({names}): ychwanegwch y rhai sydd ar goll (mae angen coma ar sylwebaeth wag hefyd)',
  ],
  [
    'the line has {n} cell, not {count} ({names}): add the missing ones (an empty commentary still needs its comma)',
    'mae {n} cell yn y llinell, nid {count} ({names}): ychwanegwch y rhai sydd ar goll (mae angen coma ar sylwebaeth wag hefyd)',
  ],
  [
    'the line has {n} cells, not {count} ({names}): put text that holds commas in double quotes',
    'mae {n} cell yn y llinell, nid {count} ({names}): rhowch destun sy’n cynnwys comas rhwng dyfynodau dwbl',
  ],
  [
    'a double quote (") opens a cell that is never closed: close it, or remove it',
    'mae dyfynnod dwbl (") yn agor cell nad yw byth yn cael ei chau: caewch hi, neu dilëwch y dyfynnod',
  ],
  [
    'this line cannot be read as CSV: check its quotes and commas',
    'ni ellir darllen y llinell hon fel CSV: gwiriwch ei dyfynodau a’i chomas',
  ],
  // The columns in words.
  ['the measure id', 'id y mesur'],
  ['the planned work id', 'id y gwaith a gynlluniwyd'],
  ['the period', 'y cyfnod'],
  ['the quarter', 'y chwarter'],
  ['the value', 'y gwerth'],
  ['the status', 'y statws'],
  ['the commentary', 'y sylwebaeth'],
  ['the period {period:period}', 'y cyfnod {period}'],
  ['the quarter {quarter:period}', 'y chwarter {quarter}'],
  // A cell's mistakes.
  [
    'the status is missing: choose blue, green, amber or red',
    'mae’r statws ar goll: dewiswch las, gwyrdd, ambr neu goch',
  ],
  ['choose blue, green, amber or red for the status', 'dewiswch las, gwyrdd, ambr neu goch ar gyfer y statws'],
  ['{column:words} is missing', 'mae {column} ar goll'],
  [
    '{column:words} is longer than 4,000 characters: shorten it',
    'mae {column} yn hwy na 4,000 o gymeriadau: byrhewch y testun',
  ],
  ['{column:words} must hold {rule:words}', 'rhaid i {column} gynnwys {rule}'],
  ['the value must be {rule:words}', 'rhaid i’r gwerth fod yn {rule}'],
  ['the value is not a number: enter a number like 12.5', 'nid yw’r gwerth yn rhif: rhowch rif fel 12.5'],
  [
    '{cell:words} is not a measure id: copy the id from the measure’s page',
    'nid yw {cell} yn id mesur: copïwch yr id o dudalen y mesur',
  ],
  [
    "{cell:words} is not a measure id: copy the id from the measure's page",
    'nid yw {cell} yn id mesur: copïwch yr id o dudalen y mesur',
  ],
  [
    "{cell:words} is not a planned work id: copy the id from the planned work's page",
    'nid yw {cell} yn id gwaith a gynlluniwyd: copïwch yr id o dudalen y gwaith a gynlluniwyd',
  ],
  [
    '{cell:words} is not a period: enter a year (2017-18), a quarter (2017-18-Q4) or a month (2018-03)',
    'nid yw {cell} yn gyfnod: rhowch flwyddyn (2017-18), chwarter (2017-18-Q4) neu fis (2018-03)',
  ],
  ['{cell:words} is not a quarter: enter one like 2017-18-Q4', 'nid yw {cell} yn chwarter: rhowch un fel 2017-18-Q4'],
  [
    '{column:words} is a formula: paste the values only (Paste Special, Values)',
    'mae {column} yn fformiwla: gludwch y gwerthoedd yn unig (Gludo Arbennig, Gwerthoedd)',
  ],
  [
    '{column:words} is a date ({date}), not a value this column takes: format the cell as text or a number',
    'mae {column} yn ddyddiad ({date}), nid gwerth y mae’r golofn hon yn ei dderbyn: fformatiwch y gell fel testun neu rif',
  ],
  ['{column:words} is an error value ({error})', 'mae {column} yn werth gwall ({error})'],
  [
    '{column:words} is a cell of a kind this import does not read',
    'mae {column} yn gell o fath nad yw’r mewnforio hwn yn ei darllen',
  ],
  [
    'the same measure and period as line {line}: keep one of the two lines',
    'yr un mesur a chyfnod â llinell {line}: cadwch un o’r ddwy linell',
  ],
  [
    'the same planned work and quarter as line {line}: keep one of the two lines',
    'yr un gwaith a gynlluniwyd a chwarter â llinell {line}: cadwch un o’r ddwy linell',
  ],
  ['there is no measure "{id}": check the measure id', 'nid oes mesur "{id}": gwiriwch id y mesur'],
  [
    'there is no planned work "{id}": check the planned work id',
    'nid oes gwaith a gynlluniwyd "{id}": gwiriwch id y gwaith a gynlluniwyd',
  ],
  [
    '{refusal:words}: leave this line out, or ask that directorate to upload it',
    '{refusal}: gadewch y llinell hon allan, neu gofynnwch i’r gyfarwyddiaeth honno ei lanlwytho',
  ],
  [
    'the value {value} is outside what the measure can be: {problem:words}',
    'mae’r gwerth {value} y tu allan i’r hyn y gall y mesur fod: {problem}',
  ],
  [
    'the status is {status:words}, so the commentary is needed: say what is happening and what is being done about it',
    'y statws yw {status}, felly mae angen sylwebaeth: dywedwch beth sy’n digwydd a beth sy’n cael ei wneud yn ei gylch',
  ],
  [
    'the result is {status:words}, so the commentary is needed: say why, and what is being done about it',
    'y canlyniad yw {status}, felly mae angen sylwebaeth: dywedwch pam, a beth sy’n cael ei wneud yn ei gylch',
  ],
  ['{refusal:words}: enter a month, like 2018-03', '{refusal}: rhowch fis, fel 2018-03'],
  ['{refusal:words}: enter a year, like 2017-18', '{refusal}: rhowch flwyddyn, fel 2017-18'],
  ['{refusal:words}: enter a quarter, like 2017-18-Q4', '{refusal}: rhowch chwarter, fel 2017-18-Q4'],
  ['{refusal:words}: it is reported {when:words}', '{refusal}: caiff ei adrodd {when}'],
  ['from {from:words} to {to:words}', 'o {from} hyd at {to}'],
  [
    '{what:words} is not in {chosen:period}, the quarter chosen: correct it, or choose {other:period} and upload again',
    'nid yw {what} yn {chosen}, y chwarter a ddewiswyd: cywirwch hyn, neu dewiswch {other} a lanlwythwch eto',
  ],

  // Definitions (POST /imports/definitions): the summary, then each row's mistakes.
  [
    '1 row has a mistake; nothing was changed. Correct it and upload the file again.',
    'Mae camgymeriad mewn 1 rhes; ni newidiwyd dim. Cywirwch hi a lanlwythwch y ffeil eto.',
  ],
  [
    '{n} rows have mistakes; nothing was changed. Correct them and upload the file again.',
    'Mae camgymeriadau mewn {n} rhes; ni newidiwyd dim. Cywirwch nhw a lanlwythwch y ffeil eto.',
  ],
  ['{sheet} row {row}, {column}: {mistake:clause}', '{sheet}, rhes {row}, {column}: {mistake}'],
  ['{sheet} row {row}: {mistake:clause}', '{sheet}, rhes {row}: {mistake}'],
  [
    'the first row must name the columns {columns}; it is not text: save the file as CSV (comma separated)',
    'rhaid i’r rhes gyntaf enwi’r colofnau {columns}; nid testun mohoni: cadwch y ffeil fel CSV (wedi’i gwahanu â chomas)',
  ],
  [
    'the first row must name the columns {columns}; it is {found}',
    'rhaid i’r rhes gyntaf enwi’r colofnau {columns}; mae’n {found}',
  ],
  [
    'no header row: the first row must name the columns ({columns})',
    'dim rhes bennawd: rhaid i’r rhes gyntaf enwi’r colofnau ({columns})',
  ],
  ['this column is missing', 'mae’r golofn hon ar goll'],
  ['this sheet is missing', 'mae’r ddalen hon ar goll'],
  ['a value under no column', 'gwerth heb golofn'],
  ['required for a CSV body', 'yn ofynnol ar gyfer corff CSV'],
  ['{field} must be a number', 'rhaid i {field} fod yn rhif'],
  ['{field} must be text', 'rhaid i {field} fod yn destun'],
  ['{field} must be {max} characters or fewer', 'rhaid i {field} fod yn {max} o gymeriadau neu lai'],
  ['{field} must be {max} or less', 'rhaid i {field} fod yn {max} neu lai'],
  ['{field} must be {min} or more', 'rhaid i {field} fod yn {min} neu fwy'],
  ['{field} must be {choices:options}', 'rhaid i {field} fod yn {choices}'],
  [
    'already the id of {what:words}: measures and planned work share one set of ids',
    'dyma id {what} eisoes: mae mesurau a gwaith a gynlluniwyd yn rhannu un set o ids',
  ],
  ['a measure', 'mesur'],
  ['planned work', 'gwaith a gynlluniwyd'],

  // Sign-off (POST …/sign-off) and People (PUT /people/{email}).
  [
    'A return needs a reason, which is sent to the officer who submitted it.',
    'Mae angen rheswm i ddychwelyd ffurflen; caiff ei anfon at y swyddog a’i cyflwynodd.',
  ],
  ['required when the decision is return', 'yn ofynnol pan mai dychwelyd yw’r penderfyniad'],
  ['Nobody signs off a version they submitted.', 'Ni all neb gymeradwyo fersiwn a gyflwynodd ei hun.'],
  [
    'Only approvers of {directorate} (or admins) may sign off {subject}.',
    'Dim ond cymeradwywyr {directorate} (neu weinyddwyr) all gymeradwyo {subject}.',
  ],
  ['Version {version} was already approved.', 'Mae fersiwn {version} eisoes wedi’i chymeradwyo.'],
  ['Version {version} was already returned.', 'Mae fersiwn {version} eisoes wedi’i dychwelyd.'],
  ['Version {version} was not submitted for sign-off.', 'Ni chyflwynwyd fersiwn {version} i’w chymeradwyo.'],
  [
    'Sign-off is off in this deployment: every saved version counts.',
    'Mae cymeradwyo wedi’i ddiffodd yma: mae pob fersiwn a gadwyd yn cyfrif.',
  ],
  ['each role at most once', 'pob rôl unwaith ar y mwyaf'],
  ['an officer or approver needs a directorate', 'mae angen cyfarwyddiaeth ar swyddog neu gymeradwywr'],
];
