import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, vi } from 'vitest';
import type { Role } from '../../lambdas/domain/caller';
import { regExpLiteral } from '../../lambdas/domain/reg-exp';
import { cy } from '../../web/src/i18n/cy';
import { en } from '../../web/src/i18n/en';
import { axeViolations, signInAs, type WatchedPage } from './browser';
import { placeAction, placeMeasure } from './route-samples';
import { useWebApp } from './web-app';

// The sweep (issue #25's first acceptance bullet, #27's Welsh one; SPEC §12 "Words, not data",
// §17): every page and state each role can reach on the sample plan, in a real Chromium,
// shows words, not data (no ISO date, UUID, `local-` id or raw plan code), dates in the one
// style, no sideways scroll of the main content at 320 px, zero axe violations and no
// console errors; in Welsh, `<html lang="cy">` and no English interface string outside
// lang="en" user data. test/web/sweep.test.ts walks in English at 1,280 px and 320 px,
// test/web/sweep-cy.test.ts in Welsh at 1,280 px. Each file has one stack, seeded once; the
// states are made through the API. Every problem found is collected, so a failure lists
// them all at once.

const open = '2017-18-Q4';
const closed = '2017-18-Q3';
/** The sample's own Place items for a closed quarter, and the states made for this sweep. */
const ids = {
  notStarted: 'sweep-not-started',
  saved: 'sweep-saved',
  commentary: 'sweep-commentary',
  awaiting: 'sweep-awaiting',
  returned: 'sweep-returned',
  retired: 'sweep-retired',
  workOpen: 'sweep-work-open',
  workSaved: 'sweep-work-saved',
  workAwaiting: 'sweep-work-awaiting',
  workReturned: 'sweep-work-returned',
  workRetired: 'sweep-work-retired',
};
// The shared Place fixtures (test/support/route-samples.ts), a percentage with a target for the open quarter.
const measureBody = (title: string, target = 100) => ({
  ...placeMeasure,
  title,
  targets: { [open]: target },
  valueRange: { min: 0, max: 100 },
});
const { startQuarter: _anyQuarter, ...placeWork } = placeAction;
const actionBody = (title: string) => ({ ...placeWork, title });

async function ok(res: Promise<Response>, status?: number): Promise<Response> {
  const answered = await res;
  if (status ? answered.status !== status : answered.status >= 300)
    throw new Error(`${answered.url}: ${answered.status} ${await answered.text()}`);
  return answered;
}

// ---------------------------------------------------------------------------------------
// The checks

const months = 'January|February|March|April|May|June|July|August|September|October|November|December';
const shortMonths = 'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';

/** What must never show (SPEC §12 "Words, not data"): each pattern and what it is. */
const machineData: [RegExp, string][] = [
  [/\b\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?/, 'an ISO date'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i, 'a UUID'],
  [/\blocal-[a-z]/, 'a local id'],
  [/\bcip\b/, 'the raw plan code'],
];

/** Date-like text in another style than "6 December 2026", "6 December 2026 at 12:38" and "2017-18 Q4". */
const otherDateStyles: [RegExp, string][] = [
  [/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/, 'a date with slashes'],
  [new RegExp(`\\b\\d{1,2} (${shortMonths})\\b(?!\\w)`), 'a short month'],
  [new RegExp(`\\b(${months}|${shortMonths}) \\d{1,2},? \\d{4}`), 'month before day'],
  [new RegExp(`\\b0\\d (${months})`), 'a day with a leading zero'],
  [new RegExp(`\\b\\d{1,2} (${months}) \\d{4},? (?!at )\\d{1,2}[:.]\\d{2}`), 'a time not written "at 12:38"'],
  [/\b\d{1,2}:\d{2}:\d{2}\b/, 'a time with seconds'],
  [/\b\d{4}-\d{2}-Q[1-4]\b/, 'a quarter written as its key'],
  [/\b\d{4}(\/\d{2}|-\d{2}) ?(Quarter|Qtr) ?[1-4]\b/, 'a quarter in another style'],
];

interface PageProblem {
  page: string;
  width: number;
  problem: string;
}

/**
 * The visible text of the page, without the texts a person typed that are shown on purpose
 * as they typed them (each justified where it is given).
 */
