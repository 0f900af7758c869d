import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { xlsxMediaType } from '../../lambdas/domain/media-types';
import { axeViolations, signInAs } from '../support/browser';
import { freshId, freshYear } from '../support/fresh';
import { useWebApp } from '../support/web-app';

// The Definitions page in a real Chromium against the sample plan (docs/web-app.md,
// docs/plan-administration.md "The Definitions page"): the spreadsheet out and back in,
// all rows or none, and a year's targets rolled forward.
const web = useWebApp({ seed: true });
let admin: string;

beforeAll(async () => {
  admin = await web.stack.token('admin');
});

const header = 'id,plan,programme,title,unit,polarity,frequency,ownerDirectorate,directorates,target 2017-18';
const measureLine = (id: string, polarity = 'higher') =>
  `${id},cip,Learning,Measure ${id},%,${polarity},quarterly,People,People;Place,80`;

async function openDefinitions(page: Page) {
  await signInAs(page, 'admin');
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Definitions' }).click();
  await page.getByRole('heading', { level: 1, name: 'Definitions' }).waitFor();
}

const measureStatus = async (id: string) => (await web.stack.call('GET', `/measures/${id}`, { token: admin })).status;

describe('Definitions', () => {
  it('an admin downloads the plan as an .xlsx with the sheet Measures; the page opened in at most 3 API requests', async () => {
    const { page, errors, apiRequests } = await web.open();
    await signInAs(page, 'admin');
    // The landing dashboard's own requests must be answered before counting this page's.
    await page.getByText(/^Showing \d+ of \d+ measures\.$/).waitFor();
    apiRequests.length = 0;
    await page.goto(`${web.app}definitions`);
    await page.getByRole('button', { name: 'Download spreadsheet (XLSX)' }).waitFor();
    expect(apiRequests).toEqual(['GET /me', 'GET /settings']);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#download-plan').selectOption('cip');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download spreadsheet (XLSX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('definitions-cip.xlsx');
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbookXml = new TextDecoder().decode(unzipSync(new Uint8Array(bytes))['xl/workbook.xml']);
    expect(workbookXml).toMatch(/<sheet [^>]*name="Measures"/);
    expect(workbookXml).toMatch(/<sheet [^>]*name="Planned work"/);
    expect(errors).toEqual([]);
  });

  it('downloads the measures of every plan as CSV', async () => {
    const { page, errors } = await web.open();
    await openDefinitions(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download measures (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('definitions-all-plans-measures.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^id,plan,programme,title,unit,polarity,frequency,ownerDirectorate/);
    expect(errors).toEqual([]);
  });

  it('a CSV with one bad row: the error summary names its row and column, and nothing was imported', async () => {
    const good = freshId('def-good');
    const bad = freshId('def-bad');
    const { page, errors } = await web.open();
    await openDefinitions(page);
    await page.getByLabel('Definitions file').setInputFiles({
      name: 'measures.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([header, measureLine(good), measureLine(bad, 'sideways')].join('\n')),
    });
    await page.getByLabel('Measures', { exact: true }).check();
    await page.getByRole('button', { name: 'Upload' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText('There is a problem').waitFor();
    await expect(summary.textContent()).resolves.toContain('Nothing was imported');
    const items = await summary.getByRole('link').allTextContents();
    expect(items).toHaveLength(1);
    expect(items[0]).toBe('Measures row 3, polarity: polarity must be higher, lower or within');
    await expect(summary.getByRole('link').getAttribute('href')).resolves.toBe('#definitions-file');
    expect(await axeViolations(page)).toEqual([]);
    expect(await measureStatus(good)).toBe(404);
    expect(await measureStatus(bad)).toBe(404);
    expect(errors).toEqual([]);
  });

  it('a good .xlsx (the download with a new measure added) is imported: the counts are shown and the measure is stored', async () => {
    const id = freshId('def-new');
    const exported = await web.stack.call('GET', '/definitions?format=xlsx&plan=cip', { token: admin });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await exported.arrayBuffer());
    const sheet = workbook.getWorksheet('Measures')!;
    const columns = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const row = columns.map((column) => {
      const values: Record<string, string | number> = {
        id,
        plan: 'cip',
        programme: 'Learning',
        title: `Measure ${id}`,
        unit: '%',
        polarity: 'higher',
        frequency: 'quarterly',
        ownerDirectorate: 'People',
        directorates: 'People',
        'target 2017-18': 75,
      };
      return values[column] ?? null;
    });
    // The measures already there: rows with an id (the export adds blank rows that carry only the dropdowns).
    const idColumn = columns.indexOf('id') + 1;
    let rows = 0;
    sheet.eachRow((r, n) => {
      if (n > 1 && String(r.getCell(idColumn).value ?? '') !== '') rows++;
    });
    sheet.addRow(row);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());

    const { page, errors } = await web.open();
    await openDefinitions(page);
    await page.getByLabel('Definitions file').setInputFiles({
      name: 'definitions-cip.xlsx',
      mimeType: xlsxMediaType,
      buffer: xlsx,
    });
    await page.getByRole('button', { name: 'Upload' }).click();
    const banner = page.locator('.govuk-notification-banner--success');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain(`Measures: 1 created, 0 replaced, ${rows} unchanged.`);
    expect(await axeViolations(page)).toEqual([]);
    const stored = await (await web.stack.call('GET', `/measures/${id}`, { token: admin })).json();
    expect(stored.measure).toMatchObject({ id, title: `Measure ${id}`, targets: { '2017-18': 75 } });
    expect(errors).toEqual([]);
  });

  it('a file that is not a workbook: the error summary says why and that nothing was imported', async () => {
    const { page, errors } = await web.open();
    await openDefinitions(page);
    await page.getByLabel('Definitions file').setInputFiles({
      name: 'definitions.xlsx',
      mimeType: xlsxMediaType,
      buffer: Buffer.from('PK\u0003\u0004 not really a zip'),
    });
    await page.getByRole('button', { name: 'Upload' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText('There is a problem').waitFor();
    await expect(summary.textContent()).resolves.toContain('Nothing was imported');
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
      expect.stringMatching(/not an \.xlsx workbook/),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    // Chromium logs the 400 answer as a console error: that one is expected, and only that one.
    expect(errors.filter((e) => !/status of 400 \(Bad Request\)$/.test(e))).toEqual([]);
  });

  it('a file over 256 KB is refused in the browser, before any upload', async () => {
    const { page, errors, apiRequests } = await web.open();
    await openDefinitions(page);
    const before = apiRequests.length;
    await page.getByLabel('Definitions file').setInputFiles({
      name: 'measures.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\n${'x'.repeat(300 * 1024)}`),
    });
    await page.getByLabel('Measures', { exact: true }).check();
    await page.getByRole('button', { name: 'Upload' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText('There is a problem').waitFor();
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
      'The file is larger than 256 KB. Split it, or import one plan at a time.',
    ]);
    expect(apiRequests.length).toBe(before);
    expect(errors).toEqual([]);
  });

  it('rolls a year forward: the counts are shown and the targets are in the new year', async () => {
    const id = freshId('def-roll');
    const to = freshYear().year;
    const put = await web.stack.call('POST', '/imports/definitions?kind=measures', {
      token: admin,
      body: [header, measureLine(id)].join('\n'),
      headers: { 'content-type': 'text/csv' },
    });
    expect(put.status, await put.clone().text()).toBe(201);
    const { page, errors } = await web.open();
    await openDefinitions(page);
    const roll = page.getByRole('group', { name: 'Roll forward targets' });
    await roll.getByLabel('Plan').selectOption('cip');
    await roll.getByLabel('From year').fill('2017-18');
    await roll.getByLabel('To year').fill(to);
    await page.getByRole('button', { name: 'Roll forward' }).click();
    const banner = page.locator('.govuk-notification-banner--success');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toMatch(
      new RegExp(
        `Rolled forward Corporate Improvement Plan from 2017-18 to ${to}: [1-9]\\d* measures given 2017-18's targets`,
      ),
    );
    expect(await axeViolations(page)).toEqual([]);
    const stored = await (await web.stack.call('GET', `/measures/${id}`, { token: admin })).json();
    expect(stored.measure.targets).toMatchObject({ '2017-18': 80, [to]: 80 });
    expect(stored.measure.rolledForward).toEqual([to]);
    expect(errors).toEqual([]);
  });

  it('checks the years before asking the API: a year not like 2017-18 is in the error summary', async () => {
    const { page, errors, apiRequests } = await web.open();
    await openDefinitions(page);
    const before = apiRequests.length;
    const roll = page.getByRole('group', { name: 'Roll forward targets' });
    await roll.getByLabel('Plan').selectOption('cip');
    await roll.getByLabel('From year').fill('2017/18');
    await roll.getByLabel('To year').fill('2018-19');
    await page.getByRole('button', { name: 'Roll forward' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText('There is a problem').waitFor();
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
      'Enter the year to copy from, like 2017-18',
    ]);
    await summary.getByRole('link').click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('roll-from');
    expect(apiRequests.length).toBe(before);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('reflows at 320 CSS pixels wide (nothing scrolls sideways)', async () => {
    const { page, errors } = await web.open({ width: 320, height: 640 });
    await signInAs(page, 'admin');
    await page.goto(`${web.app}definitions`);
    await page.getByRole('heading', { level: 1, name: 'Definitions' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  it('is not offered to an officer, who typing its address sees "You do not have access"', async () => {
    const { page, errors, apiRequests } = await web.open();
    await signInAs(page, 'officer', 'People');
    const nav = await page.getByRole('navigation', { name: 'Pages' }).getByRole('link').allTextContents();
    expect(nav).not.toContain('Definitions');
    await page.goto(`${web.app}definitions`);
    await page.getByRole('heading', { level: 1, name: 'You do not have access' }).waitFor();
    expect(apiRequests.filter((r) => r.includes('/settings') || r.includes('/definitions'))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
