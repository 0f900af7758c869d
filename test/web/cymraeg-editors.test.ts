import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cy } from '../../web/src/i18n/cy';
import { en } from '../../web/src/i18n/en';
import { axeViolations, signInAs } from '../support/browser';
import { useWebApp } from '../support/web-app';

// The editors, their lists and Definitions in Welsh (SPEC §17, docs/cymraeg.md): with Cymraeg
// chosen at the header, each page is `<html lang="cy">`, axe finds nothing, and no English
// text of the catalogue's `editors` section shows in <main> (user data excepted: it is what
// the plan calls things, and what has no Welsh version is marked lang="en").
const web = useWebApp({ seed: true });

/** Every text of a catalogue section. */
const texts = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];

const welsh = new Set(texts(cy.editors));
/** The English texts that differ from the Welsh: each whole, and a template's fixed parts of 12 characters or more. */
const english = texts(en.editors).filter((text) => !welsh.has(text));
const whole = new Set(english.filter((text) => !text.includes('{')).map((text) => text.trim()));
const parts = [
  ...english.filter((text) => text.includes('{')).flatMap((text) => text.split(/\{\w+\}/)),
  // A long text inside a longer one (a short one, like "Planned work", may be a name in a Welsh sentence: a sheet's).
  ...english.filter((text) => !text.includes('{') && text.length >= 20),
]
  .map((part) => part.trim())
  .filter((part) => part.length >= 12);

/** The English interface texts in <main>: text nodes (outside lang="en") equal to, or holding, an English text. */
async function englishIn(page: Page): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const out: string[] = [];
    const main = document.querySelector('main');
    if (!main) return out;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (text && !node.parentElement?.closest('[lang="en"]')) out.push(text);
    }
    for (const input of main.querySelectorAll<HTMLInputElement>('input[type="submit"], input[type="button"]'))
      out.push(input.value);
    return out;
  });
  return shown.filter((text) => whole.has(text) || parts.some((part) => text.includes(part)));
}

async function checkWelsh(page: Page) {
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('cy');
  expect(await englishIn(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
}

describe('Cymraeg: the editors, their lists and Definitions', () => {
  it('an admin in Cymraeg sees the measures list, a measure, a new measure’s errors, planned work and Definitions in Welsh', async () => {
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'Cymraeg' }).click();
    const nav = page.locator('.govuk-service-navigation');

    await nav.getByRole('link', { name: 'Mesurau', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mesurau' }).waitFor();
    await page.getByText(/^Yn dangos \d+ o \d+ o fesurau\.$/).waitFor();
    await checkWelsh(page);

    // A measure of the sample plan: its editor, targets and definition history.
    await page.locator('table tbody tr').first().getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: 'Targedau', exact: true }).waitFor();
    await page.getByRole('table', { name: 'Hanes y diffiniad' }).waitFor();
    await checkWelsh(page);

    // A new measure saved empty: the error summary and each field's error in Welsh.
    await page.getByRole('link', { name: 'Mesurau', exact: true }).first().click();
    await page.getByRole('link', { name: 'Ychwanegu mesur' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ychwanegu mesur' }).waitFor();
    await page.getByRole('button', { name: 'Cadw', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Mae problem wedi codi' }).waitFor();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Rhowch ID y mesur');
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Rhowch deitl');
    await checkWelsh(page);

    await nav.getByRole('link', { name: 'Gwaith a gynlluniwyd', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Gwaith a gynlluniwyd' }).waitFor();
    await page.getByText(/^Yn dangos \d+ o \d+ o eitemau\.$/).waitFor();
    await checkWelsh(page);

    await page.getByRole('link', { name: 'Ychwanegu gwaith a gynlluniwyd' }).click();
    await page.getByLabel('Chwarter dechrau').waitFor();
    await checkWelsh(page);

    await nav.getByRole('link', { name: 'Diffiniadau', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Lanlwytho diffiniadau' }).waitFor();
    await checkWelsh(page);
    expect(errors).toEqual([]);
  }, 240_000);
});
