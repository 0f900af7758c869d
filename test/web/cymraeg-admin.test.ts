import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cy } from '../../web/src/i18n/cy';
import { en } from '../../web/src/i18n/en';
import { axeViolations } from '../support/browser';
import { putPlaceMeasure } from '../support/place-measure';
import { useWebApp } from '../support/web-app';

// The admin pages in Welsh (SPEC §17, docs/cymraeg.md): with Cymraeg chosen, the sign-in
// page (its Role list in words), Settings, People and Awaiting sign-off show the
// catalogue's Welsh, <html lang="cy">, axe finds nothing, and no English text of the
// catalogue's admin section is left on them once the plan's own words (names, titles,
// addresses) are taken out.
const web = useWebApp({ seed: true });
let admin: string;
/** The plan's and people's own words: shown as typed, in whatever language they are. */
let userData: string[] = [];

beforeAll(async () => {
  admin = await web.stack.token('admin');
  const settings = (await (await web.stack.call('GET', '/settings', { token: admin })).json()) as {
    reportTitle: string;
    planNames: Record<string, string>;
    directorates: Record<string, unknown>;
    namesCy: { programmes: Record<string, string> };
  };
  // Sign-off on, and one return awaiting it, so Awaiting sign-off shows a return's words.
  const on = await web.stack.call('PUT', '/settings', { token: admin, body: { ...settings, signOff: 'on' } });
  expect(on.status).toBe(200);
  const title = 'Welsh sign-off measure';
  await putPlaceMeasure(web.stack, admin, 'cy-admin-signed', { title });
  const officer = await web.stack.token('officer', 'Place');
  const result = await web.stack.call('PUT', '/measures/cy-admin-signed/results/2017-18-Q4', {
    token: officer,
    body: { value: 90, commentary: 'Submitted for sign-off.' },
    headers: { 'if-match': '"0"' },
  });
  expect(result.status).toBe(201);
  const people = (await (await web.stack.call('GET', '/people', { token: admin })).json()) as {
    people: { email: string; name?: string }[];
  };
  userData = [
    settings.reportTitle,
    title,
    'Submitted for sign-off.',
    'Developing the economy',
    ...Object.keys(settings.directorates),
    ...Object.entries(settings.planNames).flat(),
    ...Object.keys(settings.namesCy.programmes),
    ...people.people.flatMap((p) => [p.email, p.name ?? '']),
  ].filter((text) => text !== '');
});

/** Every text of a catalogue section with its path, as strings. */
function textsOf(section: unknown, path = ''): [string, string][] {
  if (typeof section === 'string') return [[path, section]];
  return Object.entries(section as Record<string, unknown>).flatMap(([key, value]) => textsOf(value, `${path}.${key}`));
}

/** The admin section's English texts that differ from their Welsh, as the pieces between placeholders worth looking for. */
const welsh = new Map(textsOf(cy.admin));
const englishPieces = textsOf(en.admin)
  .filter(([path, text]) => welsh.get(path) !== text)
  .flatMap(([, text]) => {
    const pieces = text.split(/\{\w+\}/).map((p) => p.trim());
    // A whole text (no placeholder) is looked for as a text of its own; a piece of a sentence only when long enough to mean something.
    return pieces.length === 1
      ? [{ piece: pieces[0]!, whole: true }]
      : pieces.map((piece) => ({ piece, whole: false }));
  })
  .filter(({ piece, whole }) => /[A-Za-z]/.test(piece) && (whole || piece.length >= 10));

/** English interface texts left in <main>: every text node (hidden ones too), the plan's own words taken out. */
async function englishIn(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const main = document.querySelector('main');
    const found: string[] = [];
    if (!main) return found;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) found.push(node.textContent ?? '');
    // Labels, hints and buttons join several nodes: the whole text of each element as well.
    for (const el of main.querySelectorAll(
      'label, legend, p, h1, h2, button, th, td, dt, dd, li, a, option, div.govuk-hint',
    ))
      found.push(el.textContent ?? '');
    return found;
  });
  const cleaned = texts.map((text) =>
    userData
      .reduce((t, data) => t.split(data).join(' '), text)
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return englishPieces
    .filter(({ piece, whole }) =>
      cleaned.some((text) =>
        whole ? text === piece || (piece.length >= 12 && text.includes(piece)) : text.includes(piece),
      ),
    )
    .map(({ piece }) => piece);
}

async function expectWelsh(page: Page) {
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('cy');
  expect(await englishIn(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
}

describe('Cymraeg: the admin pages', () => {
  it('the sign-in page, Settings, People and Awaiting sign-off are Welsh throughout', async () => {
    // This browser asks for Welsh: the sign-in page is Welsh before anyone chooses.
    const { page, errors } = await web.open({ locale: 'cy-GB' });
    await page.goto('./');
    await page.getByRole('heading', { level: 1, name: 'Mewngofnodi' }).waitFor();
    // The Role list in words, in Welsh.
    const roles = await page.getByLabel('Rôl').locator('option').allTextContents();
    expect(roles).toEqual(['Swyddog', 'Cymeradwywr', 'TRG', 'Gweinyddwr']);
    await expectWelsh(page);
    await page.getByLabel('Rôl').selectOption('admin');
    await page.getByRole('button', { name: 'Mewngofnodi', exact: true }).click();
    await page.getByRole('button', { name: 'Allgofnodi' }).waitFor();

    await page.goto(`${web.app}settings`);
    await page.getByRole('heading', { level: 1, name: 'Gosodiadau' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Hanes' }).waitFor();
    await page.getByRole('table').first().waitFor();
    await page.getByLabel('Derbynwyr y TRG').waitFor();
    await expectWelsh(page);

    await page.goto(`${web.app}people`);
    await page.getByRole('heading', { level: 1, name: 'Pobl' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Ychwanegu unigolyn' }).waitFor();
    await expectWelsh(page);
    // A refusal in Welsh, in the GOV.UK error summary.
    await page.getByLabel('Cyfeiriad e-bost').fill('jane.smith');
    await page.getByRole('button', { name: 'Cadw', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Mae problem wedi codi' }).waitFor();
    await page.locator('.govuk-error-summary').getByText('Rhowch gyfeiriad e-bost').waitFor();
    await expectWelsh(page);

    await page.goto(`${web.app}sign-offs?quarter=2017-18-Q4`);
    await page.getByRole('heading', { level: 1, name: 'Yn aros am gymeradwyaeth' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Welsh sign-off measure' }).waitFor();
    // The period and the date in Welsh.
    await page.getByText('2017-18 Ch4').first().waitFor();
    await expect(page.locator('main').textContent()).resolves.toMatch(
      /ar \d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4} am \d\d:\d\d \(fersiwn 1\)/,
    );
    // The measure's title has no Welsh version: shown in English, marked as English.
    await expect(page.getByRole('heading', { level: 2 }).locator('[lang="en"]').first().textContent()).resolves.toBe(
      'Welsh sign-off measure',
    );
    await expectWelsh(page);
    expect(errors).toEqual([]);
  }, 240_000);
});
