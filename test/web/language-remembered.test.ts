import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, signInAs } from '../support/browser';
import { useWebApp } from '../support/web-app';

// The header's switch remembered for the person (SPEC §17, docs/cymraeg.md): choosing
// Cymraeg writes their People `language` (PUT /me/language), so a fresh browser, with
// nothing stored, shows Welsh once they sign in. Someone without a People record keeps
// the choice in the browser and the app sends nothing it would refuse.
const web = useWebApp();
const email = 'rhian.evans@example.org';

async function signInAsPerson(page: Page) {
  await page.goto('./');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('Person').selectOption(email);
  await page.getByRole('button', { name: 'Continue as this person' }).click();
  await page.getByRole('button', { name: /^(Sign out|Allgofnodi)$/ }).waitFor();
}

describe('the language remembered for the person', () => {
  it('choose Cymraeg, sign out, sign in in a fresh browser: Welsh, from the People record', async () => {
    const admin = await web.stack.token('admin');
    const created = await web.stack.call('PUT', `/people/${email}`, {
      token: admin,
      body: { roles: ['officer'], directorate: 'Place', name: 'Rhian Evans' },
    });
    expect(created.status, await created.clone().text()).toBe(201);

    const first = await web.open();
    await signInAsPerson(first.page);
    await expect(first.page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    const saved = first.page.waitForResponse(
      (res) => res.request().method() === 'PUT' && new URL(res.url()).pathname === '/me/language',
    );
    await first.page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'Cymraeg' }).click();
    expect((await saved).status()).toBe(200);
    await first.page.getByRole('button', { name: 'Allgofnodi' }).click();
    // Signed out, this browser keeps Welsh: the sign-in page's words are Welsh too.
    await first.page.getByLabel('Unigolyn').waitFor();
    const person = await (await web.stack.call('GET', `/people/${email}`, { token: admin })).json();
    expect(person).toMatchObject({ language: 'cy', roles: ['officer'], directorate: 'Place', by: email });
    expect(first.errors).toEqual([]);

    // A fresh browser context: nothing in its storage, an English browser.
    const second = await web.open({ locale: 'en-GB' });
    await signInAsPerson(second.page);
    await second.page.getByRole('button', { name: 'Allgofnodi' }).waitFor();
    await second.page.locator('.govuk-service-navigation').getByRole('link', { name: 'Eich ffurflenni' }).waitFor();
    await expect(second.page.evaluate(() => document.documentElement.lang)).resolves.toBe('cy');
    expect(await axeViolations(second.page)).toEqual([]);

    // Back to English there: remembered again, for the next browser.
    await second.page.getByRole('navigation', { name: 'Iaith' }).getByRole('button', { name: 'English' }).click();
    await second.page.getByRole('button', { name: 'Sign out' }).waitFor();
    await expect
      .poll(async () => (await (await web.stack.call('GET', `/people/${email}`, { token: admin })).json()).language)
      .toBe('en');
    expect(second.errors).toEqual([]);
  });

  it('someone without a People record switches in place, kept in this browser, with no request refused', async () => {
    const { page, errors, apiRequests } = await web.open();
    await signInAs(page, 'emt');
    await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'Cymraeg' }).click();
    await page.getByRole('button', { name: 'Allgofnodi' }).waitFor();
    expect(apiRequests.filter((r) => r.includes('/me/language'))).toEqual([]);
    await page.reload();
    await page.getByRole('button', { name: 'Allgofnodi' }).waitFor();
    expect(errors).toEqual([]);
  });
});
