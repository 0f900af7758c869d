import { describe, expect, it } from 'vitest';
import { useTestStack } from '../support/api-test';
import { axeViolations } from '../support/axe';
import { freshId, freshYear, freshYears } from '../support/fresh';

// Results, listings, planned work, imports, reports and settings through real HTTP.
// Every test makes its own measures, actions, plans and quarters (test/support/fresh.ts):
// none reads what another wrote, so they pass in any order.

const t = useTestStack({ tokens: { admin: 'admin', officer: { role: 'officer', directorate: 'People' }, emt: 'emt' } });

const measure = (over: Record<string, unknown> = {}) => ({
  plan: 'cip',
  programme: 'Learning',
  title: 'Schools with deficit budgets',
  unit: 'schools',
  polarity: 'lower',
  frequency: 'quarterly',
  directorates: ['People'],
  ownerDirectorate: 'People',
  targets: {},
  ...over,
});

/** A People measure (lower is better, target 10 for `year`) that only this test uses. */
async function newMeasure(year: string, over: Record<string, unknown> = {}): Promise<string> {
  const id = freshId('m');
  const res = await t.call('PUT', `/measures/${id}`, {
    token: t.tokens.admin,
    body: measure({ targets: { [year]: 10 }, ...over }),
  });
  expect(res.status).toBe(201);
  return id;
}

const putResult = (id: string, period: string, body: unknown, options: { token?: string; ifMatch?: string } = {}) =>
  t.call('PUT', `/measures/${id}/results/${period}`, {
    token: options.token ?? t.tokens.officer,
    body,
    headers: options.ifMatch ? { 'if-match': options.ifMatch } : undefined,
  });

type Versions = { versions: { version: number; value: number; commentary: string; by: string; amendment?: boolean }[] };
const history = async (id: string, period: string) =>
  (await (
    await t.call('GET', `/measures/${id}/results/${period}/history`, { token: t.tokens.emt })
  ).json()) as Versions;

interface ReportBody {
  revision: number;
  closed: boolean;
  measures: { id: string; status: string; plan: string }[];
  amendments: { kind: string; id: string; version: number; frozenVersion: number }[];
  criticalItems: { id: string; rules: string[]; remedialAction: { text: string } | null }[];
  summary: { sentences: string[] };
}
const report = async (quarter: string, query = '') =>
  (await (await t.call('GET', `/reports/${quarter}${query}`, { token: t.tokens.emt })).json()) as ReportBody;

