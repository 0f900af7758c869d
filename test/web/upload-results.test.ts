import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, signInAs } from '../support/browser';
import { placeMeasure as placeSample } from '../support/route-samples';
import { useWebApp } from '../support/web-app';

// `Upload results` in a real Chromium (docs/web-app.md): the Quarter select offers the
// quarters open for returns, opening on the current one; the template downloaded and the
// file uploaded are of the quarter chosen, and a file's every mistake is listed at once,
// in line order, nothing stored.
const web = useWebApp({ seed: true });
let admin: string;
let officer: string;

beforeAll(async () => {
  admin = await web.stack.token('admin');
  officer = await web.stack.token('officer', 'Place');
});

/** A Place measure with targets for the open 2017-18 Q4 and a later quarter. */
async function placeMeasure(): Promise<{ id: string }> {
  const id = `upload-${randomUUID().slice(0, 8)}`;
  const targets = { '2017-18-Q4': 10, '2018-19-Q1': 10 };
  const body = { ...placeSample, title: `Upload measure ${id}`, polarity: 'lower', targets };
  expect((await web.stack.call('PUT', `/measures/${id}`, { token: admin, body })).status).toBe(201);
  return { id };
}

async function upload(page: Page, name: string, text: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'ragtime-upload-')), name);
  writeFileSync(file, text);
  await page.getByLabel('Results file').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload' }).click();
}

describe('Upload results', () => {
  it('offers the open quarters, opening on the current one; the template and the upload are of the quarter chosen, every mistake listed in line order', async () => {
    const { id } = await placeMeasure();
    const { id: other } = await placeMeasure();
    const returns = (await (await web.stack.call('GET', '/returns', { token: officer })).json()) as {
      quarter: string;
      quarters: { quarter: string; closed: boolean }[];
    };
    const open = returns.quarters.filter((q) => !q.closed).map((q) => q.quarter);
    expect(open).toEqual(expect.arrayContaining(['2017-18-Q4', '2018-19-Q1']));

    const { page, errors, apiRequests } = await web.open();
    await signInAs(page, 'officer', 'Place');
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    await page.waitForLoadState('networkidle');
    apiRequests.length = 0;
    await page.getByRole('link', { name: 'Upload results' }).click();
    await page.getByRole('heading', { level: 1, name: 'Upload results' }).waitFor();
    const quarter = page.getByLabel('Quarter');
    await quarter.waitFor();
    // Closed quarters are not offered; the current quarter (Your returns') is chosen.
    await expect(quarter.locator('option').allTextContents()).resolves.toEqual(open.map((q) => q.replace('-Q', ' Q')));
    await expect(quarter.inputValue()).resolves.toBe(returns.quarter);
    expect(apiRequests).toEqual(['GET /returns']);
    expect(await axeViolations(page)).toEqual([]);

    // The template is of the quarter chosen.
    await quarter.selectOption({ label: '2018-19 Q1' });
    await expect(page.getByText('Your measures and planned work for 2018-19 Q1').count()).resolves.toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Results template (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('template-2018-19-Q1-results.csv');
    const template = readFileSync((await download.path())!, 'utf8');
    expect(template).toContain(`${id},2018-19-Q1`);
    expect(template).not.toContain('2017-18-Q4');

    // So is the upload: a line of another quarter is one more mistake, listed with the rest in line order.
    await upload(
      page,
      'mistakes.csv',
      `measureId,period,value,commentary\n${other},2018-19-Q1,lots,\n${id},2017-18-Q4,8,\n${other},2018-19-Q1\n`,
    );
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText('There is a problem').waitFor();
    const lines = await summary.getByRole('link').allTextContents();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('Line 2: the value is not a number: enter a number like 12.5');
    expect(lines[1]).toBe(
      'Line 3: the period 2017-18 Q4 is not in 2018-19 Q1, the quarter chosen: correct it, or choose 2017-18 Q4 and upload again',
    );
    expect(lines[2]).toMatch(/^Line 4: the line has 2 cells, not 4/);
    expect(await axeViolations(page)).toEqual([]);
    const stored = await web.stack.call('GET', `/measures/${id}/results/2017-18-Q4/history`, { token: admin });
    expect(stored.status).toBe(404);

    // Back on the current quarter, the same line is stored.
    await quarter.selectOption(returns.quarter);
    await upload(page, 'good.csv', `measureId,period,value,commentary\n${id},2017-18-Q4,8,\n`);
    await page.getByText('1 result uploaded from good.csv.').waitFor();
    const posts = apiRequests.filter((r) => r.startsWith('POST /imports/results'));
    expect(posts).toEqual([
      'POST /imports/results?quarter=2018-19-Q1',
      `POST /imports/results?quarter=${returns.quarter}`,
    ]);
    expect(errors).toEqual([]);
  });
});
