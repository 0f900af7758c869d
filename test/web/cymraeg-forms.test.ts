import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cy } from '../../web/src/i18n/cy';
import { en } from '../../web/src/i18n/en';
import { axeViolations, signInAs } from '../support/browser';
import { putPlaceMeasure } from '../support/place-measure';
import { useWebApp } from '../support/web-app';

// The result form and Your returns in Welsh (#27, SPEC §17, docs/cymraeg.md): an officer
// switches to Cymraeg at the header, enters a result, meets the form's errors in Welsh
// (the GOV.UK error summary "Mae problem wedi codi"), the live status and the character
// count in Welsh, and no English interface string of the forms' catalogue shows; axe finds
// nothing. And Your returns on a 320 px phone: no sideways scroll of the main content (#25).
const web = useWebApp({ seed: true });
let admin: string;

beforeAll(async () => {
  admin = await web.stack.token('admin');
});

/** A Place percentage with a Welsh title and a target of 100 for 2017-18 Q4 (no result yet). */
async function welshMeasure(): Promise<{ id: string; title: string; titleCy: string }> {
  const id = `cymraeg-${randomUUID().slice(0, 8)}`;
  const title = `Welsh journey ${id}`;
  const titleCy = `Taith Gymraeg ${id}`;
  await putPlaceMeasure(web.stack, admin, id, { title, titleCy });
  return { id, title, titleCy };
}

/** Every text of a catalogue section, split at its {placeholders} into the fixed pieces a page would show. */
function pieces(value: unknown): string[] {
  if (typeof value === 'string')
    return value
      .split(/\{\w+\}/)
      .map((p) => p.replace(/^[\s,.:;()]+|[\s,.:;()]+$/g, ''))
      .filter((p) => p.length >= 4);
  if (value && typeof value === 'object') return Object.values(value).flatMap(pieces);
  return [];
}

/** The forms' English words that differ in Welsh: none of them may show on a Welsh page. */
const welshPieces = new Set(pieces(cy.forms));
const englishOnly = [...new Set(pieces(en.forms))].filter((p) => !welshPieces.has(p));

/** <main>'s visible text without the user data marked lang="en" (titles with no Welsh version). */
const mainTextInWelsh = (page: Page) =>
  page.locator('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    for (const english of copy.querySelectorAll('[lang="en"]')) english.remove();
    return copy.textContent ?? '';
  });

/**
 * signInAs in the language asked for: the person's language is remembered on their People
 * record (the first test chooses Welsh for the Place officer), so the header may come in either.
 */
async function signInIn(page: Page, language: 'English' | 'Cymraeg') {
  await page.goto('./');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('Role').selectOption('officer');
  await page.getByLabel('Directorate').selectOption('Place');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: /^(Sign out|Allgofnodi)$/ }).waitFor();
  const choose = page.locator('.app-language-switch').getByRole('button', { name: language });
  if ((await choose.count()) > 0) await choose.click();
  await page.getByRole('button', { name: language === 'English' ? 'Sign out' : 'Allgofnodi' }).waitFor();
}

async function expectNoEnglish(page: Page) {
  const text = await mainTextInWelsh(page);
  expect(englishOnly.filter((p) => text.includes(p))).toEqual([]);
}

