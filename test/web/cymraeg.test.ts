import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localName } from '../../lambdas/local/jwt';
import { axeViolations, signInAs } from '../support/browser';
import { useWebApp } from '../support/web-app';

// The web app in Welsh (SPEC §17, docs/cymraeg.md): the header's English / Cymraeg switch,
// remembered across a reload, with <html lang> following; the shell (navigation, header,
// skip link), the GOV.UK error summary and the field errors in Welsh; axe finds nothing.
const web = useWebApp({ seed: true });

/** signInAs, on a sign-in page in either language, done once the header says "Sign out" or "Allgofnodi" (signInAs waits for the English). */
async function signInEitherLanguage(page: Page, role: string, directorate?: string) {
  await page.goto('./');
  await page.getByRole('heading', { level: 1, name: /^(Sign in|Mewngofnodi)$/ }).waitFor();
  await page.getByLabel(/^(Role|Rôl)$/).selectOption(role);
  if (directorate) await page.getByLabel(/^(Directorate|Cyfarwyddiaeth)$/).selectOption(directorate);
  await page.getByRole('button', { name: /^(Sign in|Mewngofnodi)$/ }).click();
  await page.getByRole('button', { name: /^(Sign out|Allgofnodi)$/ }).waitFor();
}

describe('Cymraeg', () => {
  it('an officer switches to Cymraeg at the header; the shell is Welsh, and the choice survives a reload', async () => {
    const { page, errors } = await web.open();
    await signInAs(page, 'officer', 'Place');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    const nav = page.locator('.govuk-service-navigation');
    await nav.getByRole('link', { name: 'Your returns' }).waitFor();

    await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'Cymraeg' }).click();
    await nav.getByRole('link', { name: 'Eich ffurflenni' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('cy');
    await page.getByRole('button', { name: 'Allgofnodi' }).waitFor();
    await expect(page.locator('.govuk-skip-link').textContent()).resolves.toBe('Neidio i’r prif gynnwys');
    await expect(page.locator('.app-header__account').textContent()).resolves.toContain(
      `Wedi mewngofnodi fel ${localName('officer', 'Place')} (swyddog, Place)`,
    );
    // The report title has no Welsh version in this plan: the English shows, marked as English.
    await expect(page.locator('.app-header__title').getAttribute('lang')).resolves.toBe('en');
    // The switch names the language shown as current, and offers English in English.
    const switcher = page.getByRole('navigation', { name: 'Iaith' });
    await expect(switcher.locator('[aria-current="true"]').textContent()).resolves.toBe('Cymraeg');
    await expect(switcher.getByRole('button', { name: 'English' }).getAttribute('lang')).resolves.toBe('en');
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    await nav.getByRole('link', { name: 'Eich ffurflenni' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('cy');

    // And back to English, in place.
    await switcher.getByRole('button', { name: 'English' }).click();
    await nav.getByRole('link', { name: 'Your returns' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    expect(errors).toEqual([]);
  });

  it('shows the GOV.UK error summary as "Mae problem wedi codi", each field error after "Gwall:", and the title after "Gwall: "', async () => {
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await page.getByRole('button', { name: 'Cymraeg' }).click();
    await page.getByRole('link', { name: 'Gosodiadau' }).click();
    // The Settings page's own words are Welsh too (the catalogue's admin section).
    await page.getByLabel('Derbynwyr y TRG').waitFor();
    const field = page.getByLabel('Derbynwyr y TRG');
    await field.fill(`${await field.inputValue()}\nnot an address`);
    await page.getByRole('button', { name: 'Cadw', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Mae problem wedi codi' }).waitFor();
    await expect(page.locator('#emtRecipients-error .govuk-visually-hidden').textContent()).resolves.toBe('Gwall:');
    await expect.poll(() => page.title()).toMatch(/^Gwall: /);
    expect(errors).toEqual([]);
  });

  it('follows the token’s locale claim or the browser’s language until the person chooses', async () => {
    const { page, errors } = await web.open({ locale: 'cy-GB' });
    // This browser asks for Welsh, so the header says "Allgofnodi".
    await signInEitherLanguage(page, 'officer', 'Place');
    await page.getByRole('button', { name: 'Allgofnodi' }).waitFor();
    await page.locator('.govuk-service-navigation').getByRole('link', { name: 'Eich ffurflenni' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('cy');
    expect(errors).toEqual([]);
  });

  it('EMT’s critical item page in Welsh: its words, the Welsh issue, English names marked lang="en", its errors; axe finds nothing', async () => {
    const admin = await web.stack.token('admin');
    const report = (await (await web.stack.call('GET', '/reports/2017-18-Q4', { token: admin })).json()) as {
      criticalItems: { id: string; issue: string; issueCy: string; title: string }[];
    };
    const item = report.criticalItems[0]!;
    const { page, errors } = await web.open();
    await signInEitherLanguage(page, 'emt');
    const switcher = page.locator('.app-language-switch');
    if ((await switcher.getByRole('button', { name: 'Cymraeg' }).count()) > 0)
      await switcher.getByRole('button', { name: 'Cymraeg' }).click();
    await page.getByRole('button', { name: 'Allgofnodi' }).waitFor();
    await page.goto(`${web.app}reports/2017-18-Q4/critical-items/${encodeURIComponent(item.id)}`);
    await page.getByText('Eitem gritigol, 2017-18 Ch4').waitFor();
    await page.getByText(item.issueCy).first().waitFor();
    // No Welsh title in the sample plan: the English title, marked as English.
    await expect(page.getByRole('heading', { level: 1 }).getAttribute('lang')).resolves.toBe('en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(item.title);
    await page.getByText('Yn ôl i’r dangosfwrdd').waitFor();
    await page.getByLabel('Diwrnod').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Camau adferol').fill('');
    await page.getByLabel('Diwrnod').fill('31');
    await page.getByLabel('Mis').fill('2');
    await page.getByLabel('Blwyddyn').fill('2018');
    await page.getByRole('button', { name: 'Cadw' }).click();
    await page.getByRole('heading', { level: 2, name: 'Mae problem wedi codi' }).waitFor();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText('Rhowch y camau adferol').waitFor();
    await summary.getByText('Rhaid i Dyddiad dyledus fod yn ddyddiad go iawn').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
