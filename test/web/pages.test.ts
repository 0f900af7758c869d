import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { localName } from '../../lambdas/local/jwt';
import { axeViolations, signInAs } from '../support/browser';
import { useWebApp } from '../support/web-app';

// Every page of the web app in a real Chromium: axe-core finds no WCAG 2.2 A/AA
// violation, nothing is logged as an error, and each page's API requests stay few.
const web = useWebApp({ seed: true });
let admin: string;

beforeAll(async () => {
  admin = await web.stack.token('admin');
});

async function placeAction(): Promise<{ id: string; title: string }> {
  const id = `work-${randomUUID().slice(0, 8)}`;
  const title = `Planned work ${id}`;
  const res = await web.stack.call('PUT', `/actions/${id}`, {
    token: admin,
    body: { plan: 'cip', programme: 'Developing the economy', title, ownerDirectorate: 'Place' },
  });
  expect(res.status).toBe(201);
  return { id, title };
}

async function placeMeasure(): Promise<{ id: string; title: string }> {
  const id = `page-${randomUUID().slice(0, 8)}`;
  const title = `Page measure ${id}`;
  const res = await web.stack.call('PUT', `/measures/${id}`, {
    token: admin,
    body: {
      plan: 'cip',
      programme: 'Developing the economy',
      title,
      unit: 'days',
      polarity: 'lower',
      frequency: 'quarterly',
      directorates: ['Place'],
      ownerDirectorate: 'Place',
      targets: { '2017-18-Q4': 10 },
    },
  });
  expect(res.status).toBe(201);
  return { id, title };
}

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe('every page', () => {
  it('local sign-in: marked Local mode, Role and Directorate selects, no axe violations', async () => {
    const { page, errors, apiRequests } = await web.open();
    await page.goto(`${web.app}sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expect(page.getByText('Local mode', { exact: true }).isVisible()).resolves.toBe(true);
    const roles = await page.getByLabel('Role').locator('option').allTextContents();
    // Roles in words, not their group names (SPEC §12).
    expect(roles).toEqual(['Officer', 'Approver', 'EMT', 'Admin']);
    await expect(page.getByLabel('Directorate').locator('option').allTextContents()).resolves.toEqual([
      'People',
      'Place',
      'Resources',
    ]);
    await expectAccessible(page);
    expect(apiRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('Your returns: the sample plan opens on 2017-18 Q4 with counts and states; one API request besides /me', async () => {
    const { page, errors, apiRequests } = await web.open();
    await signInAs(page, 'officer', 'Place');
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    const header = page.locator('header');
    await expect(header.textContent()).resolves.toContain('Corporate Improvement Plan');
    // By name, the email on hover (SPEC §12): local tokens carry a realistic name.
    await expect(header.textContent()).resolves.toContain('Signed in as Olivia Jenkins (Officer, Place)');
    await expect(header.locator('[title="officer.place@localhost"]').count()).resolves.toBe(1);
    const quarters = await page.getByLabel('Quarter').locator('option').allTextContents();
    // The sample's earlier quarters are closed history.
    expect(quarters.slice(0, 2)).toEqual(['2017-18 Q4', '2017-18 Q3 (closed)']);
    await expect(page.getByLabel('Quarter').inputValue()).resolves.toBe('2017-18-Q4');
    const redRow = page.getByRole('row').filter({
      has: page.getByRole('link', { name: 'Achieve WHQS, no of elemental improvements carried out' }),
    });
    await expect(redRow.textContent()).resolves.toMatch(/Saved\s*RED/);
    await expect(page.getByLabel('Counts').textContent()).resolves.toMatch(
      /\d+ Not started.*\d+ Needs commentary.*\d+ Saved/,
    );
    await expectAccessible(page);
    expect(apiRequests.filter((r) => !r.startsWith('GET /me'))).toEqual(['GET /returns']);
    expect(errors).toEqual([]);
  });

  it('Your returns: another quarter is chosen with the Quarter select', async () => {
    const { page, errors } = await web.open();
    await signInAs(page, 'officer', 'Place');
    await page.getByLabel('Quarter').selectOption('2016-17-Q2');
    await page.getByRole('button', { name: 'Show returns' }).click();
    await page.getByText('Place, 2016-17 Q2').waitFor();
    expect(new URL(page.url()).search).toBe('?quarter=2016-17-Q2');
    await expect(page.getByLabel('Quarter').inputValue()).resolves.toBe('2016-17-Q2');
    expect(errors).toEqual([]);
  });

  it('result form, with its error summary showing: no axe violations; one API request besides /me', async () => {
    const { id, title } = await placeMeasure();
    const { page, errors, apiRequests } = await web.open();
    await signInAs(page, 'officer', 'Place');
    apiRequests.length = 0;
    await page.goto(`${web.app}measures/${id}/results/2017-18-Q4`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await expect(page.getByText('Lower is better').isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    expect(apiRequests).toEqual(['GET /me', `GET /measures/${id}?quarter=2017-18-Q4`]);
    await page.getByLabel('Value').fill('15');
    await expect(page.locator('#status-if-saved').textContent()).resolves.toBe('Status if saved: RED');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });

  it('result form: a value that is not a number is refused before anything is sent', async () => {
    const { id, title } = await placeMeasure();
    const { page, errors, apiRequests } = await web.open();
    await signInAs(page, 'officer', 'Place');
    await page.goto(`${web.app}measures/${id}/results/2017-18-Q4`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByLabel('Value').fill('about ten');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Enter the value as a number, like 85.5',
    );
    expect(apiRequests.some((r) => r.startsWith('PUT'))).toBe(false);
    expect(errors).toEqual([]);
  });

  it('planned-work form: four radios, commentary required for red, then Saved on Your returns', async () => {
    const { id, title } = await placeAction();
    const { page, errors, apiRequests } = await web.open();
    await signInAs(page, 'officer', 'Place');
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    for (const label of ['Blue (complete)', 'Green (on track)', 'Amber (at risk)', 'Red (off track)'])
      await expect(page.getByLabel(label).isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await page.getByLabel('Red (off track)').check();
    await page.getByRole('button', { name: 'Save' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText('There is a problem').waitFor();
    await expect(summary.getByRole('link').getAttribute('href')).resolves.toBe('#commentary');
    await expectAccessible(page);
    await page.getByLabel('Commentary').fill('The contractor went into administration.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    await expect(row.textContent()).resolves.toMatch(/Saved\s*RED/);
    const res = await web.stack.call('GET', `/actions/${id}`, { token: admin });
    const body = (await res.json()) as { updates: { quarter: string; status: string }[] };
    expect(body.updates).toEqual([expect.objectContaining({ quarter: '2017-18-Q4', status: 'red' })]);
    expect(apiRequests.filter((r) => r.startsWith('GET /actions')).length).toBe(1);
    expect(errors).toEqual([]);
  });

  it('planned-work form: a conflict with a second tab says so and keeps the choice', async () => {
    const { id, title } = await placeAction();
    const first = await web.open();
    await signInAs(first.page, 'officer', 'Place');
    await first.page.goto(`${web.app}actions/${id}/updates/2017-18-Q4`);
    await first.page.getByRole('heading', { level: 1, name: title }).waitFor();
    const saved = await web.stack.call('PUT', `/actions/${id}/updates/2017-18-Q4`, {
      token: await web.stack.token('officer', 'Place'),
      body: { status: 'green' },
    });
    expect(saved.status).toBe(201);
    await first.page.getByLabel('Blue (complete)').check();
    await first.page.getByRole('button', { name: 'Save' }).click();
    await first.page.locator('#conflict').getByText('They saved GREEN').waitFor();
    await expect(first.page.getByLabel('Blue (complete)').isChecked()).resolves.toBe(true);
    expect(await axeViolations(first.page)).toEqual([]);
    await first.page.getByRole('button', { name: 'Save' }).click();
    await first.page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    const res = await web.stack.call('GET', `/actions/${id}`, { token: admin });
    const body = (await res.json()) as { updates: { status: string; version: number }[] };
    expect(body.updates).toEqual([expect.objectContaining({ status: 'blue', version: 2 })]);
    expect(first.errors).toEqual([]);
  });

  it('an approver signs in to the returns of their directorate', async () => {
    const { page, errors } = await web.open();
    await signInAs(page, 'approver', 'Place');
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    // By name, never the token's id, roles in words (SPEC §12).
    await expect(page.locator('header').textContent()).resolves.toContain(
      `Signed in as ${localName('approver', 'Place')} (Approver, Place)`,
    );
    await expect(page.getByText('Place, 2017-18 Q4').isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it('Upload results: a CSV with one bad line lists it in the error summary (in the API’s words) and stores nothing; a good one is stored ("1 result uploaded")', async () => {
    // Two measures in the open quarter (the sample's earlier quarters are closed history).
    const { id } = await placeMeasure();
    const { id: other } = await placeMeasure();
    const dir = mkdtempSync(join(tmpdir(), 'ragtime-upload-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `measureId,period,value,commentary\n${id},2017-18-Q4,8,\n${other},2017-18-Q4,lots,\n`);
    const good = join(dir, 'good.csv');
    writeFileSync(good, `measureId,period,value,commentary\n${id},2017-18-Q4,8,\n`);
    const { page, errors, apiRequests } = await web.open();
    await signInAs(page, 'officer', 'Place');
    await page.getByRole('link', { name: 'Upload results' }).click();
    await page.getByRole('heading', { level: 1, name: 'Upload results' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Results file').setInputFiles(bad);
    await page.getByRole('button', { name: 'Upload' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText('There is a problem').waitFor();
    const lines = await summary.getByRole('link').allTextContents();
    expect(lines).toHaveLength(1);
    // The API's words as they are: the line said once.
    expect(lines[0]).toBe('Line 3: the value is not a number: enter a number like 12.5');
    await expectAccessible(page);
    const history = await web.stack.call('GET', `/measures/${id}/results/2017-18-Q4/history`, { token: admin });
    expect(history.status).toBe(404);

    await page.getByLabel('Results file').setInputFiles(good);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('1 result uploaded from good.csv.').waitFor();
    expect(apiRequests.filter((r) => r.startsWith('POST /imports/results'))).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it('Upload results: Download a template (Excel) gives the officer’s returns; filled in and uploaded, it is stored', async () => {
    const { id } = await placeMeasure();
    const { page, errors } = await web.open();
    await signInAs(page, 'officer', 'Place');
    await page.getByRole('link', { name: 'Upload results' }).click();
    await page.getByRole('heading', { level: 1, name: 'Upload results' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Download a template' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a template (Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('template-2017-18-Q4.xlsx');
    const workbook = new ExcelJS.Workbook();
    const bytes = readFileSync((await download.path())!);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Results', 'Planned work', 'Notes']);
    const results = workbook.getWorksheet('Results')!;
    let filled = 0;
    results.eachRow((row) => {
      if (row.getCell(1).value !== id) return;
      row.getCell(3).value = 9;
      filled++;
    });
    expect(filled).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), 'ragtime-template-'));
    const file = join(dir, 'filled.xlsx');
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    await page.getByLabel('Results file').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('1 result uploaded from filled.xlsx.').waitFor();
    const history = await web.stack.call('GET', `/measures/${id}/results/2017-18-Q4/history`, { token: admin });
    expect(((await history.json()) as { versions: { value: number }[] }).versions.map((v) => v.value)).toEqual([9]);
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });

  it('a page that does not exist says so, accessibly', async () => {
    const { page, errors } = await web.open();
    await signInAs(page, 'officer', 'Place');
    await page.goto(`${web.app}no-such-page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await expect(page.getByRole('link', { name: 'Go to Your returns' }).getAttribute('href')).resolves.toBe('/app/');
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });

  it('a problem page sends each role back to the page it lands on, named as it is: EMT to the Dashboard', async () => {
    const { page, errors } = await web.open();
    await signInAs(page, 'emt');
    await page.goto(`${web.app}admin/measures`);
    await page.getByRole('heading', { level: 1, name: 'You do not have access' }).waitFor();
    await expect(page.getByRole('link', { name: 'Go to Your returns' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Go to the Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/dashboard');
    expect(errors).toEqual([]);
  });

  it('Sign out ends the session: the app asks to sign in again', async () => {
    const { page, errors } = await web.open();
    await signInAs(page, 'officer', 'Place');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.goto(web.app);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(errors).toEqual([]);
  });
});
