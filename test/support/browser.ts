import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import sparticuz from '@sparticuz/chromium';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Role } from '../../lambdas/domain/caller';

// A real Chromium for the web app's tests: the one the npm package @sparticuz/chromium
// ships (no apt step, so a fresh `npm ci && npm test` needs nothing else). One browser
// per test file (test/support/web-app.ts); a fresh context (own sessionStorage) per page.

const unpackLock = join(tmpdir(), 'chromium.unpacking');

/**
 * Chromium unpacked into /tmp once, before anything runs it: vitest's globalSetup
 * (test/support/global-setup.ts) calls this before any worker starts. @sparticuz/chromium
 * unpacks when /tmp/chromium is missing and returns it as soon as the file exists, so two
 * launches at once could run a half-written binary (`spawn ETXTBSY`). A lock directory
 * (mkdir is atomic) makes a second process, e.g. another `npm test` beside this one, wait
 * for the first to finish unpacking.
 */
export async function unpackChromium(): Promise<string> {
  const binary = join(tmpdir(), 'chromium');
  // Unpacked and nobody unpacking: the binary is whole (the lock is taken before it is created).
  if (existsSync(binary) && !existsSync(unpackLock)) return binary;
  for (;;) {
    try {
      mkdirSync(unpackLock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a process killed mid-unpack (unpacking takes seconds, not minutes).
      if (Date.now() - lockTime() > 5 * 60_000) rmSync(unpackLock, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    return await sparticuz.executablePath();
  } finally {
    rmSync(unpackLock, { recursive: true, force: true });
  }
}

function lockTime(): number {
  try {
    return statSync(unpackLock).mtimeMs;
  } catch {
    return Date.now();
  }
}

/**
 * @sparticuz/chromium's arguments without `--single-process`: in one process, Chromium's
 * browser contexts share localStorage, so a "fresh" context saw the language another test
 * chose at the switch (docs/web-app.md "Tests"). Each context is isolated again.
 */
const chromiumArgs = sparticuz.args.filter((arg) => arg !== '--single-process');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await unpackChromium(), args: chromiumArgs, headless: true });
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  /** Requests made to the API (not the app's own files, config.json or local sign-in). */
  apiRequests: string[];
}

/**
 * A fresh context (own sessionStorage) and page. With `app` (the web app's address), the
 * page's relative addresses resolve against it, as `signInAs` needs.
 */
export async function openPage(
  browser: Browser,
  options: { app?: string; width?: number; height?: number; locale?: string } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    baseURL: options.app,
    viewport: { width: options.width ?? 1024, height: options.height ?? 800 },
    // The browser's language (navigator.language): the web app's until the person chooses one.
    ...(options.locale && { locale: options.locale }),
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

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG rules (`wcagTags`) on the page as it is now. axe is put into the document once
 * and run there: the app is one document with no frames, so @axe-core/playwright's cross-frame
 * run (axe injected afresh each call, results merged in a second blank page) was two thirds of
 * each check's time and found nothing more (docs/web-app.md "Tests").
 */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  if (page.frames().length > 1) throw new Error('axeViolations checks one document: this page has frames');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.html) }));
  }, wcagTags);
}

/**
 * Signs in as a person does: opens the app's address (the one `npm start` prints), is sent
 * to the local sign-in page, chooses the role (and directorate) and presses `Sign in` once,
 * then waits for the signed-in header. The page must come from `openPage` with `app` (or
 * the web-app fixture's `open`).
 */
export async function signInAs(page: Page, role: Role, directorate?: string): Promise<void> {
  await page.goto('./');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('Role').selectOption(role);
  if (directorate) await page.getByLabel('Directorate').selectOption(directorate);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/**
 * Clicks a link that downloads a file (the report's `Download …` links fetch with the
 * bearer token, then save the answer) and answers the file's name and bytes.
 */
export async function downloadBytes(page: Page, linkName: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: linkName, exact: true }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

/** The value of a GOV.UK summary list's row, by its key (`Critical items`), as text. */
export async function summaryListValue(page: Page, key: string): Promise<string> {
  const row = page.locator('.govuk-summary-list__row').filter({
    has: page.locator('.govuk-summary-list__key', { hasText: new RegExp(`^\\s*${key}\\s*$`) }),
  });
  return ((await row.locator('.govuk-summary-list__value').textContent()) ?? '').trim();
}
