import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { axeViolations, signInAs } from '../support/browser';
import { useWebApp } from '../support/web-app';

// The People page in a real Chromium (docs/people.md): an admin gives a person a role,
// and that person, signing in from the local sign-in page's list, gets what the record says.
const web = useWebApp();

const newEmail = () => `new.${randomUUID().slice(0, 8)}@council.example`;

describe('People', () => {
  it('an admin gives a new person the approver role for Place; that person then signs in as an approver of Place', async () => {
    const email = newEmail();
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Approver').check();
    await page.getByLabel('Directorate').selectOption('Place');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`${email}: Approver, Place.`).waitFor();
    await expect(page.getByRole('row', { name: new RegExp(email) }).textContent()).resolves.toContain('Approver');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign out' }).click();

    // The person, from the table's list on the local sign-in page.
    await page.getByLabel('Person').selectOption(email);
    await page.getByRole('button', { name: 'Continue as this person' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    // By name (no People name: the email's local part), roles in words (SPEC §12).
    await expect(page.locator('header').textContent()).resolves.toContain(
      `Signed in as ${email.split('@')[0]} (Approver, Place)`,
    );
    // The approver sees the returns pages and not the admin's People page. Awaiting sign-off
    // is offered only while sign-off is on (off in this stack); test/web/sign-off.test.ts
    // does this journey with it on, through to that page.
    const nav = await page.getByRole('navigation', { name: 'Pages' }).getByRole('link').allTextContents();
    expect(nav).toContain('Your returns');
    expect(nav).not.toContain('People');
    expect(nav).not.toContain('Awaiting sign-off');
    expect(errors).toEqual([]);
  });

  it('shows the error summary when an officer is given no directorate, and saves nothing', async () => {
    const email = newEmail();
    const { page } = await web.open();
    await signInAs(page, 'admin');
    await page.goto(`${web.app}people`);
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Officer').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('There is a problem').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const admin = await web.stack.token('admin');
    expect((await web.stack.call('GET', `/people/${email}`, { token: admin })).status).toBe(404);
  });

  it('a signed-in person with no role sees "Ask your performance team for access"', async () => {
    const email = newEmail();
    const admin = await web.stack.token('admin');
    await web.stack.call('PUT', `/people/${email}`, { token: admin, body: { roles: [] } });
    const { page, errors } = await web.open();
    await page.goto(`${web.app}sign-in`);
    await page.getByLabel('Person').selectOption(email);
    await page.getByRole('button', { name: 'Continue as this person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ask your performance team for access' }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Pages' }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  /** A new admin with a record, signed in as themselves from the local sign-in page's list, on People. */
  async function asNewAdmin() {
    const email = newEmail();
    const admin = await web.stack.token('admin');
    expect((await web.stack.call('PUT', `/people/${email}`, { token: admin, body: { roles: ['admin'] } })).status).toBe(
      201,
    );
    const { page, errors } = await web.open();
    await page.goto(`${web.app}sign-in`);
    await page.getByLabel('Person').selectOption(email);
    await page.getByRole('button', { name: 'Continue as this person' }).click();
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    return { email, page, errors, admin };
  }

  it('an admin removing themselves is refused in the error summary, linked to their Remove button; nothing changes', async () => {
    const { email, page, errors, admin } = await asNewAdmin();
    await page.getByRole('button', { name: `Remove ${email}` }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText('There is a problem').waitFor();
    await expect(summary.textContent()).resolves.toContain('You cannot remove yourself');
    await summary.getByRole('link').click();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(`Remove ${email}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await (await web.stack.call('GET', `/people/${email}`, { token: admin })).json()).toMatchObject({
      roles: ['admin'],
      version: 1,
    });
    expect(errors).toEqual([]);
  });

  it('an admin taking away their own admin role is refused in the error summary, at Roles; nothing changes', async () => {
    const { email, page, errors, admin } = await asNewAdmin();
    await page.getByRole('button', { name: `Change ${email}` }).click();
    await page.getByLabel('Admin').uncheck();
    await page.getByLabel('EMT').check();
    await page.getByRole('button', { name: 'Save' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText('There is a problem').waitFor();
    await expect(summary.textContent()).resolves.toContain('You cannot take away your own admin role');
    // What was typed stays, and the message sits with the Roles checkboxes.
    await expect(page.getByLabel('EMT').isChecked()).resolves.toBe(true);
    await expect(page.locator('#role-officer-error').textContent()).resolves.toContain('your own admin role');
    expect(await axeViolations(page)).toEqual([]);
    expect(await (await web.stack.call('GET', `/people/${email}`, { token: admin })).json()).toMatchObject({
      roles: ['admin'],
      version: 1,
    });
    expect(errors).toEqual([]);
  });

  it('two admins change one person: the second save is told someone else changed it, keeps what was typed, and saves over it on purpose', async () => {
    const email = newEmail();
    const admin = await web.stack.token('admin');
    await web.stack.call('PUT', `/people/${email}`, {
      token: admin,
      body: { roles: ['officer'], directorate: 'Place' },
    });
    const first = await web.open();
    const second = await web.open();
    for (const { page } of [first, second]) {
      await signInAs(page, 'admin');
      await page.goto(`${web.app}people`);
      await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
      await page.getByRole('button', { name: `Change ${email}` }).click();
    }
    await second.page.getByLabel('EMT').check();
    await second.page.getByRole('button', { name: 'Save' }).click();
    await second.page.getByText(`${email}: Officer, EMT, Place.`).waitFor();

    await first.page.getByLabel('Approver').check();
    await first.page.getByRole('button', { name: 'Save' }).click();
    const conflict = first.page.locator('#conflict');
    await conflict.getByRole('heading', { name: 'Someone else changed this person' }).waitFor();
    await expect(first.page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Someone else changed this person',
    );
    // Their version, with who saved it: the panel says what they gave the person.
    await expect(conflict.textContent()).resolves.toMatch(/saved version 2 .*Officer, EMT, Place/);
    // What was typed stays.
    await expect(first.page.getByLabel('Approver').isChecked()).resolves.toBe(true);
    await expect(first.page.getByLabel('EMT').isChecked()).resolves.toBe(false);
    expect(await axeViolations(first.page)).toEqual([]);
    expect(await (await web.stack.call('GET', `/people/${email}`, { token: admin })).json()).toMatchObject({
      roles: ['officer', 'emt'],
      version: 2,
    });

    // Saving again, having seen theirs, replaces it.
    await first.page.getByRole('button', { name: 'Save' }).click();
    await first.page.getByText(`${email}: Officer, Approver, Place.`).waitFor();
    expect(await (await web.stack.call('GET', `/people/${email}`, { token: admin })).json()).toMatchObject({
      roles: ['officer', 'approver'],
      version: 3,
    });
    expect([...first.errors, ...second.errors]).toEqual([]);
  });

  it('an admin names a person: the table, the sign-in list and their header say the name, the email on hover', async () => {
    const email = newEmail();
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Name (optional)').fill('Jane Smith');
    await page.getByLabel('EMT').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Jane Smith: EMT.').waitFor();
    const row = page.getByRole('row', { name: new RegExp(email) });
    await expect(row.getByRole('rowheader').textContent()).resolves.toBe('Jane Smith');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByLabel('Person').locator(`option[value="${email}"]`).textContent()).resolves.toBe(
      'Jane Smith (EMT)',
    );
    await page.getByLabel('Person').selectOption(email);
    await page.getByRole('button', { name: 'Continue as this person' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await expect(page.locator('header').textContent()).resolves.toContain('Signed in as Jane Smith (EMT)');
    await expect(page.locator('header').getByText('Jane Smith').getAttribute('title')).resolves.toBe(email);
    expect(errors).toEqual([]);
  });

  it('the local sign-in page still offers any role, labelled as for trying things out', async () => {
    const { page } = await web.open();
    await page.goto(`${web.app}sign-in`);
    await page.getByRole('heading', { level: 2, name: 'Any role, for trying things out' }).waitFor();
    await expect(page.getByLabel('Role').locator('option').allTextContents()).resolves.toEqual([
      'Officer',
      'Approver',
      'EMT',
      'Admin',
    ]);
  });
});
