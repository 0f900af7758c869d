import AxeBuilder from '@axe-core/playwright';
import sparticuz from '@sparticuz/chromium';
import { type Browser, chromium, type Page } from 'playwright-core';

// A real Chromium for the web app's tests: the one the npm package @sparticuz/chromium
// ships (no apt step, so a fresh `npm ci && npm test` needs nothing else). One browser
// per test file; a fresh context (own sessionStorage) per page.

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await sparticuz.executablePath(), args: sparticuz.args, headless: true });
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  /** Requests made to the API (not the app's own files, config.json or local sign-in). */
  apiRequests: string[];
}

export async function openPage(
  browser: Browser,
  options: { width?: number; height?: number } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1024, height: options.height ?? 800 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const apiRequests: string[] = [];
  page.on('console', (message) => {
    // Chromium logs every 4xx answer as a console error; the app's 422 and 412 answers
    // are part of the journeys under test (asserted on the page), so only those are let through.
    if (message.type() !== 'error') return;
    if (/^Failed to load resource: the server responded with a status of 4(09|12|22) /.test(message.text())) return;
    errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/app/') && !url.pathname.startsWith('/local/'))
      apiRequests.push(`${request.method()} ${url.pathname}${url.search}`);
  });
  return { page, errors, apiRequests };
}

/** The WCAG 2.2 A/AA rules (and 2.0/2.1's) the app must pass with zero violations. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function axeViolations(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.html) }));
}

/** Local sign-in through the page, as a person would. */
export async function signInLocally(page: Page, appUrl: string, role: string, directorate?: string): Promise<void> {
  await page.goto(`${appUrl}sign-in`);
  await page.getByLabel('Role').selectOption(role);
  if (directorate) await page.getByLabel('Directorate').selectOption(directorate);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}
