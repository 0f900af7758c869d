import { describe, expect, it } from 'vitest';
import { axeViolations, signInAs } from '../support/browser';
import { useWebApp } from '../support/web-app';

// The web app in Welsh (SPEC §17, docs/cymraeg.md): the header's English / Cymraeg switch,
// remembered across a reload, with <html lang> following; the shell (navigation, header,
// skip link), the GOV.UK error summary and the field errors in Welsh; axe finds nothing.
const web = useWebApp({ seed: true });

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
      'Wedi mewngofnodi fel officer.place@localhost (swyddog, Place)',
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
  }, 120_000);

  it('shows the GOV.UK error summary as "Mae problem wedi codi", each field error after "Gwall:", and the title after "Gwall: "', async () => {
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await page.getByRole('button', { name: 'Cymraeg' }).click();
    await page.getByRole('link', { name: 'Gosodiadau' }).click();
    await page.getByLabel('EMT recipients').waitFor();
    const field = page.getByLabel('EMT recipients');
    await field.fill(`${await field.inputValue()}\nnot an address`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 2, name: 'Mae problem wedi codi' }).waitFor();
    await expect(page.locator('#emtRecipients-error .govuk-visually-hidden').textContent()).resolves.toBe('Gwall:');
    await expect(page.title()).resolves.toMatch(/^Gwall: /);
    expect(errors).toEqual([]);
  }, 120_000);

  it('follows the token’s locale claim or the browser’s language until the person chooses', async () => {
    const { page, errors } = await web.open({ locale: 'cy-GB' });
    // signInAs waits for "Sign out": this browser asks for Welsh, so the header says "Allgofnodi".
    await page.goto('./');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Role').selectOption('officer');
    await page.getByLabel('Directorate').selectOption('Place');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Allgofnodi' }).waitFor();
    await page.locator('.govuk-service-navigation').getByRole('link', { name: 'Eich ffurflenni' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('cy');
    expect(errors).toEqual([]);
  }, 120_000);
});
