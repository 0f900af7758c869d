// The dashboard's data at 1,000 measures with 8 quarters of results each (goal: at most 3
// API requests whatever the number of measures): the dashboard opened in Chromium against
// a local stack holding that plan, counting the API requests it makes until its table
// shows every measure with its trend line; then `GET /reports/{q}?trend=8` timed against
// the same report without trends, alternating, in the same run (their ratio), with the
// DynamoDB requests and response size of each. Its own process (its own stack and
// Chromium), as bench/web-app.ts: `node --import tsx bench/dashboard.ts` runs just this part.
import './env';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signLocalToken } from '../lambdas/local/jwt';
import { startLocalStack } from '../lambdas/local/stack';
import { db } from '../lambdas/store/client';
import { launchBrowser, openPage, signInAs } from '../test/support/browser';
import { countRequests } from './counter';
import { batchWriteAll, syntheticPlan } from './dataset';
import { median, round } from './harness';

export const dashboardMeasures = 1000;
const quarter = '2017-18-Q4';
/** 8 quarters of results ending at the dashboard's. */
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
const reps = 9;

export interface ReportVariant {
  medianMs: number;
  ms: number[];
  dynamodbRequests: number;
  byCommand: Record<string, number>;
  /** The JSON body's size before any gzip. */
  bodyKb: number;
}

export interface DashboardFigures {
  measures: number;
  quarters: number;
  /** API requests the dashboard made in Chromium until all its rows and trend lines showed. */
  apiRequests: number;
  calls: string[];
  rowsShown: number;
  trendLinesShown: number;
  pageLoadMs: number;
  plain: ReportVariant;
  trend: ReportVariant;
  /** trend / plain median time. */
  timeRatio: number;
}

export async function benchDashboard(log: (s: string) => void = () => {}): Promise<DashboardFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ragtime-bench-dashboard-'));
  const stack = await startLocalStack({
    dataDir,
    memory: true,
    port: 0,
    sesPort: 0,
    dynamodbPort: 0,
    seed: false,
    throttleRate: 1e9,
    throttleBurst: 1e9,
    webApp: { outDir: join(dataDir, 'web') },
  });
  try {
    log(`dashboard: seed ${dashboardMeasures} measures × ${quarters.length} quarters`);
    await batchWriteAll(stack.tableName, syntheticPlan(dashboardMeasures, 100, quarters));
    const token = await signLocalToken(stack.keys, { role: 'emt' });
    const counter = countRequests(db());
    const get = async (path: string) => {
      const started = performance.now();
      const res = await fetch(`${stack.apiUrl}${path}`, {
        headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
      });
      const body = await res.text();
      const ms = performance.now() - started;
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${body.slice(0, 300)}`);
      return { ms, body };
    };
    const variant = async (path: string) => {
      counter.reset();
      const { body } = await get(path);
      return {
        dynamodbRequests: counter.total(),
        byCommand: counter.byCommand(),
        bodyKb: round(body.length / 1024, 1),
      };
    };
    const plainPath = `/reports/${quarter}`;
    const trendPath = `/reports/${quarter}?trend=8`;
    // Warm both (first Lambda-style module loads, dynalite's caches), then count each once.
    await get(plainPath);
    await get(trendPath);
    const plainCount = await variant(plainPath);
    const trendCount = await variant(trendPath);
    log(`dashboard: time the report with and without trends (${reps} each, alternating)`);
    const plainMs: number[] = [];
    const trendMs: number[] = [];
    for (let i = 0; i < reps; i++) {
      plainMs.push(round((await get(plainPath)).ms, 1));
      trendMs.push(round((await get(trendPath)).ms, 1));
    }

    log('dashboard: API requests in Chromium');
    const browser = await launchBrowser();
    try {
      const app = stack.webAppUrl!;
      const { page, apiRequests } = await openPage(browser, { app });
      await signInAs(page, 'emt');
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      await page.waitForLoadState('networkidle');
      apiRequests.length = 0;
      const started = performance.now();
      await page.goto(`${app}dashboard?quarter=${quarter}`);
      const table = page.getByRole('table', { name: 'Measures' });
      await page
        .getByText(`Showing ${dashboardMeasures} of ${dashboardMeasures} measures.`)
        .waitFor({ timeout: 120_000 });
      const pageLoadMs = round(performance.now() - started, 0);
      await page.waitForLoadState('networkidle');
      const rowsShown = await table.locator('tbody tr').count();
      const trendLinesShown = await table.locator('svg.app-spark').count();
      const plainMedian = median(plainMs);
      const trendMedian = median(trendMs);
      return {
        measures: dashboardMeasures,
        quarters: quarters.length,
        apiRequests: apiRequests.length,
        calls: [...apiRequests],
        rowsShown,
        trendLinesShown,
        pageLoadMs,
        plain: { medianMs: plainMedian, ms: plainMs, ...plainCount },
        trend: { medianMs: trendMedian, ms: trendMs, ...trendCount },
        timeRatio: round(trendMedian / plainMedian, 2),
      };
    } finally {
      await browser.close();
    }
  } finally {
    db().destroy();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await benchDashboard((s) => process.stderr.write(`${s}\n`));
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}
