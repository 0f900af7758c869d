import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureColumns } from '../../lambdas/render/definition-sheets';
import { useTestStack } from '../support/api-test';
import { freshId } from '../support/fresh';
import { placeMeasure } from '../support/route-samples';
import { type TableDumper, tableDumper } from '../support/table-dump';

// Uploads list every mistake at once (SPEC §5 POST /imports/results, §12 "Words, not
// data"): parse, permission and validation errors together, in line order, each with its
// line and column in words and what to do; nothing stored.

const t = useTestStack({ tokens: { admin: 'admin', officer: { role: 'officer', directorate: 'Place' } } });
let dumper: TableDumper;

beforeAll(async () => {
  dumper = tableDumper(t.stack.dynamodbUrl, process.env.TABLE_NAME!);
});
afterAll(async () => {
  dumper?.close();
});

interface Problem {
  status: number;
  detail: string;
  errors: { path: string; message: string }[];
}

const put = async (id: string, body: Record<string, unknown>) =>
  expect((await t.call('PUT', `/measures/${id}`, { token: t.tokens.admin, body })).status).toBe(201);
const upload = (body: string, token = t.tokens.officer) =>
  t.call('POST', '/imports/results', { token, body, headers: { 'content-type': 'text/csv' } });

/** Five different mistakes on lines 3 to 7 (line 2 is good): a short line, another directorate’s measure, junk, out of range, red with no commentary. */
async function fiveMistakes(): Promise<string> {
  const mine = freshId('mine');
  const theirs = freshId('theirs');
  await put(mine, { ...placeMeasure, valueRange: { min: 0, max: 100 }, targets: { '2017-18': 80, '2018-19': 80 } });
  await put(theirs, { ...placeMeasure, directorates: ['People'], ownerDirectorate: 'People' });
  return [
    'measureId,period,value,commentary',
    `${mine},2017-18-Q1,85,Fine`, // line 2: good
    `${mine},2017-18-Q2`, // line 3: short line
    `${theirs},2017-18-Q1,90,`, // line 4: another directorate's measure
    `${mine},2017-18-Q3,lots,`, // line 5: junk in the value
    `${mine},2017-18-Q4,120,`, // line 6: out of the measure's range
    `${mine},2018-19-Q1,50,`, // line 7: red, no commentary
  ].join('\n');
}

/** Where the five mistakes are: line 3 whole, then a cell of each of lines 4 to 7. */
const fiveMistakePaths = ['/line/3', '/line/4/measureId', '/line/5/value', '/line/6/value', '/line/7/commentary'];

describe('POST /imports/results lists every mistake at once', () => {
  it('five different mistakes (short line, junk cell, another directorate’s measure, out of range, no commentary): all five, in line order, in words; nothing stored', async () => {
    const csv = await fiveMistakes();
    const before = await dumper.dump();
    const res = await upload(csv);
    expect(res.status).toBe(422);
    const problem = (await res.json()) as Problem;
    expect(problem.detail).toBe('5 lines have mistakes; nothing was stored. Correct them and upload the file again.');
    expect(problem.errors.map((e) => e.path)).toEqual(fiveMistakePaths);
    const messages = problem.errors.map((e) => e.message);
    expect(messages[0]).toBe(
      'Line 3: the line has 2 cells, not 4 (measureId, period, value, commentary): add the missing ones (an empty commentary still needs its comma)',
    );
    expect(messages[1]).toMatch(
      /^Line 4: only officers of People \(or admins\) may submit results for .+: leave this line out/,
    );
    expect(messages[2]).toBe('Line 5: the value is not a number: enter a number like 12.5');
    expect(messages[3]).toBe(
      'Line 6: the value 120 is outside what the measure can be: enter a percentage between 0% and 100%',
    );
    expect(messages[4]).toBe(
      'Line 7: the result is RED, so the commentary is needed: say why, and what is being done about it',
    );
    // No raw parser or validator text.
    for (const m of messages) expect(m).not.toMatch(/Invalid Record Length|expected one of|columns length/);
    expect(await dumper.dump()).toBe(before);
  });

  it('a missing value and a decimal comma say what to do', async () => {
    const mine = freshId('mine');
    await put(mine, placeMeasure);
    const res = await upload(`measureId,period,value,commentary\n${mine},2017-18-Q1,,\n${mine},2017-18-Q2,"12,5",\n`);
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors).toEqual([
      { path: '/line/2/value', message: 'Line 2: the value is missing' },
      { path: '/line/3/value', message: 'Line 3: use a full stop for decimals, like 12.5' },
    ]);
  });

  it('a junk file says its first line is not the header, without echoing its bytes', async () => {
    const junk = '\u0001\u0002PK\u0003\u0004\u00ff\u00fe\n\u0005,\u0006\n';
    const res = await upload(junk);
    expect(res.status).toBe(422);
    const { errors } = (await res.json()) as Problem;
    expect(errors).toEqual([
      {
        path: '/line/1',
        message:
          'Line 1: the first line must name the columns measureId,period,value,commentary (commentary may be left out); it is not text: save the file as CSV (comma separated)',
      },
    ]);
  });

  it('a file whose only mistakes are other directorates’ measures is forbidden (403), listing each line', async () => {
    const theirs = freshId('theirs');
    await put(theirs, { ...placeMeasure, directorates: ['People'], ownerDirectorate: 'People' });
    const res = await upload(`measureId,period,value\n${theirs},2017-18-Q1,90\n${theirs},2017-18-Q2,90\n`);
    expect(res.status).toBe(403);
    expect(((await res.json()) as Problem).errors.map((e) => e.path)).toEqual([
      '/line/2/measureId',
      '/line/3/measureId',
    ]);
  });
});

