import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { startTestStack, type TestStack } from '../support/local-stack';

let t: TestStack;
let admin: string;
let officer: string;
let emt: string;

const measure = (over: Record<string, unknown> = {}) => ({
  plan: 'cip',
  programme: 'Learning',
  title: 'Schools with deficit budgets',
  unit: 'schools',
  polarity: 'lower',
  frequency: 'quarterly',
  directorates: ['People'],
  ownerDirectorate: 'People',
  targets: { '2017-18': 10 },
  ...over,
});

beforeAll(async () => {
  t = await startTestStack();
  admin = await t.token('admin');
  officer = await t.token('officer', 'People');
  emt = await t.token('emt');
});
afterAll(async () => {
  await t?.stop();
});

describe('versioned results', () => {
  it('keeps five updates as five versions in order, with ETags', async () => {
    await t.call('PUT', '/measures/deficits', { token: admin, body: measure() });
    for (let i = 1; i <= 5; i++) {
      const res = await t.call('PUT', '/measures/deficits/results/2017-18-Q1', {
        token: officer,
        body: { value: i, commentary: `return ${i}` },
      });
      expect(res.status).toBe(i === 1 ? 201 : 200);
      expect(res.headers.get('etag')).toBe(`"${i}"`);
    }
    const res = await t.call('GET', '/measures/deficits/results/2017-18-Q1/history', { token: emt });
    const { versions } = (await res.json()) as {
      versions: { version: number; value: number; commentary: string; by: string; at: string }[];
    };
    expect(versions.map((v) => [v.version, v.value, v.commentary])).toEqual(
      [1, 2, 3, 4, 5].map((i) => [i, i, `return ${i}`]),
    );
    expect(new Set(versions.map((v) => v.by))).toEqual(new Set(['local-officer-people']));
  });

  it('honours If-Match: a stale ETag is 412 and changes nothing; the current one writes', async () => {
    let res = await t.call('PUT', '/measures/deficits/results/2017-18-Q1', {
      token: officer,
      body: { value: 9 },
      headers: { 'if-match': '"3"' },
    });
    expect(res.status).toBe(412);
    expect(res.headers.get('etag')).toBe('"5"');
    let history = (await (
      await t.call('GET', '/measures/deficits/results/2017-18-Q1/history', { token: emt })
    ).json()) as { versions: unknown[] };
    expect(history.versions).toHaveLength(5);
    res = await t.call('PUT', '/measures/deficits/results/2017-18-Q1', {
      token: officer,
      body: { value: 9 },
      headers: { 'if-match': '"5"' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"6"');
    history = (await (await t.call('GET', '/measures/deficits/results/2017-18-Q1/history', { token: emt })).json()) as {
      versions: unknown[];
    };
    expect(history.versions).toHaveLength(6);
  });

  it('requires commentary for amber and red results, and reports the computed status', async () => {
    let res = await t.call('PUT', '/measures/deficits/results/2017-18-Q2', { token: officer, body: { value: 12 } });
    expect(res.status).toBe(422);
    res = await t.call('PUT', '/measures/deficits/results/2017-18-Q2', {
      token: officer,
      body: { value: 12, commentary: 'Two academies converted.' },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ status: 'red', version: 1, quarter: '2017-18-Q2' });
    res = await t.call('PUT', '/measures/deficits/results/2017-18-Q2', { token: officer, body: { value: 10 } });
    expect(await res.json()).toMatchObject({ status: 'green', version: 2 });
  });

  it('shows a measure with its results, quarter statuses and direction of travel', async () => {
    const res = await t.call('GET', '/measures/deficits', { token: officer });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      measure: { id: string };
      results: { period: string; value: number }[];
      quarters: { quarter: string; status: string; trend: { previousQuarter: string } }[];
    };
    expect(body.measure.id).toBe('deficits');
    expect(body.results.map((r) => [r.period, r.value])).toEqual([
      ['2017-18-Q1', 9],
      ['2017-18-Q2', 10],
    ]);
    expect(body.quarters.map((q) => [q.quarter, q.status, q.trend.previousQuarter])).toEqual([
      ['2017-18-Q1', 'green', 'no-comparison'],
      ['2017-18-Q2', 'green', 'declining'],
    ]);
  });
});

describe('listing', () => {
  it('pages measures with an opaque cursor and filters them', async () => {
    for (let i = 0; i < 7; i++) {
      const directorate = i % 2 ? 'Place' : 'People';
      await t.call('PUT', `/measures/list-${i}`, {
        token: admin,
        body: measure({
          plan: i < 5 ? 'cip' : 'wellbeing',
          directorates: [directorate],
          ownerDirectorate: directorate,
          title: `Measure ${i}`,
        }),
      });
    }
    const seen: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const res = await t.call('GET', `/measures?limit=3${next ? `&next=${next}` : ''}`, { token: officer });
      const page = (await res.json()) as { measures: { id: string }[]; next: string | null };
      expect(page.measures.length).toBeLessThanOrEqual(3);
      seen.push(...page.measures.map((m) => m.id));
      next = page.next;
      pages++;
    } while (next && pages < 10);
    expect(seen.filter((id) => id.startsWith('list-'))).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `list-${i}`));
    expect(new Set(seen).size).toBe(seen.length);

    const wellbeing = (await (await t.call('GET', '/measures?plan=wellbeing', { token: officer })).json()) as {
      measures: { id: string }[];
    };
    expect(wellbeing.measures.map((m) => m.id)).toEqual(['list-5', 'list-6']);
    const place = (await (await t.call('GET', '/measures?directorate=Place&limit=1', { token: officer })).json()) as {
      measures: { id: string }[];
      next: string;
    };
    expect(place.measures.map((m) => m.id)).toEqual(['list-1']);
    const placeNext = (await (
      await t.call('GET', `/measures?directorate=Place&limit=5&next=${place.next}`, { token: officer })
    ).json()) as { measures: { id: string }[] };
    expect(placeNext.measures.map((m) => m.id)).toEqual(['list-3', 'list-5']);
  });

  it('retires a measure: it leaves the quarter under way and later ones, its history stays', async () => {
    await t.call('PUT', '/measures/retiring', { token: admin, body: measure({ title: 'Retiring' }) });
    await t.call('PUT', '/measures/retiring/results/2017-18-Q1', { token: admin, body: { value: 1 } });
    const res = await t.call('DELETE', '/measures/retiring', { token: admin });
    expect(res.status).toBe(200);
    const retired = (await res.json()) as { retiredFrom: string };
    expect(retired.retiredFrom).toMatch(/^\d{4}-\d{2}-Q[1-4]$/);
    const old = (await (await t.call('GET', '/reports/2017-18-Q1', { token: admin })).json()) as {
      measures: { id: string }[];
    };
    expect(old.measures.map((m) => m.id)).toContain('retiring');
    const future = (await (await t.call('GET', `/reports/${retired.retiredFrom}`, { token: admin })).json()) as {
      measures: { id: string }[];
    };
    expect(future.measures.map((m) => m.id)).not.toContain('retiring');
    expect((await t.call('GET', '/measures/retiring/results/2017-18-Q1/history', { token: admin })).status).toBe(200);
    expect((await t.call('DELETE', '/measures/never-was', { token: admin })).status).toBe(404);
  });
});