describe('versioned results', () => {
  it('keeps five updates as five versions in order, each answered with its ETag', async () => {
    const { year, q } = freshYear();
    const id = await newMeasure(year);
    for (let i = 1; i <= 5; i++) {
      const res = await putResult(id, q(1), { value: i, commentary: `return ${i}` });
      expect(res.status).toBe(i === 1 ? 201 : 200);
      expect(res.headers.get('etag')).toBe(`"${i}"`);
    }
    const { versions } = await history(id, q(1));
    expect(versions.map((v) => [v.version, v.value, v.commentary])).toEqual(
      [1, 2, 3, 4, 5].map((i) => [i, i, `return ${i}`]),
    );
    expect(new Set(versions.map((v) => v.by))).toEqual(new Set(['local-officer-people']));
  });

  it('answers a stale If-Match with 412 and the current ETag, and changes nothing', async () => {
    const { year, q } = freshYear();
    const id = await newMeasure(year);
    for (const value of [1, 2, 3]) await putResult(id, q(1), { value });
    const res = await putResult(id, q(1), { value: 9 }, { ifMatch: '"2"' });
    expect(res.status).toBe(412);
    expect(res.headers.get('etag')).toBe('"3"');
    expect((await history(id, q(1))).versions.map((v) => v.value)).toEqual([1, 2, 3]);
  });

  it('writes the next version when If-Match names the current one', async () => {
    const { year, q } = freshYear();
    const id = await newMeasure(year);
    for (const value of [1, 2, 3]) await putResult(id, q(1), { value });
    const res = await putResult(id, q(1), { value: 9 }, { ifMatch: '"3"' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"4"');
    expect((await history(id, q(1))).versions.map((v) => v.value)).toEqual([1, 2, 3, 9]);
  });

  it('refuses an amber or red result without commentary (422) and stores nothing', async () => {
    const { year, q } = freshYear();
    const id = await newMeasure(year);
    expect((await putResult(id, q(2), { value: 12 })).status).toBe(422);
    expect((await t.call('GET', `/measures/${id}/results/${q(2)}/history`, { token: t.tokens.emt })).status).toBe(404);
  });

  it('answers each write with its version and computed status', async () => {
    const { year, q } = freshYear();
    const id = await newMeasure(year);
    let res = await putResult(id, q(2), { value: 12, commentary: 'Two academies converted.' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ status: 'red', version: 1, quarter: q(2) });
    res = await putResult(id, q(2), { value: 10 });
    expect(await res.json()).toMatchObject({ status: 'green', version: 2 });
  });

  it('shows a measure with its results, quarter statuses and direction of travel', async () => {
    const { year, q } = freshYear();
    const id = await newMeasure(year);
    await putResult(id, q(1), { value: 9 });
    await putResult(id, q(2), { value: 10 });
    const res = await t.call('GET', `/measures/${id}`, { token: t.tokens.officer });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      measure: { id: string };
      results: { period: string; value: number }[];
      quarters: { quarter: string; status: string; trend: { previousQuarter: string } }[];
    };
    expect(body.measure.id).toBe(id);
    expect(body.results.map((r) => [r.period, r.value])).toEqual([
      [q(1), 9],
      [q(2), 10],
    ]);
    expect(body.quarters.map((x) => [x.quarter, x.status, x.trend.previousQuarter])).toEqual([
      [q(1), 'green', 'no-comparison'],
      [q(2), 'green', 'declining'],
    ]);
  });
});

describe('listing', () => {
  /** Seven measures in a plan of their own, alternately People and Place. */
  async function sevenMeasures(): Promise<{ plan: string; ids: string[] }> {
    const plan = freshId('plan');
    const ids = Array.from({ length: 7 }, (_, i) => `${plan}-${i}`);
    for (const [i, id] of ids.entries()) {
      const directorate = i % 2 ? 'Place' : 'People';
      await t.call('PUT', `/measures/${id}`, {
        token: t.tokens.admin,
        body: measure({ plan, directorates: [directorate], ownerDirectorate: directorate, title: `Measure ${i}` }),
      });
    }
    return { plan, ids };
  }
  type Page = { measures: { id: string }[]; next: string | null };
  const page = async (query: string) =>
    (await (await t.call('GET', `/measures?${query}`, { token: t.tokens.officer })).json()) as Page;

  it('pages measures with an opaque cursor, each once, in id order', async () => {
    const { plan, ids } = await sevenMeasures();
    const seen: string[] = [];
    const sizes: number[] = [];
    let next: string | null = null;
    do {
      const p = await page(`plan=${plan}&limit=3${next ? `&next=${next}` : ''}`);
      sizes.push(p.measures.length);
      seen.push(...p.measures.map((m) => m.id));
      next = p.next;
    } while (next && sizes.length < 10);
    expect(sizes).toEqual([3, 3, 1]);
    expect(seen).toEqual(ids);
  });

  it('filters by plan', async () => {
    const { plan, ids } = await sevenMeasures();
    await sevenMeasures(); // another plan, which must not show
    expect((await page(`plan=${plan}`)).measures.map((m) => m.id)).toEqual(ids);
  });

  it('filters by directorate, and the cursor keeps the filter', async () => {
    const { plan, ids } = await sevenMeasures();
    const first = await page(`plan=${plan}&directorate=Place&limit=1`);
    expect(first.measures.map((m) => m.id)).toEqual([ids[1]]);
    const rest = await page(`plan=${plan}&directorate=Place&limit=5&next=${first.next}`);
    expect(rest.measures.map((m) => m.id)).toEqual([ids[3], ids[5]]);
  });
});

describe('retiring a measure', () => {
  it('takes it out of the quarter under way and later ones, keeps it in earlier reports with its history', async () => {
    const { year, q } = freshYear();
    const id = await newMeasure(year, { title: 'Retiring' });
    await putResult(id, q(1), { value: 1 }, { token: t.tokens.admin });
    const res = await t.call('DELETE', `/measures/${id}`, { token: t.tokens.admin });
    expect(res.status).toBe(200);
    const { retiredFrom } = (await res.json()) as { retiredFrom: string };
    expect(retiredFrom).toMatch(/^\d{4}-\d{2}-Q[1-4]$/);
    expect((await report(q(1))).measures.map((m) => m.id)).toContain(id);
    expect((await report(retiredFrom)).measures.map((m) => m.id)).not.toContain(id);
    expect((await t.call('GET', `/measures/${id}/results/${q(1)}/history`, { token: t.tokens.admin })).status).toBe(
      200,
    );
  });

  it('answers 404 for a measure that never was', async () => {
    expect((await t.call('DELETE', `/measures/${freshId('never')}`, { token: t.tokens.admin })).status).toBe(404);
  });
});

describe('planned work', () => {
  /** A People action reported over `year`'s first three quarters. */
  async function newAction(year: { q: (n: 1 | 2 | 3 | 4) => string }): Promise<string> {
    const id = freshId('a');
    const res = await t.call('PUT', `/actions/${id}`, {
      token: t.tokens.admin,
      body: {
        plan: 'cip',
        programme: 'Services delivered for less',
        title: 'Communications strategy',
        ownerDirectorate: 'People',
        startQuarter: year.q(1),
        dueQuarter: year.q(3),
      },
    });
    expect(res.status).toBe(201);
    return id;
  }
  const update = (id: string, quarter: string, body: unknown) =>
    t.call('PUT', `/actions/${id}/updates/${quarter}`, { token: t.tokens.officer, body });

  it('refuses an update for a quarter outside the action’s start and due quarters (422)', async () => {
    const year = freshYear();
    const id = await newAction(year);
    expect((await update(id, year.q(4), { status: 'green' })).status).toBe(422);
  });

  it('refuses amber without commentary (422)', async () => {
    const year = freshYear();
    const id = await newAction(year);
    expect((await update(id, year.q(2), { status: 'amber' })).status).toBe(422);
  });

  it('answers 201 for a quarter’s first update and 200 after, and shows the latest with its version', async () => {
    const year = freshYear();
    const id = await newAction(year);
    expect((await update(id, year.q(2), { status: 'amber', commentary: 'Weather delayed the review.' })).status).toBe(
      201,
    );
    expect((await update(id, year.q(2), { status: 'green' })).status).toBe(200);
    const detail = (await (await t.call('GET', `/actions/${id}`, { token: t.tokens.emt })).json()) as {
      action: { id: string };
      updates: { quarter: string; status: string; version: number }[];
    };
    expect(detail.action.id).toBe(id);
    expect(detail.updates.map((u) => [u.quarter, u.status, u.version])).toEqual([[year.q(2), 'green', 2]]);
  });

  it('lists actions filtered by directorate', async () => {
    const year = freshYear();
    const id = await newAction(year);
    const other = freshId('a');
    await t.call('PUT', `/actions/${other}`, {
      token: t.tokens.admin,
      body: { plan: 'cip', programme: 'Developing the economy', title: 'Adopt the LDP', ownerDirectorate: 'Place' },
    });
    const list = (await (
      await t.call('GET', '/actions?directorate=People&limit=100', { token: t.tokens.emt })
    ).json()) as {
      actions: { id: string }[];
    };
    const ids = list.actions.map((a) => a.id);
    expect(ids).toContain(id);
    expect(ids).not.toContain(other);
  });
});

describe('CSV import', () => {
  const header = 'measureId,period,value,commentary';
  /** Ten monthly measures × ten months of 2017-18: 100 valid rows. */
  async function hundredRows(): Promise<{ ids: string[]; lines: string[] }> {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(await newMeasure('2017-18', { title: `CSV ${i}`, frequency: 'monthly' }));
    const months = ['04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2017-${m}`).concat('2018-01');
    const lines = months.flatMap((month) => ids.map((id, i) => `${id},${month},${5 + (i % 3)},"Sample, quoted"`));
    expect(lines).toHaveLength(100);
    return { ids, lines };
  }
  const importCsv = (body: string, contentType = 'text/csv') =>
    t.call('POST', '/imports/results', { token: t.tokens.officer, body, headers: { 'content-type': contentType } });

  it('stores nothing when one row of 100 is bad, naming its line', async () => {
    const { ids, lines } = await hundredRows();
    const bad = [...lines];
    bad[57] = `${ids[7]},2017-18-Q2,5,`; // a quarter for a monthly measure
    const res = await importCsv([header, ...bad].join('\n'));
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toEqual(['/line/59/period']);
    for (const id of ids)
      expect((await t.call('GET', `/measures/${id}/results/2017-04/history`, { token: t.tokens.admin })).status).toBe(
        404,
      );
  });

  it('stores all 100 rows of a valid file (CRLF, quoted commas)', async () => {
    const { ids, lines } = await hundredRows();
    const res = await importCsv([header, ...lines].join('\r\n'), 'text/csv; charset=utf-8');
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ imported: 100, results: 100, plannedWork: 0 });
    const { versions } = await history(ids[3]!, '2017-11');
    expect(versions).toEqual([expect.objectContaining({ value: 5, commentary: 'Sample, quoted' })]);
  });

  it('lists every bad row at once, in line order', async () => {
    const first = await newMeasure('2017-18', { frequency: 'monthly' });
    const second = await newMeasure('2017-18', { frequency: 'monthly' });
    const body = `measureId,period,value\n${first},2017-05,abc\n${freshId('nope')},2017-05,1\n${second},2017-13,1\n${second},2017-05,1\n`;
    const res = await t.call('POST', '/imports/results', {
      token: t.tokens.admin,
      body,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path.split('/').slice(0, 3).join('/'))).toEqual([
      '/line/2',
      '/line/3',
      '/line/4',
    ]);
  });
});