describe('problems in Welsh (Accept-Language: cy, docs/cymraeg.md "The API’s problem words")', () => {
  const welsh = { 'content-type': 'text/csv', 'accept-language': 'cy' };

  it('an upload with the five mistakes: all five in line order, in Welsh; English without the header is unchanged', async () => {
    const csv = await fiveMistakes();
    const before = await dumper.dump();
    const res = await t.call('POST', '/imports/results', { token: t.tokens.officer, body: csv, headers: welsh });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-language')).toBe('cy');
    expect(res.headers.get('vary')).toBe('accept-language');
    const problem = (await res.json()) as Problem & { title: string };
    expect(problem.title).toBe('Cynnwys na ellir ei brosesu');
    expect(problem.detail).toBe(
      'Mae camgymeriadau mewn 5 llinell; ni chafodd dim ei gadw. Cywirwch nhw a lanlwythwch y ffeil eto.',
    );
    expect(problem.errors.map((e) => e.path)).toEqual(fiveMistakePaths);
    const messages = problem.errors.map((e) => e.message);
    expect(messages[0]).toBe(
      'Llinell 3: mae 2 cell yn y llinell, nid 4 (measureId, period, value, commentary): ychwanegwch y rhai sydd ar goll (mae angen coma ar sylwebaeth wag hefyd)',
    );
    expect(messages[1]).toMatch(
      /^Llinell 4: dim ond swyddogion People \(neu weinyddwyr\) all gyflwyno canlyniadau ar gyfer theirs-.+: gadewch y llinell hon allan, neu gofynnwch i’r gyfarwyddiaeth honno ei lanlwytho$/,
    );
    expect(messages[2]).toBe('Llinell 5: nid yw’r gwerth yn rhif: rhowch rif fel 12.5');
    expect(messages[3]).toBe(
      'Llinell 6: mae’r gwerth 120 y tu allan i’r hyn y gall y mesur fod: rhowch ganran rhwng 0% a 100%',
    );
    expect(messages[4]).toBe(
      'Llinell 7: y canlyniad yw COCH, felly mae angen sylwebaeth: dywedwch pam, a beth sy’n cael ei wneud yn ei gylch',
    );
    expect(await dumper.dump()).toBe(before);

    // The same file with no header, or asking for English: the English answer, as before.
    const asked: Record<string, string>[] = [
      { 'content-type': 'text/csv' },
      { 'content-type': 'text/csv', 'accept-language': 'en-GB,cy;q=0.5' },
    ];
    for (const headers of asked) {
      const english = await t.call('POST', '/imports/results', { token: t.tokens.officer, body: csv, headers });
      expect(english.headers.get('content-language')).toBe('en');
      const body = (await english.json()) as Problem & { title: string };
      expect(body.title).toBe('Unprocessable Content');
      expect(body.detail).toBe('5 lines have mistakes; nothing was stored. Correct them and upload the file again.');
      expect(body.errors[2]!.message).toBe('Line 5: the value is not a number: enter a number like 12.5');
    }
  });

  it('a validator’s refusal of PUT a result, in Welsh; the field message the web app words itself stays as the contract has it', async () => {
    const mine = freshId('welsh-put');
    await put(mine, { ...placeMeasure, valueRange: { min: 0, max: 100 } });
    const putResult = (body: unknown, headers: Record<string, string>) =>
      t.call('PUT', `/measures/${mine}/results/2017-18-Q1`, { token: t.tokens.officer, body, headers });
    const outside = await putResult({ value: 120, commentary: 'Too many' }, { 'accept-language': 'cy' });
    expect(outside.status).toBe(422);
    expect(await outside.json()).toMatchObject({
      title: 'Cynnwys na ellir ei brosesu',
      detail: `Rhowch ganran rhwng 0% a 100%: ni all ${placeMeasure.title} fod yn 120%.`,
      errors: [{ path: '/value', message: 'Rhowch ganran rhwng 0% a 100%' }],
    });
    const schema = await putResult({ value: 'lots' }, { 'accept-language': 'cy' });
    expect(schema.status).toBe(422);
    const refused = (await schema.json()) as Problem;
    expect(refused.detail).toBe('Nid yw corff y cais yn cyfateb i’r sgema.');
    expect(refused.errors[0]!.message).toMatch(/^Mewnbwn annilys: disgwylid /);
    const red = await putResult({ value: 50 }, { 'accept-language': 'cy' });
    expect(await red.json()).toMatchObject({
      detail: 'Y canlyniad yw COCH: mae angen sylwebaeth.',
      errors: [{ path: '/commentary', message: 'required when the status is amber or red' }],
    });
    // English, as it always was.
    const english = await putResult({ value: 120, commentary: 'Too many' }, {});
    expect(await english.json()).toMatchObject({
      title: 'Unprocessable Content',
      detail: `Enter a percentage between 0% and 100%: ${placeMeasure.title} cannot be 120%.`,
      errors: [{ path: '/value', message: 'Enter a percentage between 0% and 100%' }],
    });
  });
});

