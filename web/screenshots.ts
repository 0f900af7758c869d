// `npm run docs:web-screenshots`: docs/web-your-returns.png, docs/web-result-form.png,
// docs/web-dashboard.png (1,280 px wide), docs/web-dashboard-phone.png (360 px),
// docs/web-dashboard-trends.png, docs/web-upload-template.png, docs/web-upload-errors.png,
// docs/web-measure.png, docs/web-measure-editor.png and docs/web-dashboard-cy.png (the
// dashboard in Cymraeg, 1,280 px wide), taken in the tests' Chromium against a local stack
// with the sample plan. `npm run docs:web-screenshots -- cy` takes the Welsh one only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signLocalToken } from '../lambdas/local/jwt';
import { startLocalStack } from '../lambdas/local/stack';
import { launchBrowser, openPage, signInAs } from '../test/support/browser';

const docs = fileURLToPath(new URL('../docs/', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'ragtime-screens-'));
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
const stack = await startLocalStack({
  dataDir,
  memory: true,
  port: 0,
  sesPort: 0,
  dynamodbPort: 0,
  seed: true,
  webApp: { outDir: join(dataDir, 'web') },
});
const browser = await launchBrowser();

/** The admin's measure editor for the seed's sickness absence measure (docs/web-app.md). */
async function measureEditor(app: string) {
  const admin = await openPage(browser, { app, width: 1100, height: 1600 });
  await signInAs(admin.page, 'admin');
  await admin.page.goto(`${app}admin/measures`);
  await admin.page.getByRole('link', { name: 'Sickness absence (days lost per FTE)' }).click();
  await admin.page.getByRole('heading', { level: 1, name: 'Sickness absence (days lost per FTE)' }).waitFor();
  await admin.page.getByRole('table', { name: 'Definition history' }).waitFor();
  // The bands, the targets per period and the definition history: the part curl made hard.
  await admin.page.getByRole('heading', { level: 2, name: 'Bands' }).evaluate((h) => h.scrollIntoView());
  await admin.page.screenshot({ path: join(docs, 'web-measure-editor.png') });
}
/** EMT's dashboard after choosing Cymraeg at the header (docs/cymraeg.md), 1,280 px wide. */
async function welshDashboard(app: string) {
  const emt = await openPage(browser, { app, width: 1280, height: 1400 });
  await signInAs(emt.page, 'emt');
  await emt.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await emt.page.locator('.app-language-switch').getByRole('button', { name: 'Cymraeg' }).click();
  await emt.page.getByRole('heading', { level: 1, name: 'Dangosfwrdd' }).waitFor();
  await emt.page.getByRole('table', { name: 'Mesurau' }).waitFor();
  await emt.page.screenshot({
    path: join(docs, 'web-dashboard-cy.png'),
    clip: { x: 0, y: 0, width: 1280, height: 1400 },
  });
}

/** One directorate's returns of the open quarter, as the API lists them. */
async function returnsOf(directorate: string) {
  const token = await signLocalToken(stack.keys, { role: 'officer', directorate });
  const res = await fetch(`${stack.apiUrl}/returns?quarter=2017-18-Q4`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { measures: { id: string; period: string }[] }).measures;
}

/** `Upload results`: the template's downloads, then a file with five different mistakes, every one listed. */
async function uploadResults(app: string) {
  const officer = await openPage(browser, { app, width: 1100, height: 1000 });
  await signInAs(officer.page, 'officer', 'Place');
  await officer.page.goto(`${app}upload`);
  await officer.page.getByRole('heading', { level: 2, name: 'Download a template' }).waitFor();
  await officer.page.screenshot({ path: join(docs, 'web-upload-template.png') });
  const [a, b, c] = await returnsOf('Place');
  const [theirs] = await returnsOf('People');
  const file = join(dataDir, 'results.csv');
  writeFileSync(
    file,
    [
      'measureId,period,value,commentary',
      `${a!.id},${a!.period},12,5,On track`,
      `${b!.id},${b!.period},lots,`,
      `${theirs!.id},${theirs!.period},10,`,
      `${c!.id},${c!.period}`,
      'no-such-measure,2017-18-Q4,3,',
    ].join('\n'),
  );
  await officer.page.getByLabel('Results file').setInputFiles(file);
  await officer.page.getByRole('button', { name: 'Upload' }).click();
  await officer.page.locator('.govuk-error-summary').getByText('There is a problem').waitFor();
  await officer.page.evaluate(() => window.scrollTo(0, 0));
  await officer.page.screenshot({ path: join(docs, 'web-upload-errors.png') });
}