async function visibleText(page: Page, allow: readonly string[]): Promise<string> {
  // The text as rendered, one line a block (textContent runs blocks together, making false words).
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
  let text = await page.evaluate(() => document.body.innerText);
  for (const typed of allow) text = text.split(typed).join('');
  return text;
}

/**
 * The main content at 320 px: no sideways scroll of the page, and a table wider than its
 * column only inside a scroll region a keyboard can reach and a screen reader names
 * (tabindex="0", role="region", a label): WCAG 2.1.1 and 1.3.1, and reflow (1.4.10) allows
 * a data table to scroll in two dimensions. Anything else that overflows is a failure.
 */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollWidth > root.clientWidth + 1)
      found.push(`the page scrolls sideways (${root.scrollWidth} px in ${root.clientWidth} px)`);
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    const main = document.querySelector('main') ?? document.body;
    for (const el of main.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
      if (!scrolls || el.scrollWidth <= el.clientWidth + 1) continue;
      const named = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
      if (el.getAttribute('tabindex') !== '0' || el.getAttribute('role') !== 'region' || !named)
        found.push(`${describe(el)} scrolls sideways but is not a focusable, labelled region`);
    }
    for (const table of main.querySelectorAll('table')) {
      // A table kept for screen readers only (the one behind each chart) is never seen.
      if (table.closest('.govuk-visually-hidden')) continue;
      const right = table.getBoundingClientRect().right;
      let region: Element | null = table.parentElement;
      while (region && region !== main) {
        const x = getComputedStyle(region).overflowX;
        if (x === 'auto' || x === 'scroll') break;
        region = region.parentElement;
      }
      const inRegion = region !== null && region !== main;
      if (!inRegion && right > root.clientWidth + 1)
        found.push(`${describe(table)} is ${Math.round(right)} px wide in a ${root.clientWidth} px page`);
    }
    return found;
  });
}

/** The English interface strings that must not show once Cymraeg is chosen (filled once). */
const englishStrings = englishInterface();

/**
 * Every string value of the English catalogue that differs from its Welsh one and is longer
 * than 3 characters, as the words a page shows: a value with {placeholders} as its fixed
 * pieces (each longer than 3 characters), matched as whole words.
 */
function englishInterface(): { text: string; pattern: RegExp }[] {
  const found = new Set<string>();
  const walk = (english: unknown, welsh: unknown) => {
    if (typeof english === 'string') {
      if (english === welsh) return;
      for (const piece of english.split(/\{[^}]*\}/)) {
        const text = piece
          .trim()
          .replace(/^[,.:;()]+|[,.:;(]+$/g, '')
          .trim();
        if (text.length > 3 && /[A-Za-z]{2}/.test(text)) found.add(text);
      }
    } else if (english && typeof english === 'object')
      for (const [key, value] of Object.entries(english)) walk(value, (welsh as Record<string, unknown>)?.[key]);
  };
  walk(en, cy);
  // Words the Welsh uses too ("Statws BRAG") are not English showing.
  const welshWords: string[] = [];
  const gather = (value: unknown): void => {
    if (typeof value === 'string') welshWords.push(value);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) gather(v);
  };
  gather(cy);
  const welsh = welshWords.join('\n');
  return [...found]
    .map((text) => ({
      text,
      pattern: new RegExp(`${/^\w/.test(text) ? '\\b' : ''}${regExpLiteral(text)}${/\w$/.test(text) ? '\\b' : ''}`),
    }))
    .filter(({ pattern }) => !pattern.test(welsh));
}

/** The visible text of the page outside elements marked lang="en" (user data without a Welsh version). */
async function textOutsideEnglish(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('[lang="en"], script, style, noscript')) continue;
      if (!parent.checkVisibility()) continue;
      parts.push(node.textContent ?? '');
    }
    return parts.join('\n');
  });
}

/** A signed-in page and the language chosen at its header. */
type Walker = WatchedPage & { language: 'en' | 'cy' };

const form = (id: string) => `measures/${id}/results/${open}`;
const work = (id: string) => `actions/${id}/updates/${open}`;

