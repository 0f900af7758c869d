// The web app's figures for `npm run bench` (goals: initial JS ≤ 60 KB and CSS ≤ 25 KB
// gzipped; at most 3 API requests per page): the production build's initial files
// (the entry script and what it imports statically, the stylesheet), gzipped; then each
// page opened in Chromium against a local stack with the sample plan, counting the API
// requests it makes. `node --import tsx bench/web-app.ts` runs just this part.
import './env';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startLocalStack } from '../lambdas/local/stack';
import { launchBrowser, openPage, signInAs } from '../test/support/browser';
import { buildWebApp } from '../web/build';

export interface WebAppFigures {
  initialJsGzipKb: number;
  initialJsFiles: string[];
  cssGzipKb: number;
  /** Loaded only when used (admin pages; Cognito sign-in, only in AWS), after the first paint. */
  lazyJsGzipKb: number;
  requestsPerPage: { page: string; requests: number; calls: string[] }[];
  maxRequestsPerPage: number;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** The entry script and every chunk it imports statically (what the browser must load before the app runs). */
async function initialScripts(outDir: string, entry: string): Promise<{ initial: string[]; lazy: string[] }> {
  // The build's metafile is not kept; read the import statements of the emitted ES modules instead.
  const initial = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (initial.has(file)) continue;
    initial.add(file);
    const code = readFileSync(join(outDir, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+)["']/g))
      pending.push(`assets/${m[1]}`);
  }
  const all = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
  return { initial: [...initial], lazy: all.map((f) => `assets/${f}`).filter((f) => !initial.has(f)) };
}

export async function benchWebApp(log: (s: string) => void = () => {}): Promise<WebAppFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ragtime-bench-web-'));
  try {
    log('web app: build');
    const built = await buildWebApp(join(dataDir, 'web'));
    const { initial, lazy } = await initialScripts(built.outDir, built.entryScript);
    const figures = {
      initialJsGzipKb: kb(initial.reduce((n, f) => n + gz(join(built.outDir, f)), 0)),
      initialJsFiles: initial,
      cssGzipKb: kb(gz(join(built.outDir, built.stylesheet))),
      lazyJsGzipKb: kb(lazy.reduce((n, f) => n + gz(join(built.outDir, f)), 0)),
    };

    log('web app: API requests per page (Chromium, sample plan)');
    const stack = await startLocalStack({
      dataDir,
      memory: true,
      port: 0,
      sesPort: 0,
      dynamodbPort: 0,
      seed: true,
      webApp: { outDir: join(dataDir, 'web-served') },
    });
    const browser = await launchBrowser();
    try {
      const app = stack.webAppUrl!;
      const { page, apiRequests } = await openPage(browser, { app });
      await signInAs(page, 'officer', 'Place');
      const pages: [string, string, string][] = [
        ['Your returns', app, 'Your returns'],
        ['result form', `${app}measures/whqs-elemental-improvements/results/2017-18-Q4`, 'Achieve WHQS'],
        ['planned-work form', `${app}actions/${await placeActionId(stack.apiUrl, stack.keys)}/updates/2017-18-Q4`, ''],
        ['Upload results', `${app}upload`, 'Upload results'],
      ];
      const requestsPerPage: WebAppFigures['requestsPerPage'] = [];
      for (const [name, url, heading] of pages) {
        apiRequests.length = 0;
        await page.goto(url);
        await page.locator('h1').first().waitFor();
        if (heading) await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await page.waitForLoadState('networkidle');
        requestsPerPage.push({ page: name, requests: apiRequests.length, calls: [...apiRequests] });
      }
      // EMT's landing page, the whole dashboard (bars, critical items, planned work, measures).
      const emt = await openPage(browser, { app });
      await signInAs(emt.page, 'emt');
      await emt.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      await emt.page.waitForLoadState('networkidle');
      emt.apiRequests.length = 0;
      await emt.page.goto(`${app}dashboard`);
      await emt.page.getByRole('table', { name: 'Measures' }).locator('tbody tr').first().waitFor();
      await emt.page.waitForLoadState('networkidle');
      requestsPerPage.push({ page: 'Dashboard', requests: emt.apiRequests.length, calls: [...emt.apiRequests] });
      return {
        ...figures,
        requestsPerPage,
        maxRequestsPerPage: Math.max(...requestsPerPage.map((p) => p.requests)),
      };
    } finally {
      await browser.close();
      await stack.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Any Place action of the sample plan. */
async function placeActionId(
  apiUrl: string,
  keys: Parameters<typeof import('../lambdas/local/jwt').signLocalToken>[0],
) {
  const { signLocalToken } = await import('../lambdas/local/jwt');
  const token = await signLocalToken(keys, { role: 'admin' });
  const res = await fetch(`${apiUrl}/actions?directorate=Place&limit=1`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { actions: { id: string }[] };
  return body.actions[0]!.id;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await benchWebApp((s) => process.stderr.write(`${s}\n`));
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}
