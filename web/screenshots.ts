// `npm run docs:web-screenshots`: docs/web-your-returns.png, docs/web-result-form.png,
// docs/web-dashboard.png, docs/web-dashboard-trends.png, docs/web-measure.png and docs/web-measure-editor.png,
// taken in the tests' Chromium against a local stack with the sample plan.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
try {
  const app = stack.webAppUrl!;
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

  const emt = await openPage(browser, { app, width: 1100, height: 1400 });
  await signInAs(emt.page, 'emt');
  await emt.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await emt.page.screenshot({ path: join(docs, 'web-dashboard.png'), clip: { x: 0, y: 0, width: 1100, height: 1400 } });
  // The measures table with each row's trend line (the last 8 quarters), its first rows.
  const measures = emt.page.getByRole('table', { name: 'Measures' });
  await measures.scrollIntoViewIfNeeded();
  // A full-page clip is in page coordinates; the bounding box is in the viewport's.
  const top = (await measures.boundingBox())!.y + (await emt.page.evaluate(() => window.scrollY));
  await emt.page.screenshot({
    path: join(docs, 'web-dashboard-trends.png'),
    fullPage: true,
    clip: { x: 0, y: Math.max(0, top - 50), width: 1100, height: 720 },
  });
  const whqs = 'Achieve WHQS, no of elemental improvements carried out';
  await emt.page.getByRole('table', { name: 'Measures' }).getByRole('link', { name: whqs }).click();
  await emt.page.getByRole('heading', { level: 1, name: whqs }).waitFor();
  await emt.page.getByRole('heading', { level: 2, name: 'Trend' }).scrollIntoViewIfNeeded();
  await emt.page.screenshot({ path: join(docs, 'web-measure.png'), fullPage: true });
  await measureEditor(app);
  console.log(
    `wrote ${['web-your-returns', 'web-result-form', 'web-dashboard', 'web-dashboard-trends', 'web-measure', 'web-measure-editor'].map((n) => join(docs, `${n}.png`)).join(', ')}`,
  );
} finally {
  await browser.close();
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