/** What useSweep gives a test file: the four walks, each returning the role it walked as. */
export interface Sweep {
  officerWalk(language: 'en' | 'cy'): Promise<string>;
  approverWalk(language: 'en' | 'cy'): Promise<string>;
  emtWalk(language: 'en' | 'cy'): Promise<string>;
  adminWalk(language: 'en' | 'cy'): Promise<string>;
  /** Fails with every problem the walks found on the role's pages. */
  expectNoProblems(role: string): void;
  /** How many page checks ran (a page checked at two widths counts twice). */
  pagesChecked(): number;
}

/**
 * One seeded stack for the file (useWebApp), the sweep's states made on it through the API
 * before the tests, and the walks over it. `settings`: what the file's stack has in its
 * settings besides (sign-off is always on, as `npm start` has it).
 */
export function useSweep(options: { settings?: Record<string, unknown> } = {}): Sweep {
  // Starting the stack and making the states is a minute on a busy machine (the file's hooks get five).
  vi.setConfig({ hookTimeout: 300_000 });
  const web = useWebApp({ seed: true });
  let admin: string;
  let officer: string;
  let approver: string;

  let closedMeasure: string;
  let closedAction: string;
  let criticalItem: string;
  const readableIds: string[] = [];

  const problems: PageProblem[] = [];
  let pagesChecked = 0;

  beforeAll(async () => {
    admin = await web.stack.token('admin');
    officer = await web.stack.token('officer', 'Place');
    approver = await web.stack.token('approver', 'Place');
    const call = (method: string, path: string, token: string, body?: unknown, version?: number) =>
      ok(
        web.stack.call(method, path, {
          token,
          body,
          ...(version !== undefined && { headers: { 'if-match': `"${version}"` } }),
        }),
      );

    // Needs commentary: a result on target, then the target raised so that it is RED with none.
    for (const [key, id] of Object.entries(ids)) {
      if (key.startsWith('work')) continue;
      await call(
        'PUT',
        `/measures/${id}`,
        admin,
        measureBody(`Sweep measure ${key}`, id === ids.commentary ? 80 : 100),
      );
    }
    await call('PUT', `/measures/${ids.commentary}/results/${open}`, officer, { value: 90 }, 0);
    await call('PUT', `/measures/${ids.commentary}`, admin, measureBody('Sweep measure commentary', 100));
    for (const [key, id] of Object.entries(ids)) {
      if (!key.startsWith('work')) continue;
      await call('PUT', `/actions/${id}`, admin, actionBody(`Sweep work ${key.slice(4)}`));
    }
    await call('DELETE', `/measures/${ids.retired}`, admin);
    await call('DELETE', `/actions/${ids.workRetired}`, admin);

    // Sign-off on (as `npm start` has it): saved results await it, then are approved or returned.
    const settings = await (await call('GET', '/settings', admin)).json();
    await call('PUT', '/settings', admin, { ...settings, ...options.settings, signOff: 'on' });
    for (const id of [ids.saved, ids.awaiting, ids.returned])
      await call('PUT', `/measures/${id}/results/${open}`, officer, { value: 80, commentary: 'Two posts vacant.' }, 0);
    for (const id of [ids.workSaved, ids.workAwaiting, ids.workReturned])
      await call(
        'PUT',
        `/actions/${id}/updates/${open}`,
        officer,
        { status: 'amber', commentary: 'Slipped a month.' },
        0,
      );
    await call('POST', `/measures/${ids.saved}/results/${open}/sign-off`, approver, { decision: 'approve' }, 1);
    await call('POST', `/actions/${ids.workSaved}/updates/${open}/sign-off`, approver, { decision: 'approve' }, 1);
    const reason = { decision: 'return', reason: 'Say when the posts will be filled.' };
    await call('POST', `/measures/${ids.returned}/results/${open}/sign-off`, approver, reason, 1);
    await call('POST', `/actions/${ids.workReturned}/updates/${open}/sign-off`, approver, reason, 1);

    // The sample's own Place returns of a closed quarter, and a critical item of the open one.
    const returns = (await (await call('GET', `/returns?quarter=${closed}`, officer)).json()) as {
      measures: { id: string; state: string }[];
      actions: { id: string; state: string }[];
    };
    closedMeasure = returns.measures.find((m) => m.state !== 'not-started')!.id;
    closedAction = returns.actions[0]!.id;
    const report = (await (await call('GET', `/reports/${open}`, admin)).json()) as { criticalItems: { id: string }[] };
    criticalItem = report.criticalItems[0]!.id;
    // Every definition's readable id, as the admin typed it (the sample's include `local-transport-plan`).
    for (const kind of ['measures', 'actions']) {
      const listed = (await (await call('GET', `/${kind}`, admin)).json()) as Record<string, { id: string }[]>;
      readableIds.push(
        ...Object.values(listed).flatMap((items) => (Array.isArray(items) ? items.map((i) => i.id) : [])),
      );
    }
    readableIds.sort((a, b) => b.length - a.length);
  });

  async function checkAt(w: Walker, name: string, width: number, allow: readonly string[]) {
    const { page } = w;
    const report = (problem: string) => {
      problems.push({ page: name, width, problem });
      if (process.env.SWEEP_TIMES) console.log(`PROBLEM ${name} @${width}: ${problem}`);
    };
    const text = await visibleText(page, allow);
    const welsh = w.language === 'cy';
    // The date styles are the English ones; in Welsh, the machine data still must not show.
    for (const [pattern, what] of welsh ? machineData : [...machineData, ...otherDateStyles]) {
      const seen = text.match(new RegExp(pattern.source, `${pattern.flags}g`));
      if (seen) report(`${what}: ${[...new Set(seen)].slice(0, 3).join(', ')}`);
    }
    if (welsh) {
      const lang = await page.evaluate(() => document.documentElement.lang);
      if (lang !== 'cy') report(`<html lang="${lang}">, not "cy"`);
      const outside = await textOutsideEnglish(page);
      const english = englishStrings.filter((s) => s.pattern.test(outside)).map((s) => `"${s.text}"`);
      if (english.length) report(`English interface text: ${english.slice(0, 12).join(', ')}`);
    }
    if (width <= 320) for (const found of await overflow(page)) report(found);
    for (const v of await axeViolations(page)) report(`axe ${v.id}: ${v.help} (${v.nodes[0]?.slice(0, 120)})`);
    for (const error of w.errors.splice(0)) report(`console: ${error}`);
    pagesChecked++;
  }

  /**
   * Waits for the page's heading (any, in Welsh) and for nothing to be loading, then checks it:
   * in English at 1,280 px and at 320 px; in Welsh at 1,280 px (the words do not change with the width).
   */
  async function check(
    w: Walker,
    name: string,
    heading: string | RegExp,
    options: { allow?: readonly string[]; go?: string } = {},
  ) {
    const { page } = w;
    const started = Date.now();
    const loading = w.language === 'cy' ? cy.shell.loading : en.shell.loading;
    try {
      if (options.go !== undefined) await page.goto(`${web.app}${options.go}`);
      await page
        .getByRole('heading', { level: 1, name: w.language === 'cy' ? /./ : heading })
        .first()
        .waitFor({ timeout: 10_000 });
      await page.waitForFunction(
        (words) => ![...document.querySelectorAll('main p')].some((p) => p.textContent === words),
        loading,
        { timeout: 10_000 },
      );
    } catch (error) {
      problems.push({ page: name, width: 0, problem: `did not open: ${String(error).split('\n')[0]}` });
      return;
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await checkAt(w, name, 1280, options.allow ?? []);
    if (w.language === 'en') {
      await page.setViewportSize({ width: 320, height: 800 });
      // What follows a resize (a table's scroll region, web/src/components/table.tsx) settles by the next frames.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await checkAt(w, name, 320, options.allow ?? []);
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    if (process.env.SWEEP_TIMES) console.log(`${Date.now() - started} ms ${name}`);
  }

  /** Signs in (signInAs) and, for the Welsh walk, chooses Cymraeg at the header's language switch. */
  async function signedIn(language: 'en' | 'cy', role: Role, directorate?: string): Promise<Walker> {
    const w = { ...(await web.open({ width: 1280, height: 900 })), language };
    await signInAs(w.page, role, directorate);
    if (language === 'cy') {
      await w.page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'Cymraeg' }).click();
      await w.page.getByRole('button', { name: cy.shell.signOut }).waitFor();
    }
    return w;
  }

  /** Every link of the service navigation, followed by clicking it. */
  async function everyNavLink(w: Walker, role: string) {
    const nav = w.page.locator('.govuk-service-navigation');
    const links = await nav
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => ({ label: a.textContent ?? '', href: a.getAttribute('href') ?? '' })));
    expect(links.length).toBeGreaterThan(0);
    for (const { label, href } of links) {
      await nav.locator(`a[href="${href}"]`).click();
      await w.page.waitForURL((url) => url.pathname === href);
      await check(w, `${role}: ${label}`, label === en.nav.Dashboard ? /./ : label, {
        // The Measures and Planned work lists show each definition's readable id, typed by the admin.
        allow: href.endsWith('/admin/measures') || href.endsWith('/admin/actions') ? readableIds : [],
      });
    }
  }

  async function uploadErrors(w: Walker, role: string) {
    const dir = mkdtempSync(join(tmpdir(), 'ragtime-sweep-'));
    const file = join(dir, 'mistakes.csv');
    writeFileSync(
      file,
      `measureId,period,value,commentary\n${ids.notStarted},${open},lots,\n${ids.notStarted},${open},12\n${ids.saved},${open},150,\n`,
    );
    await w.page.goto(`${web.app}upload`);
    const t = w.language === 'cy' ? cy : en;
    await w.page.getByLabel(t.forms.upload.file).setInputFiles(file);
    await w.page.getByRole('button', { name: t.forms.upload.upload, exact: true }).click();
    await w.page.locator('.govuk-error-summary').waitFor();
    await check(w, `${role}: Upload results with an error list`, 'Upload results');
  }

  async function officerWalk(language: 'en' | 'cy') {
    const role = language === 'cy' ? 'Cymraeg officer' : 'officer';
    const w = await signedIn(language, 'officer', 'Place');
    await check(w, `${role}: Your returns (landing)`, 'Your returns');
    await everyNavLink(w, role);
    await check(w, `${role}: Your returns for another quarter`, 'Your returns', { go: '?quarter=2016-17-Q2' });
    await check(w, `${role}: result form, not started`, 'Sweep measure notStarted', { go: form(ids.notStarted) });
    await check(w, `${role}: result form, saved (approved)`, 'Sweep measure saved', { go: form(ids.saved) });
    await check(w, `${role}: result form, needs commentary`, 'Sweep measure commentary', { go: form(ids.commentary) });
    await check(w, `${role}: result form, awaiting sign-off`, 'Sweep measure awaiting', { go: form(ids.awaiting) });
    await check(w, `${role}: result form, returned`, 'Sweep measure returned', { go: form(ids.returned) });
    await check(w, `${role}: result form, closed quarter`, /./, { go: `measures/${closedMeasure}/results/${closed}` });
    await check(w, `${role}: planned-work form, not started`, 'Sweep work Open', { go: work(ids.workOpen) });
    await check(w, `${role}: planned-work form, saved`, 'Sweep work Saved', { go: work(ids.workSaved) });
    await check(w, `${role}: planned-work form, awaiting`, 'Sweep work Awaiting', { go: work(ids.workAwaiting) });
    await check(w, `${role}: planned-work form, returned`, 'Sweep work Returned', { go: work(ids.workReturned) });
    await check(w, `${role}: planned-work form, closed quarter`, /./, {
      go: `actions/${closedAction}/updates/${closed}`,
    });
    await check(w, `${role}: measure page`, /./, { go: `measures/${closedMeasure}` });
    await check(w, `${role}: dashboard, filter matching`, /./, { go: `dashboard?quarter=${open}&directorate=Place` });
    await check(w, `${role}: dashboard, filter matching nothing`, /./, {
      go: `dashboard?quarter=${open}&directorate=Place&status=info-only`,
    });
    await uploadErrors(w, role);
    await check(w, `${role}: not found`, 'Page not found', { go: 'no-such-page' });
    await check(w, `${role}: no access`, 'You do not have access', { go: 'admin/measures' });
    return role;
  }

  async function approverWalk(language: 'en' | 'cy') {
    const role = language === 'cy' ? 'Cymraeg approver' : 'approver';
    const w = await signedIn(language, 'approver', 'Place');
    await check(w, `${role}: landing (Awaiting sign-off)`, 'Awaiting sign-off');
    await everyNavLink(w, role);
    await check(w, `${role}: result form awaiting their sign-off`, 'Sweep measure awaiting', {
      go: form(ids.awaiting),
    });
    await check(w, `${role}: planned-work form awaiting their sign-off`, 'Sweep work Awaiting', {
      go: work(ids.workAwaiting),
    });
    await check(w, `${role}: no access`, 'You do not have access', { go: 'people' });
    const r = await signedIn(language, 'approver', 'Resources');
    await check(r, `${role} (Resources): landing`, 'Your returns');
    await check(r, `${role} (Resources): Awaiting sign-off, nothing awaiting`, 'Awaiting sign-off', {
      go: 'sign-offs',
    });
    return role;
  }

  async function emtWalk(language: 'en' | 'cy') {
    const role = language === 'cy' ? 'Cymraeg EMT' : 'EMT';
    const w = await signedIn(language, 'emt');
    await check(w, `${role}: Dashboard (landing)`, /./);
    await everyNavLink(w, role);
    await check(w, `${role}: dashboard of a closed quarter`, /./, { go: `dashboard?quarter=${closed}` });
    await check(w, `${role}: dashboard, filter matching nothing`, /./, {
      go: `dashboard?quarter=${open}&status=info-only&directorate=People`,
    });
    await check(w, `${role}: critical item`, /./, { go: `reports/${open}/critical-items/${criticalItem}` });
    await check(w, `${role}: measure page`, /./, { go: `measures/${closedMeasure}` });
    await check(w, `${role}: no access`, 'You do not have access', { go: 'admin/measures' });
    await check(w, `${role}: not found`, 'Page not found', { go: 'no/such/page' });
    return role;
  }

  async function adminWalk(language: 'en' | 'cy') {
    const role = language === 'cy' ? 'Cymraeg admin' : 'admin';
    const w = await signedIn(language, 'admin');
    await check(w, `${role}: Dashboard (landing)`, /./);
    await everyNavLink(w, role);
    // The editors show the id the admin typed (read-only once saved): a readable id, on purpose.
    const typed = readableIds;
    await check(w, `${role}: measure editor, new`, /./, { go: 'admin/measures/new' });
    await check(w, `${role}: measure editor, existing`, /./, { go: `admin/measures/${ids.saved}`, allow: typed });
    await check(w, `${role}: measure editor, retired`, /./, { go: `admin/measures/${ids.retired}`, allow: typed });
    await check(w, `${role}: planned-work editor, new`, /./, { go: 'admin/actions/new' });
    await check(w, `${role}: planned-work editor, existing`, /./, {
      go: `admin/actions/${ids.workSaved}`,
      allow: typed,
    });
    await check(w, `${role}: planned-work editor, retired`, /./, {
      go: `admin/actions/${ids.workRetired}`,
      allow: typed,
    });
    await check(w, `${role}: Amend a result of a closed quarter`, /./, {
      go: `measures/${closedMeasure}/results/${closed}`,
    });
    await check(w, `${role}: Amend planned work of a closed quarter`, /./, {
      go: `actions/${closedAction}/updates/${closed}`,
    });
    await check(w, `${role}: Awaiting sign-off, every directorate`, 'Awaiting sign-off', { go: 'sign-offs' });
    await check(w, `${role}: Awaiting sign-off, nothing awaiting`, 'Awaiting sign-off', {
      go: 'sign-offs?directorate=Resources',
    });
    await check(w, `${role}: Close quarter confirmation`, /./, { go: `close/${open}` });
    await check(w, `${role}: a closed quarter (Close quarter page)`, /./, { go: `close/${closed}` });
    await check(w, `${role}: Reissue`, /./, { go: `reissue/${closed}` });
    await check(w, `${role}: critical item`, /./, { go: `reports/${open}/critical-items/${criticalItem}` });
    await check(w, `${role}: measure page with sign-off history`, /./, { go: `measures/${ids.returned}` });
    await uploadErrors(w, role);
    await check(w, `${role}: not found`, 'Page not found', { go: 'no-such-page' });
    return role;
  }

  function expectNoProblems(role: string) {
    const mine = problems.filter((p) => p.page.startsWith(`${role}:`) || p.page.startsWith(`${role} (`));
    expect(mine).toEqual([]);
  }

  return { officerWalk, approverWalk, emtWalk, adminWalk, expectNoProblems, pagesChecked: () => pagesChecked };
}