describe('reports', () => {
  it('serves json, html, md and csv with their content types', async () => {
    const { year, q } = freshYear();
    await newMeasure(year);
    for (const [format, type] of [
      ['json', 'application/json'],
      ['html', 'text/html'],
      ['md', 'text/markdown'],
      ['csv', 'text/csv'],
    ] as const) {
      const res = await t.call('GET', `/reports/${q(1)}?format=${format}`, { token: t.tokens.emt });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
    }
  });

  it('has one CSV row per measure under a header', async () => {
    const { year, q } = freshYear();
    await newMeasure(year);
    const csv = await (await t.call('GET', `/reports/${q(1)}?format=csv`, { token: t.tokens.emt })).text();
    expect(csv.trim().split('\n')).toHaveLength((await report(q(1))).measures.length + 1);
  });

  it('narrows to one plan with ?plan=', async () => {
    const { year, q } = freshYear();
    const plan = freshId('plan');
    const id = await newMeasure(year, { plan });
    await newMeasure(year);
    const narrowed = (await report(q(1), `?plan=${plan}`)) as ReportBody & { plan: string };
    expect(narrowed.plan).toBe(plan);
    expect(narrowed.measures.map((m) => m.id)).toEqual([id]);
  });

  it('renders an accessible HTML report that escapes user text', async () => {
    const { year, q } = freshYear();
    const id = await newMeasure(year, { title: '<script>alert(1)</script>' });
    await putResult(id, q(4), { value: 30, commentary: '<img src=x onerror=alert(2)>' }, { token: t.tokens.admin });
    const html = await (await t.call('GET', `/reports/${q(4)}?format=html`, { token: t.tokens.emt })).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(await axeViolations(html)).toEqual([]);
  });

  it('keeps user text inert in Markdown', async () => {
    const { year, q } = freshYear();
    const id = await newMeasure(year, { title: '<script>alert(1)</script>' });
    await putResult(id, q(4), { value: 30, commentary: 'High.' }, { token: t.tokens.admin });
    const md = await (await t.call('GET', `/reports/${q(4)}?format=md`, { token: t.tokens.emt })).text();
    expect(md).not.toContain('<script>');
    expect(md).toContain('**Issue** - ');
  });
});

