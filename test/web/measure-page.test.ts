import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, signInAs } from '../support/browser';
import { useWebApp } from '../support/web-app';

// The measure page in a real Chromium: the definition in words, the chart of the last 8
// quarters (one point each, the target line) with the same numbers as a table, and the
// version history of every period, newest first.
const web = useWebApp({ seed: true });
let admin: string;

const quarters = [
  '2016-17-Q1',
  '2016-17-Q2',
  '2016-17-Q3',
  '2016-17-Q4',
  '2017-18-Q1',
  '2017-18-Q2',
  '2017-18-Q3',
  '2017-18-Q4',
];
const values = [40, 42, 45, 44, 48, 50, 53, 55];

beforeAll(async () => {
  admin = await web.stack.token('admin');
});

/** A measure with a target of 50 and a result in each of the 8 quarters; the last one amended once. */
async function eightQuarterMeasure(): Promise<{ id: string; title: string }> {
  const id = `chart-${randomUUID().slice(0, 8)}`;
  const title = `Chart measure ${id}`;
  const put = await web.stack.call('PUT', `/measures/${id}`, {
    token: admin,
    body: {
      plan: 'cip',
      programme: 'Developing the economy',
      title,
      unit: '%',
      polarity: 'higher',
      frequency: 'quarterly',
      directorates: ['Place'],
      ownerDirectorate: 'Place',
      targets: Object.fromEntries(quarters.map((q) => [q, 50])),
    },
  });
  expect(put.status).toBe(201);
  for (const [i, quarter] of quarters.entries()) {
    const res = await web.stack.call('PUT', `/measures/${id}/results/${quarter}`, {
      token: admin,
      body: { value: values[i], commentary: `Commentary for ${quarter}.` },
    });
    expect(res.status).toBe(201);
  }
  return { id, title };
}

describe('the measure page', () => {
  it('charts 8 points for a measure with 8 quarters, with the target line and a table of the same numbers', async () => {
    const { id, title } = await eightQuarterMeasure();
    const { page, errors, apiRequests } = await web.open();
    await signInAs(page, 'emt');
    // The landing dashboard's own requests must be answered before counting this page's.
    await page.getByText(/^Showing \d+ of \d+ measures\.$/).waitFor();
    apiRequests.length = 0;
    await page.goto(`${web.app}measures/${id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await expect(page.getByText('Higher is better').isVisible()).resolves.toBe(true);
    const figure = page.locator('figure');
    await expect(figure.locator('figcaption').textContent()).resolves.toContain('last 8 quarters');
    const chart = figure.getByRole('img');
    await expect(chart.getAttribute('aria-label')).resolves.toContain(
      'The actual rose from 40% in 2016-17 Q1 to 55% in 2017-18 Q4, an improvement.',
    );
    await expect(figure.locator('[data-point]').count()).resolves.toBe(8);
    const target = await figure.locator('[data-series="target"]').getAttribute('points');
    expect(target!.split(' ')).toHaveLength(8);
    // Each point says its status in words, not colour alone.
    await expect(figure.locator('[data-point="2017-18-Q4"]').textContent()).resolves.toBe('GREEN');
    await expect(figure.locator('[data-point="2016-17-Q1"]').textContent()).resolves.toBe('RED');
    const rows = page.getByRole('table', { name: 'The chart’s numbers' }).locator('tbody tr');
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim())),
    );
    // Every value in its unit, in the one style ("40%", never "40 %" or a bare 40).
    expect(cells.map((c) => [c[1], c[2]])).toEqual(values.map((v) => [`${v}%`, '50%']));
    expect(cells[0]![0]).toBe('2016-17 Q1');
    const history = page.getByRole('table', { name: /Every version of the 2017-18 Q4 result/ });
    await history.waitFor(); // the second request, after the measure's
    await expect(history.locator('tbody tr').count()).resolves.toBe(1);
    await expect(history.locator('tbody tr').textContent()).resolves.toContain('Commentary for 2017-18-Q4.');
    expect(await axeViolations(page)).toEqual([]);
    expect(apiRequests.length).toBeLessThanOrEqual(3);
    expect(errors).toEqual([]);
  });

  it('shows the version history of every period, newest first, each with value, commentary, who, when and amendment', async () => {
    const { id, title } = await eightQuarterMeasure();
    // A second version of 2017-18 Q2 (a closed quarter of the sample), by an admin.
    const put = (value: number, commentary: string) =>
      web.stack.call('PUT', `/measures/${id}/results/2017-18-Q2`, { token: admin, body: { value, commentary } });
    expect((await put(51, 'Corrected figure.')).status).toBe(200);
    const { page, errors, apiRequests } = await web.open();
    await signInAs(page, 'emt');
    await page.getByText(/^Showing \d+ of \d+ measures\.$/).waitFor();
    apiRequests.length = 0;
    await page.goto(`${web.app}measures/${id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const tables = page.getByRole('table', { name: /^Every version of the / });
    await tables.first().waitFor();
    await expect(tables.count()).resolves.toBe(8);
    const captions = await tables.locator('caption').allTextContents();
    expect(captions.map((c) => c.replace(/^Every version of the (.+) result, oldest first$/, '$1'))).toEqual(
      quarters.map((q) => q.replace(/-Q/, ' Q')).reverse(),
    );
    const q2 = page.getByRole('table', { name: 'Every version of the 2017-18 Q2 result, oldest first' });
    const cells = await q2
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((c) => c.textContent?.trim())));
    // The sample's 2017-18 Q2 is closed history, so an admin's writes to it are amendments.
    expect(cells.map((c) => [c[0], c[1], c[2], c[5]])).toEqual([
      ['1', '50%', 'Commentary for 2017-18-Q2.', 'Yes'],
      ['2', '51%', 'Corrected figure.', 'Yes'],
    ]);
    expect(cells[1]![3]).not.toBe('');
    expect(cells[1]![4]).toMatch(/\d{4}/);
    // On a phone the history's and the chart's tables stack their rows, each cell after its
    // column's words, rather than scroll sideways (#25; as Your returns does).
    await page.setViewportSize({ width: 320, height: 800 });
    const sideways = await page
      .locator('main .app-table-wrap')
      .evaluateAll((wraps) => wraps.filter((w) => w.scrollWidth > w.clientWidth + 1).length);
    expect(sideways).toBe(0);
    const label = (cell: number) =>
      q2
        .locator('tbody tr')
        .first()
        .locator('td')
        .nth(cell)
        .evaluate((td) => getComputedStyle(td, '::before').content);
    await expect(label(1)).resolves.toBe('"Value: "');
    await expect(label(3)).resolves.toBe('"Who: "');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForLoadState('networkidle');
    expect(apiRequests.length).toBeLessThanOrEqual(3);
    expect(apiRequests).toContain(`GET /measures/${id}/results`);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('is reached from the dashboard’s measures table', async () => {
    const { page, errors } = await web.open();
    await signInAs(page, 'emt');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const link = page.getByRole('table', { name: 'Measures' }).getByRole('link').first();
    const name = (await link.textContent())!;
    await link.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await expect(page.locator('figure svg[role="img"]').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });
});
