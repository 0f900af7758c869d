import { describe, expect, it } from 'vitest';
import { axeViolations, signInAs } from '../support/browser';
import { useWebApp } from '../support/web-app';

// The navigation in a real Chromium (docs/web-app.md "Navigation by role"): GOV.UK's
// service navigation with the pages a role may use, and page headings that take focus
// without an outline.
const web = useWebApp();

describe('Navigation', () => {
  it('is the GOV.UK service navigation, listing the pages the role may use with the current one marked', async () => {
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await page.waitForURL('**/app/dashboard');
    const nav = page.locator('.govuk-service-navigation').getByRole('navigation', { name: 'Pages' });
    const links = await nav.getByRole('link').allTextContents();
    expect(links.map((l) => l.trim())).toEqual(expect.arrayContaining(['Your returns', 'Dashboard', 'People']));
    const current = nav.locator('[aria-current="page"]');
    await expect(current.textContent()).resolves.toBe('Dashboard');
    await expect(
      current.evaluate((a) => a.closest('li')?.classList.contains('govuk-service-navigation__item--active')),
    ).resolves.toBe(true);
    await nav.getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await expect(nav.locator('[aria-current="page"]').textContent()).resolves.toBe('People');
    // Nobody has been given a role in this stack: People says so rather than showing an empty table.
    await page.getByText('Nobody has a role yet. Add a person below to give them one.').waitFor();
    await expect(page.getByRole('table').count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // An officer is offered only the returns pages and the dashboard.
    const o = await web.open();
    await signInAs(o.page, 'officer', 'Place');
    const officerLinks = await o.page.locator('.govuk-service-navigation').getByRole('link').allTextContents();
    expect(officerLinks.map((l) => l.trim())).toEqual(['Your returns', 'Dashboard', 'Upload results']);
    expect(errors).toEqual([]);
  });

  it('moves focus to the page heading without drawing a focus outline round it', async () => {
    const { page } = await web.open();
    await signInAs(page, 'admin');
    // The dashboard moves focus to its own heading once its data is in: let it, so that move
    // does not take focus from the link below (a race on a loaded machine).
    await page.waitForURL('**/app/dashboard');
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    // By keyboard, as Chromium draws a focus ring (:focus-visible) for script focus after a key press.
    await page.getByRole('link', { name: 'People' }).focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1, name: 'People' });
    await heading.waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await expect(heading.getAttribute('tabindex')).resolves.toBe('-1');
    await expect(heading.evaluate((h) => getComputedStyle(h).outlineStyle)).resolves.toBe('none');
  });
});