describe('closed quarters', () => {
  /** A quarter of its own with one red People measure (value 5 against 1). */
  async function redQuarter(): Promise<{ quarter: string; id: string }> {
    const { year, q } = freshYear();
    const id = await newMeasure(year, { title: 'Red one', targets: { [year]: 1 } });
    expect((await putResult(id, q(3), { value: 5, commentary: 'High' }, { token: t.tokens.admin })).status).toBe(201);
    return { quarter: q(3), id };
  }
  const close = async (quarter: string) => {
    const res = await t.call('POST', `/reports/${quarter}/close`, { token: t.tokens.admin });
    expect(res.status).toBe(200);
    return (await res.json()) as ReportBody;
  };
  const remedial = (quarter: string, id: string, body: unknown) =>
    t.call('PUT', `/reports/${quarter}/critical-items/${id}/remedial-action`, { token: t.tokens.emt, body });

  it('carries a remedial action recorded before close into the snapshot', async () => {
    const { quarter, id } = await redQuarter();
    const res = await remedial(quarter, id, {
      text: 'Cut costs.',
      owner: 'Director of Education',
      dueDate: '2018-06-30',
    });
    expect(res.status).toBe(200);
    const closed = await close(quarter);
    expect(closed).toMatchObject({ closed: true, revision: 1 });
    expect(closed.criticalItems.find((i) => i.id === id)?.remedialAction?.text).toBe('Cut costs.');
  });

  it('answers 404 for a remedial action on an item that is not critical', async () => {
    const { quarter } = await redQuarter();
    expect((await remedial(quarter, freshId('no-such'), { text: 'x' })).status).toBe(404);
  });

  it('refuses an officer’s result for a closed quarter (409) and keeps the frozen one', async () => {
    const { quarter, id } = await redQuarter();
    await close(quarter);
    expect((await putResult(id, quarter, { value: 1 })).status).toBe(409);
    expect((await history(id, quarter)).versions.map((v) => v.value)).toEqual([5]);
  });

  it('records an admin’s result for a closed quarter as an amendment, listed beside the frozen figures', async () => {
    const { quarter, id } = await redQuarter();
    await close(quarter);
    const res = await putResult(id, quarter, { value: 1 }, { token: t.tokens.admin });
    expect(await res.json()).toMatchObject({ amendment: true, version: 2 });
    expect((await history(id, quarter)).versions.map((v) => v.amendment ?? false)).toEqual([false, true]);
    const closed = await report(quarter);
    expect(closed.measures.find((m) => m.id === id)?.status).toBe('red');
    expect(closed.amendments).toEqual([
      expect.objectContaining({ kind: 'result', id, version: 2, frozenVersion: 1, value: 1, frozenValue: 5 }),
    ]);
  });

  it('names who amended a closed quarter and when, beside the amendment', async () => {
    const { quarter, id } = await redQuarter();
    await close(quarter);
    const before = new Date().toISOString();
    await putResult(id, quarter, { value: 1 }, { token: t.tokens.admin });
    const [amendment] = (await report(quarter)).amendments as unknown as { by: string; at: string }[];
    expect(amendment!.by).toMatch(/\S/);
    expect(amendment!.at >= before).toBe(true);
  });

  it('answers close and reissue with the email each sent: its subject and recipients, as SES has them', async () => {
    const { quarter, id } = await redQuarter();
    const closed = (await close(quarter)) as unknown as { email: { subject: string; to: string[] } };
    await putResult(id, quarter, { value: 1 }, { token: t.tokens.admin });
    const res = await t.call('POST', `/reports/${quarter}/reissue`, { token: t.tokens.admin });
    const reissued = (await res.json()) as { email: { subject: string; to: string[] } };
    expect(reissued.email.subject).toMatch(
      new RegExp(`^Reissued: Corporate Improvement Plan ${quarter.slice(0, 7)} Q3: overall `),
    );
    await t.stack.outbox.drain(); // the mailer sends the queued emails after the close and reissue answer
    const emails = await t.emails();
    for (const answer of [closed, reissued]) {
      const sent = emails.find((e) => e.subject === answer.email.subject);
      expect(sent?.destination.to).toEqual(answer.email.to);
    }
  });

  it('answers a second close with the email the first sent', async () => {
    const { quarter } = await redQuarter();
    const first = (await close(quarter)) as unknown as { email: unknown };
    const second = (await close(quarter)) as unknown as { email: unknown };
    expect(first.email).toEqual(expect.objectContaining({ subject: expect.stringContaining(quarter.slice(0, 7)) }));
    expect(second.email).toEqual(first.email);
  });

  it('shows a remedial action recorded after close over the snapshot', async () => {
    const { quarter, id } = await redQuarter();
    await remedial(quarter, id, { text: 'Cut costs.' });
    await close(quarter);
    expect((await remedial(quarter, id, { text: 'Cut costs; review in June.' })).status).toBe(200);
    expect((await report(quarter)).criticalItems.find((i) => i.id === id)?.remedialAction?.text).toBe(
      'Cut costs; review in June.',
    );
  });

  it('freezes a new revision on reissue, with the amended figures and no amendments left', async () => {
    const { quarter, id } = await redQuarter();
    await close(quarter);
    await putResult(id, quarter, { value: 1 }, { token: t.tokens.admin });
    const res = await t.call('POST', `/reports/${quarter}/reissue`, { token: t.tokens.admin });
    expect(res.status).toBe(200);
    const reissued = (await res.json()) as ReportBody;
    expect(reissued.revision).toBe(2);
    expect(reissued.measures.find((m) => m.id === id)?.status).toBe('green');
    expect(reissued.amendments).toEqual([]);
  });

  it('emails EMT once at close and again, marked reissued, on reissue', async () => {
    const { quarter, id } = await redQuarter();
    await t.clearEmails();
    await close(quarter);
    await putResult(id, quarter, { value: 1 }, { token: t.tokens.admin });
    expect(await t.emails()).toHaveLength(1);
    await t.call('POST', `/reports/${quarter}/reissue`, { token: t.tokens.admin });
    const emails = await t.emails();
    expect(emails).toHaveLength(2);
    expect(emails[1]!.subject).toMatch(/^Reissued: /);
    expect(emails[1]!.body.text).toMatch(/^Reissued: /);
  });
});