describe('planned work', () => {
  it('takes BRAG updates from the owning directorate within the action’s quarters', async () => {
    await t.call('PUT', '/actions/comms', {
      token: admin,
      body: {
        plan: 'cip',
        programme: 'Services delivered for less',
        title: 'Communications strategy',
        ownerDirectorate: 'People',
        startQuarter: '2017-18-Q1',
        dueQuarter: '2017-18-Q4',
      },
    });
    expect(
      (await t.call('PUT', '/actions/comms/updates/2018-19-Q1', { token: officer, body: { status: 'green' } })).status,
    ).toBe(422);
    expect(
      (await t.call('PUT', '/actions/comms/updates/2017-18-Q3', { token: officer, body: { status: 'amber' } })).status,
    ).toBe(422);
    let res = await t.call('PUT', '/actions/comms/updates/2017-18-Q3', {
      token: officer,
      body: { status: 'amber', commentary: 'Weather delayed the review.' },
    });
    expect(res.status).toBe(201);
    res = await t.call('PUT', '/actions/comms/updates/2017-18-Q3', { token: officer, body: { status: 'green' } });
    expect(res.status).toBe(200);
    const detail = (await (await t.call('GET', '/actions/comms', { token: emt })).json()) as {
      action: { id: string };
      updates: { quarter: string; status: string; version: number; versions: unknown[] }[];
    };
    expect(detail.action.id).toBe('comms');
    expect(detail.updates.map((u) => [u.quarter, u.status, u.version])).toEqual([['2017-18-Q3', 'green', 2]]);
    const list = (await (await t.call('GET', '/actions?directorate=People', { token: emt })).json()) as {
      actions: { id: string }[];
    };
    expect(list.actions.map((a) => a.id)).toEqual(['comms']);
  });
});