try {
  const app = stack.webAppUrl!;
  if (process.argv[2] === 'cy') {
    await welshDashboard(app);
    console.log(`wrote ${join(docs, 'web-dashboard-cy.png')}`);
  } else await allScreenshots(app);
} finally {
  await browser.close();
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

async function allScreenshots(app: string) {
  const { page } = await openPage(browser, { app, width: 1100, height: 1000 });
  await signInAs(page, 'officer', 'Place');
  await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
  await page.screenshot({ path: join(docs, 'web-your-returns.png'), clip: { x: 0, y: 0, width: 1100, height: 1000 } });

  await page.getByRole('link', { name: 'Achieve WHQS, no of elemental improvements carried out' }).click();
  await page.getByRole('heading', { level: 1, name: /Achieve WHQS/ }).waitFor();
  await page.getByLabel('Value').fill('1090');
  await page.getByLabel('Commentary').fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('.govuk-error-summary').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(docs, 'web-result-form.png'), fullPage: true });

  const emt = await openPage(browser, { app, width: 1280, height: 1400 });
  await signInAs(emt.page, 'emt');
  await emt.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await emt.page.getByRole('table', { name: 'Measures' }).waitFor();
  await emt.page.screenshot({ path: join(docs, 'web-dashboard.png'), clip: { x: 0, y: 0, width: 1280, height: 1400 } });
  const phone = await openPage(browser, { app, width: 360, height: 1600 });
  await signInAs(phone.page, 'emt');
  await phone.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await phone.page.getByRole('table', { name: 'Measures' }).waitFor();
  // The bars, then the first critical items stacked as rows.
  await phone.page.locator('#by-programme').evaluate((h) => h.scrollIntoView());
  await phone.page.screenshot({ path: join(docs, 'web-dashboard-phone.png') });
  // The measures table with each row's trend line (the last 8 quarters), its first rows.
  const measures = emt.page.getByRole('table', { name: 'Measures' });
  await measures.scrollIntoViewIfNeeded();
  // A full-page clip is in page coordinates; the bounding box is in the viewport's.
  const top = (await measures.boundingBox())!.y + (await emt.page.evaluate(() => window.scrollY));
  await emt.page.screenshot({
    path: join(docs, 'web-dashboard-trends.png'),
    fullPage: true,
    clip: { x: 0, y: Math.max(0, top - 50), width: 1280, height: 720 },
  });
  await uploadResults(app);
  const whqs = 'Achieve WHQS, no of elemental improvements carried out';
  await emt.page.getByRole('table', { name: 'Measures' }).getByRole('link', { name: whqs }).click();
  await emt.page.getByRole('heading', { level: 1, name: whqs }).waitFor();
  await emt.page.getByRole('heading', { level: 2, name: 'Trend' }).scrollIntoViewIfNeeded();
  await emt.page.screenshot({ path: join(docs, 'web-measure.png'), fullPage: true });
  await measureEditor(app);
  await welshDashboard(app);
  console.log(
    `wrote ${['web-your-returns', 'web-result-form', 'web-dashboard', 'web-dashboard-phone', 'web-dashboard-trends', 'web-upload-template', 'web-upload-errors', 'web-measure', 'web-measure-editor', 'web-dashboard-cy'].map((n) => join(docs, `${n}.png`)).join(', ')}`,
  );
}