describe('POST /imports/results?quarter= (the quarter chosen on Upload results)', () => {
  it('lists each row of another quarter with the other mistakes, stores nothing; rows of that quarter are stored', async () => {
    const mine = freshId('chosen');
    await put(mine, { ...placeMeasure, targets: { '2017-18': 80, '2018-19': 80 } });
    const work = freshId('chosen-work');
    const action = { plan: 'cip', programme: 'Learning', title: 'Chosen work', ownerDirectorate: 'Place' };
    expect((await t.call('PUT', `/actions/${work}`, { token: t.tokens.admin, body: action })).status).toBe(201);
    const results = ['measureId,period,value,commentary', `${mine},2018-19-Q1,85,`, `${mine},2018-19-Q2,lots,`];
    const before = await dumper.dump();
    const call = (csv: string[], quarter: string) =>
      t.call('POST', `/imports/results?quarter=${quarter}`, {
        token: t.tokens.officer,
        body: csv.join('\n'),
        headers: { 'content-type': 'text/csv' },
      });
    const res = await call(results, '2018-19-Q2');
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors).toEqual([
      {
        path: '/line/2/period',
        message:
          'Line 2: the period 2018-19 Q1 is not in 2018-19 Q2, the quarter chosen: correct it, or choose 2018-19 Q1 and upload again',
      },
      { path: '/line/3/value', message: 'Line 3: the value is not a number: enter a number like 12.5' },
    ]);
    const updates = await call(['actionId,quarter,status,commentary', `${work},2018-19-Q1,green,`], '2018-19-Q2');
    expect(updates.status).toBe(422);
    expect(((await updates.json()) as Problem).errors.map((e) => e.message)).toEqual([
      'Line 2: the quarter 2018-19 Q1 is not in 2018-19 Q2, the quarter chosen: correct it, or choose 2018-19 Q1 and upload again',
    ]);
    expect(await dumper.dump()).toBe(before);
    expect((await call(results.slice(0, 2), '2018-19-Q1')).status).toBe(201);
    // A quarter that is no quarter is refused before the file is read.
    expect((await call(results, '2018-19')).status).toBe(422);
  });
});