describe('CSV import', () => {
  const rows = (n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        `csv-${i % 10},${['2017-18-Q1', '2017-18-Q2', '2017-18-Q3', '2017-18-Q4'][Math.floor(i / 10) % 4]}${i >= 40 ? '' : ''},${5 + (i % 3)},"Row ${i}, with a comma"`,
    );

  it('stores nothing when one row of 100 is bad, naming its line', async () => {
    for (let i = 0; i < 10; i++)
      await t.call('PUT', `/measures/csv-${i}`, {
        token: admin,
        body: measure({ title: `CSV ${i}`, frequency: 'monthly' }),
      });
    // Monthly periods: 10 measures × 10 months = 100 rows.
    const months = [
      '2017-04',
      '2017-05',
      '2017-06',
      '2017-07',
      '2017-08',
      '2017-09',
      '2017-10',
      '2017-11',
      '2017-12',
      '2018-01',
    ];
    const lines = months.flatMap((month) =>
      Array.from({ length: 10 }, (_, i) => `csv-${i},${month},${5 + (i % 3)},"Sample, quoted"`),
    );
    expect(lines).toHaveLength(100);
    const bad = [...lines];
    bad[57] = 'csv-7,2017-18-Q2,5,'; // a quarter for a monthly measure
    let res = await t.call('POST', '/imports/results', {
      token: officer,
      body: ['measureId,period,value,commentary', ...bad].join('\n'),
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toEqual(['/line/59']);
    for (let i = 0; i < 10; i++)
      expect((await t.call('GET', `/measures/csv-${i}/results/2017-04/history`, { token: admin })).status).toBe(404);

    res = await t.call('POST', '/imports/results', {
      token: officer,
      body: ['measureId,period,value,commentary', ...lines].join('\r\n'),
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ imported: 100 });
    const history = (await (
      await t.call('GET', '/measures/csv-3/results/2017-11/history', { token: admin })
    ).json()) as { versions: { value: number; commentary: string }[] };
    expect(history.versions).toEqual([expect.objectContaining({ value: 5, commentary: 'Sample, quoted' })]);
    expect(rows(1)).toHaveLength(1);
  });

  it('lists every bad row at once', async () => {
    const body = 'measureId,period,value\ncsv-1,2017-05,abc\nnope,2017-05,1\ncsv-2,2017-13,1\ncsv-2,2017-05,1\n';
    const res = await t.call('POST', '/imports/results', {
      token: admin,
      body,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path.split('/').slice(0, 3).join('/'))).toEqual([
      '/line/2',
      '/line/4',
      '/line/3',
    ]);
  });
});

describe('reports', () => {
  it('serves json, html, md and csv with their content types, and narrows to a plan', async () => {
    for (const [format, type] of [
      ['json', 'application/json'],
      ['html', 'text/html'],
      ['md', 'text/markdown'],
      ['csv', 'text/csv'],
    ] as const) {
      const res = await t.call('GET', `/reports/2017-18-Q1?format=${format}`, { token: emt });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
    }
    const csv = await (await t.call('GET', '/reports/2017-18-Q1?format=csv', { token: emt })).text();
    const report = (await (await t.call('GET', '/reports/2017-18-Q1', { token: emt })).json()) as {
      measures: unknown[];
    };
    expect(csv.trim().split('\n')).toHaveLength(report.measures.length + 1);
    const wellbeing = (await (await t.call('GET', '/reports/2017-18-Q1?plan=wellbeing', { token: emt })).json()) as {
      plan: string;
      measures: { plan: string }[];
    };
    expect(wellbeing.plan).toBe('wellbeing');
    expect(wellbeing.measures.every((m) => m.plan === 'wellbeing')).toBe(true);
  });

  it('carries remedial actions recorded before close into the snapshot, shows later ones over it, lists amendments until a reissue', async () => {
    await t.call('PUT', '/measures/red-one', {
      token: admin,
      body: measure({ title: 'Red one', targets: { '2017-18': 1 } }),
    });
    await t.call('PUT', '/measures/red-one/results/2017-18-Q3', {
      token: admin,
      body: { value: 5, commentary: 'High' },
    });
    let res = await t.call('PUT', '/reports/2017-18-Q3/critical-items/red-one/remedial-action', {
      token: emt,
      body: { text: 'Cut costs.', owner: 'Director of Education', dueDate: '2018-06-30' },
    });
    expect(res.status).toBe(200);
    expect(
      (
        await t.call('PUT', '/reports/2017-18-Q3/critical-items/no-such/remedial-action', {
          token: emt,
          body: { text: 'x' },
        })
      ).status,
    ).toBe(404);
    await t.clearEmails();
    const closed = (await (await t.call('POST', '/reports/2017-18-Q3/close', { token: admin })).json()) as {
      closed: boolean;
      revision: number;
      criticalItems: { id: string; remedialAction: { text: string } | null }[];
    };
    expect(closed).toMatchObject({ closed: true, revision: 1 });
    expect(closed.criticalItems.find((i) => i.id === 'red-one')?.remedialAction?.text).toBe('Cut costs.');

    // After close: officers are refused, EMT may still record, admins amend.
    expect(
      (await t.call('PUT', '/measures/red-one/results/2017-18-Q3', { token: officer, body: { value: 1 } })).status,
    ).toBe(409);
    await t.call('PUT', '/reports/2017-18-Q3/critical-items/red-one/remedial-action', {
      token: emt,
      body: { text: 'Cut costs; review in June.' },
    });
    res = await t.call('PUT', '/measures/red-one/results/2017-18-Q3', { token: admin, body: { value: 1 } });
    expect(await res.json()).toMatchObject({ amendment: true, version: 2 });
    const history = (await (
      await t.call('GET', '/measures/red-one/results/2017-18-Q3/history', { token: admin })
    ).json()) as { versions: { amendment?: boolean }[] };
    expect(history.versions.map((v) => v.amendment ?? false)).toEqual([false, true]);

    let report = (await (await t.call('GET', '/reports/2017-18-Q3', { token: emt })).json()) as {
      revision: number;
      measures: { id: string; status: string }[];
      amendments: { id: string; version: number; frozenVersion: number }[];
      criticalItems: { id: string; remedialAction: { text: string } }[];
    };
    expect(report.measures.find((m) => m.id === 'red-one')?.status).toBe('red'); // frozen figures
    expect(report.amendments).toEqual([
      expect.objectContaining({ kind: 'result', id: 'red-one', version: 2, frozenVersion: 1 }),
    ]);
    expect(report.criticalItems.find((i) => i.id === 'red-one')?.remedialAction.text).toBe(
      'Cut costs; review in June.',
    );
    expect(await t.emails()).toHaveLength(1);

    res = await t.call('POST', '/reports/2017-18-Q3/reissue', { token: admin });
    expect(res.status).toBe(200);
    report = (await res.json()) as typeof report;
    expect(report.revision).toBe(2);
    expect(report.measures.find((m) => m.id === 'red-one')?.status).toBe('green');
    expect(report.amendments).toEqual([]);
    const emails = await t.emails();
    expect(emails).toHaveLength(2);
    expect(emails[1]!.subject).toMatch(/^Reissued: /);
    expect(emails[1]!.body.text).toContain('REISSUED');
  });

  it('renders an accessible HTML report that escapes user text', async () => {
    await t.call('PUT', '/measures/xss', {
      token: admin,
      body: measure({ title: '<script>alert(1)</script>', targets: { '2017-18': 1 } }),
    });
    await t.call('PUT', '/measures/xss/results/2017-18-Q4', {
      token: admin,
      body: { value: 3, commentary: '<img src=x onerror=alert(2)>' },
    });
    const html = await (await t.call('GET', '/reports/2017-18-Q4?format=html', { token: emt })).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(await axeViolations(html)).toEqual([]);
    const md = await (await t.call('GET', '/reports/2017-18-Q4?format=md', { token: emt })).text();
    expect(md).not.toContain('<script>');
    expect(md).toContain('**Issue** - ');
  });
});

describe('settings', () => {
  it('are read and replaced by admins, and drive the report', async () => {
    const current = (await (await t.call('GET', '/settings', { token: admin })).json()) as Record<string, unknown>;
    expect(current).toMatchObject({
      reportTitle: 'Corporate Improvement Plan',
      emtRecipients: ['emt@localhost'],
      reminderDays: [5, 1],
      tolerancePercent: 10,
    });
    const res = await t.call('PUT', '/settings', {
      token: admin,
      body: { ...current, reportTitle: 'Wellbeing Plan', tolerancePercent: 5 },
    });
    expect(res.status).toBe(200);
    const report = (await (await t.call('GET', '/reports/2017-18-Q1', { token: emt })).json()) as {
      summary: { sentences: string[] };
    };
    expect(report.summary.sentences.join(' ')).toContain('off target by more than 5%');
    const html = await (await t.call('GET', '/reports/2017-18-Q1?format=html', { token: emt })).text();
    expect(html).toContain('<title>Wellbeing Plan 2017-18 Q1');
    await t.call('PUT', '/settings', { token: admin, body: current });
  });
});

describe('improvementSoftensRed', () => {
  it('judges last quarter with its own last-year comparison before calling a red “RED for two quarters”', async () => {
    await t.call('PUT', '/measures/softened', {
      token: admin,
      body: measure({
        title: 'Softened',
        polarity: 'higher',
        improvementSoftensRed: true,
        targets: { '2019-20': 100, '2020-21': 100 },
      }),
    });
    // Quarters no earlier test closed.
    const results: [string, number][] = [
      ['2019-20-Q3', 50],
      ['2019-20-Q4', 90],
      ['2020-21-Q3', 80],
      ['2020-21-Q4', 80],
    ];
    for (const [period, value] of results) {
      expect(
        (
          await t.call('PUT', `/measures/softened/results/${period}`, {
            token: admin,
            body: { value, commentary: 'Below target.' },
          })
        ).status,
      ).toBe(201);
    }
    const q3 = (await (await t.call('GET', '/reports/2020-21-Q3', { token: emt })).json()) as {
      measures: { id: string; status: string }[];
    };
    expect(q3.measures.find((m) => m.id === 'softened')?.status).toBe('amber'); // red, but better than 50 a year before
    const q4 = (await (await t.call('GET', '/reports/2020-21-Q4', { token: emt })).json()) as {
      criticalItems: { id: string; rules: string[] }[];
    };
    expect(q4.criticalItems.find((i) => i.id === 'softened')?.rules).toEqual(['red']);
  });
});