describe('the forms in Cymraeg', () => {
  it('an officer switches to Cymraeg, enters a result and sees the form, its errors, the live status and Your returns in Welsh', async () => {
    const { id, title, titleCy } = await welshMeasure();
    const { page, errors } = await web.open();
    await signInAs(page, 'officer', 'Place');
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'Cymraeg' }).click();

    // Your returns in Welsh.
    await page.getByRole('heading', { level: 1, name: 'Eich ffurflenni' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('cy');
    await page.getByRole('button', { name: 'Dangos y ffurflenni' }).waitFor();
    await page.locator('caption', { hasText: 'Mesurau' }).waitFor();
    // A title with no Welsh version shows in English, marked so.
    const english = page.locator('main a[href*="/measures/"] [lang="en"]').first();
    await expect(english.count()).resolves.toBe(1);
    await expectNoEnglish(page);
    expect(await axeViolations(page)).toEqual([]);

    // The form: the Welsh title (not marked English), its words, the live status.
    // Your returns' rows carry no Welsh title (GET /returns gives none): the English, marked so.
    await expect(page.getByRole('link', { name: title }).locator('[lang="en"]').count()).resolves.toBe(1);
    await page.getByRole('link', { name: title }).click();
    const heading = page.getByRole('heading', { level: 1, name: titleCy });
    await heading.waitFor();
    await expect(heading.getAttribute('lang')).resolves.toBeNull();
    await page.getByText('Yn ôl i Eich ffurflenni').waitFor();
    await expect(page.locator('#status-if-saved').textContent()).resolves.toBe(
      'Statws os caiff ei gadw: rhowch werth i’w weld',
    );
    await page.getByLabel('Gwerth').fill('50');
    await expect(page.locator('#status-if-saved').textContent()).resolves.toBe('Statws os caiff ei gadw: COCH');
    await page.getByLabel('Gwerth').fill('95');
    await expect(page.locator('#status-if-saved').textContent()).resolves.toBe('Statws os caiff ei gadw: AMBR');
    await page.getByText('Gallwch roi hyd at 4,000 o gymeriadau').waitFor({ state: 'attached' });
    await page.getByLabel('Sylwebaeth').fill('Ar y ffordd');
    await page.getByText('Mae gennych 3,989 o gymeriadau ar ôl').first().waitFor();
    await page.getByLabel('Sylwebaeth').fill('');
    // The breakdown's row names Place as Name does: the settings hold no Welsh name for it, so the English, marked so.
    await expect(page.locator('label[for="breakdown-Place"] [lang="en"]').textContent()).resolves.toBe('Place');
    await expectNoEnglish(page);
    expect(await axeViolations(page)).toEqual([]);

    // The form's own refusal: a decimal comma.
    await page.getByLabel('Gwerth').fill('12,5');
    await page.getByRole('button', { name: 'Cadw' }).click();
    const summary = page.locator('.govuk-error-summary');
    await page.getByRole('heading', { level: 2, name: 'Mae problem wedi codi' }).waitFor();
    await summary.getByText('Defnyddiwch atalnod llawn ar gyfer degolion, fel 12.5').waitFor();
    await expect.poll(() => page.title()).toMatch(/^Gwall: /);

    // The API's refusal, said in Welsh: a red result needs commentary.
    await page.getByLabel('Gwerth').fill('50');
    await page.getByRole('button', { name: 'Cadw' }).click();
    await summary.getByText('Rhowch sylwebaeth (mae ei hangen pan fydd y canlyniad yn AMBR neu’n GOCH)').waitFor();
    await expectNoEnglish(page);
    expect(await axeViolations(page)).toEqual([]);

    // Saved: back on Your returns, in Welsh.
    await page.getByLabel('Sylwebaeth').fill('Llai o geisiadau na’r disgwyl; cynllun adfer ar waith.');
    await page.getByRole('button', { name: 'Cadw' }).click();
    await page.getByText(`Wedi cadw ${titleCy}: COCH`).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Eich ffurflenni' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    await expect(row.textContent()).resolves.toContain('COCH');
    await expectNoEnglish(page);
    expect(await axeViolations(page)).toEqual([]);

    // The measure page in Welsh too.
    await page.goto(`${web.app}measures/${encodeURIComponent(id)}`);
    await page.getByRole('heading', { level: 2, name: 'Hanes y fersiynau' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Diffiniad' }).waitFor();
    await expectNoEnglish(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);

  it('Upload results in Welsh, and the API’s own refusals in Welsh: an upload’s line-by-line mistakes, a validator’s message on the form', async () => {
    const { page, errors } = await web.open();
    await signInIn(page, 'Cymraeg');
    await page.getByRole('heading', { level: 1, name: 'Eich ffurflenni' }).waitFor();

    // The form: the measure's possible values narrowed after the form loaded, so only the
    // API knows; its refusal shows in Welsh after the field's Welsh name.
    const { id, title, titleCy } = await welshMeasure();
    await page.goto(`${web.app}measures/${encodeURIComponent(id)}/results/2017-18-Q4`);
    await page.getByRole('heading', { level: 1, name: titleCy }).waitFor();
    await putPlaceMeasure(
      web.stack,
      admin,
      id,
      { title, titleCy, valueRange: { min: 0, max: 40 }, targets: { '2017-18-Q4': 30 } },
      { changes: true },
    );
    await page.getByLabel('Gwerth').fill('50');
    await page.getByLabel('Sylwebaeth').fill('Uwch na’r disgwyl');
    await page.getByRole('button', { name: 'Cadw' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText('Gwerth: Rhowch ganran rhwng 0% a 40%').waitFor();
    await expectNoEnglish(page);

    // An upload with the five mistakes: each line in Welsh, in line order.
    const [a, b, c] = [await welshMeasure(), await welshMeasure(), await welshMeasure()];
    for (const m of [a, b])
      await putPlaceMeasure(
        web.stack,
        admin,
        m.id,
        { title: m.title, valueRange: { min: 0, max: 100 } },
        { changes: true },
      );
    const theirs = `theirs-${randomUUID().slice(0, 8)}`;
    await putPlaceMeasure(web.stack, admin, theirs, {
      title: `People's ${theirs}`,
      directorates: ['People'],
      ownerDirectorate: 'People',
    });
    const csv = [
      'measureId,period,value,commentary',
      `${a.id},2017-18-Q4`, // line 2: short
      `${theirs},2017-18-Q4,90,`, // line 3: another directorate's measure
      `${a.id},2017-18-Q4,lots,`, // line 4: junk
      `${b.id},2017-18-Q4,120,`, // line 5: out of range
      `${c.id},2017-18-Q4,50,`, // line 6: red, no commentary
    ].join('\n');
    await page.goto(`${web.app}upload?quarter=2017-18-Q4`);
    await page.getByRole('heading', { level: 1, name: 'Lanlwytho canlyniadau' }).waitFor();
    await page.getByRole('button', { name: 'Lanlwytho', exact: true }).click();
    await summary.getByText('Dewiswch ffeil canlyniadau').waitFor();
    await page.getByLabel('Ffeil canlyniadau').setInputFiles({
      name: 'canlyniadau.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Lanlwytho', exact: true }).click();
    await summary.getByText('Llinell 2:').waitFor();
    const lines = await summary.getByRole('link').allTextContents();
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      'Llinell 2: mae 2 cell yn y llinell, nid 4 (measureId, period, value, commentary): ychwanegwch y rhai sydd ar goll (mae angen coma ar sylwebaeth wag hefyd)',
    );
    expect(lines[1]).toMatch(
      /^Llinell 3: dim ond swyddogion People \(neu weinyddwyr\) all gyflwyno canlyniadau ar gyfer theirs-\w+: gadewch y llinell hon allan, neu gofynnwch i’r gyfarwyddiaeth honno ei lanlwytho$/,
    );
    expect(lines[2]).toBe('Llinell 4: nid yw’r gwerth yn rhif: rhowch rif fel 12.5');
    expect(lines[3]).toBe(
      'Llinell 5: mae’r gwerth 120 y tu allan i’r hyn y gall y mesur fod: rhowch ganran rhwng 0% a 100%',
    );
    expect(lines[4]).toBe(
      'Llinell 6: y canlyniad yw COCH, felly mae angen sylwebaeth: dywedwch pam, a beth sy’n cael ei wneud yn ei gylch',
    );
    await expectNoEnglish(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('Your returns on a phone', () => {
  it('has no sideways scroll of the page or its main content at 320 px: the tables become stacked rows', async () => {
    const { page, errors } = await web.open({ width: 320, height: 640 });
    await signInIn(page, 'English');
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    await page.locator('main a[href*="/measures/"]').first().waitFor();
    const widths = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const root = document.scrollingElement!;
      // Nothing inside main scrolls sideways either (a table in an overflow box would).
      const wider = [...main.querySelectorAll('table, .app-table-wrap')].filter(
        (e) => e.scrollWidth > e.clientWidth || e.getBoundingClientRect().width > main.clientWidth,
      );
      return {
        page: [root.scrollWidth, root.clientWidth],
        main: [main.scrollWidth, main.clientWidth],
        wider: wider.map((e) => e.outerHTML.slice(0, 80)),
      };
    });
    expect(widths.page[0]).toBeLessThanOrEqual(widths.page[1]!);
    expect(widths.main[0]).toBeLessThanOrEqual(widths.main[1]!);
    expect(widths.wider).toEqual([]);
    // Each row stacks: the state under the title, with its column's word before it.
    const state = page.locator('main td[data-label="State"]').first();
    await expect(state.evaluate((td) => getComputedStyle(td, '::before').content)).resolves.toBe('"State: "');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