describe('POST /imports/definitions lists every bad row at once', () => {
  it('cell and schema mistakes together, in row order, in words (no raw validator text); nothing changed', async () => {
    const id = freshId('def');
    const csv = [
      'id,plan,programme,title,polarity,frequency,ownerDirectorate,target 2017-18',
      `${id}-a,cip,Learning,Good,higher,quarterly,People,80`, // row 2: good
      `${id}-b,cip,Learning,Upwards,upwards,quarterly,People,80`, // row 3: polarity
      `${id}-c,cip,Learning,Junk,higher,quarterly,People,lots`, // row 4: junk target cell
      `${id}-d,cip,Learning,,higher,weekly,People,80`, // row 5: no title, bad frequency
    ].join('\n');
    const before = await dumper.dump();
    const res = await t.call('POST', '/imports/definitions?kind=measures', {
      token: t.tokens.admin,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as Problem;
    expect(problem.detail).toBe('3 rows have mistakes; nothing was changed. Correct them and upload the file again.');
    expect(problem.errors.map((e) => e.path)).toEqual([
      '/Measures/row/3/polarity',
      '/Measures/row/4/target 2017-18',
      '/Measures/row/5/title',
      '/Measures/row/5/frequency',
    ]);
    expect(problem.errors[0]!.message).toBe('Measures row 3, polarity: polarity must be higher, lower or within');
    expect(problem.errors[2]!.message).toBe('Measures row 5, title: title is missing');
    expect(problem.errors[3]!.message).toBe(
      'Measures row 5, frequency: frequency must be monthly, quarterly or annual',
    );
    for (const e of problem.errors) expect(e.message).not.toMatch(/Invalid option|expected one of|Too small/);
    expect(await dumper.dump()).toBe(before);
  });

  const importCsv = (kind: 'measures' | 'actions', body: string) =>
    t.call('POST', `/imports/definitions?kind=${kind}`, {
      token: t.tokens.admin,
      body,
      headers: { 'content-type': 'text/csv' },
    });

  it('a junk file is one mistake in words, without echoing its bytes', async () => {
    const res = await importCsv('measures', '\u0001\u0002PK\u0003\u0004\u00ff\u00fe\n\u0005,\u0006\n');
    expect(res.status).toBe(422);
    const { errors } = (await res.json()) as Problem;
    expect(errors).toEqual([
      {
        path: '/Measures/row/1/',
        message: `Measures row 1: the first row must name the columns ${measureColumns.join(',')}; it is not text: save the file as CSV (comma separated)`,
      },
    ]);
  });

  it('a line that cannot be read is listed with the other rows’ mistakes, in row order', async () => {
    const id = freshId('act');
    const csv = [
      'id,plan,programme,title,ownerDirectorate',
      `${id}-a,cip,Learning,"Never closed,People`, // row 2: the quote runs to the end of the file
    ].join('\n');
    const unclosed = await importCsv('actions', csv);
    expect(unclosed.status).toBe(422);
    expect(((await unclosed.json()) as Problem).errors).toEqual([
      {
        path: '/Planned work/row/2/',
        message: 'Planned work row 2: a double quote (") opens a cell that is never closed: close it, or remove it',
      },
    ]);
    const before = await dumper.dump();
    const mixed = [
      'id,plan,programme,title,ownerDirectorate',
      `${id}-b,cip,Learning,,People`, // row 2: no title
      `${id}-c,cip,Learning,Good,People`, // row 3: good
      `${id}-d,cip,Learning,Say "hi" twice,Peo"ple`, // row 4: read (quotes relaxed) and good
      `${id}-e,cip,Learning,Title,`, // row 5: no owner
    ].join('\n');
    const res = await importCsv('actions', mixed);
    expect(res.status).toBe(422);
    const problem = (await res.json()) as Problem;
    expect(problem.errors.map((e) => e.message)).toEqual([
      'Planned work row 2, title: title is missing',
      'Planned work row 5, ownerDirectorate: ownerDirectorate is missing',
    ]);
    expect(await dumper.dump()).toBe(before);
  });
});