describe('settings', () => {
  it('are read by admins with the deployment’s defaults', async () => {
    const current = (await (await t.call('GET', '/settings', { token: t.tokens.admin })).json()) as Record<
      string,
      unknown
    >;
    expect(current).toMatchObject({
      reportTitle: 'Corporate Improvement Plan',
      emtRecipients: ['emt@localhost'],
      reminderDays: [5, 1],
      tolerancePercent: 10,
    });
  });

  it('are replaced by admins, and drive the report’s title and tolerance band', async () => {
    const { year, q } = freshYear();
    await newMeasure(year);
    const current = (await (await t.call('GET', '/settings', { token: t.tokens.admin })).json()) as Record<
      string,
      unknown
    >;
    try {
      const res = await t.call('PUT', '/settings', {
        token: t.tokens.admin,
        body: { ...current, reportTitle: 'Wellbeing Plan', tolerancePercent: 5 },
      });
      expect(res.status).toBe(200);
      expect((await report(q(1))).summary.sentences.join(' ')).toContain('off target by more than 5%');
      const html = await (await t.call('GET', `/reports/${q(1)}?format=html`, { token: t.tokens.emt })).text();
      expect(html).toContain(`<title>Wellbeing Plan ${year} Q1`);
    } finally {
      // The other tests read the defaults.
      await t.call('PUT', '/settings', { token: t.tokens.admin, body: current });
    }
  });
});

describe('improvementSoftensRed', () => {
  it('judges last quarter with its own last-year comparison before calling a red “RED for two quarters”', async () => {
    const [before, year] = freshYears(2) as [ReturnType<typeof freshYear>, ReturnType<typeof freshYear>];
    const id = await newMeasure(year.year, {
      title: 'Softened',
      polarity: 'higher',
      improvementSoftensRed: true,
      targets: { [before.year]: 100, [year.year]: 100 },
    });
    const results: [string, number][] = [
      [before.q(3), 50],
      [before.q(4), 90],
      [year.q(3), 80],
      [year.q(4), 80],
    ];
    for (const [period, value] of results)
      expect(
        (await putResult(id, period, { value, commentary: 'Below target.' }, { token: t.tokens.admin })).status,
      ).toBe(201);
    // Red, but better than 50 a year before: amber.
    expect((await report(year.q(3))).measures.find((m) => m.id === id)?.status).toBe('amber');
    expect((await report(year.q(4))).criticalItems.find((i) => i.id === id)?.rules).toEqual(['red']);
  });
});
