import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, signInAs } from '../support/browser';
import { useWebApp } from '../support/web-app';

// An officer's return in a real Chromium against the local stack (docs/web-app.md).
const web = useWebApp({ seed: true });
let admin: string;

beforeAll(async () => {
  admin = await web.stack.token('admin');
});

/** A Place measure of its own (no result yet) with a target of 100 for 2017-18 Q4, higher is better. */
async function placeMeasure(): Promise<{ id: string; title: string }> {
  const id = `journey-${randomUUID().slice(0, 8)}`;
  const title = `Journey measure ${id}`;
  const res = await web.stack.call('PUT', `/measures/${id}`, {
    token: admin,
    body: {
      plan: 'cip',
      programme: 'Developing the economy',
      title,
      unit: '%',
      polarity: 'higher',
      frequency: 'quarterly',
      directorates: ['Place', 'People'],
      ownerDirectorate: 'Place',
      targets: { '2017-18-Q4': 100 },
    },
  });
  expect(res.status).toBe(201);
  return { id, title };
}

async function history(id: string) {
  const res = await web.stack.call('GET', `/measures/${id}/results/2017-18-Q4/history`, { token: admin });
  return (await res.json()) as { versions: { version: number; value: number; commentary?: string }[] };
}

describe('the officer journey', () => {
  it('signs in as a Place officer, enters a red result, is told commentary is needed, adds it and saves', async () => {
    const { id, title } = await placeMeasure();
    const { page, errors } = await web.open();
    await signInAs(page, 'officer', 'Place');
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    await expect(page.getByLabel('Quarter').inputValue()).resolves.toBe('2017-18-Q4');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    await expect(row.textContent()).resolves.toContain('Not started');

    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await expect(page.getByText('Higher is better').isVisible()).resolves.toBe(true);
    await page.getByLabel('Value').fill('50');
    await expect(page.locator('#status-if-saved').textContent()).resolves.toBe('Status if saved: RED');
    await page.getByLabel('Value').fill('95');
    await expect(page.locator('#status-if-saved').textContent()).resolves.toBe('Status if saved: AMBER');
    await page.getByLabel('Value').fill('50');
    await page.getByRole('button', { name: 'Save' }).click();

    const summary = page.locator('.govuk-error-summary');
    await summary.getByText('There is a problem').waitFor();
    // GOV.UK's pattern: while the error summary shows, the page title starts "Error: ".
    await expect.poll(() => page.title()).toBe(`Error: ${title}`);
    // GOV.UK's character count: its limit first, then the hint and the error.
    await expect(page.locator('#commentary').getAttribute('aria-describedby')).resolves.toBe(
      'commentary-info commentary-hint commentary-error',
    );
    const link = summary.getByRole('link');
    await expect(link.getAttribute('href')).resolves.toBe('#commentary');
    await link.click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('commentary');
    await page.getByLabel('Commentary').fill('Two inspectors were off sick all quarter.');
    await page.getByRole('button', { name: 'Save' }).click();

    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    await expect.poll(() => page.title()).toBe('Your returns');
    await expect(row.textContent()).resolves.toMatch(/Saved\s*RED/);
    const { versions } = await history(id);
    expect(versions).toEqual([expect.objectContaining({ version: 1, value: 50 })]);
    expect(errors).toEqual([]);
  });

  it('does the same journey with the keyboard alone', async () => {
    const { id, title } = await placeMeasure();
    const { page, errors } = await web.open();
    await page.goto(`${web.app}sign-in`);
    const tabTo = async (check: () => Promise<boolean>, limit = 80) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if (await check()) return;
      }
      throw new Error('never reached by Tab');
    };
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { id: el?.id ?? '', text: el?.textContent?.trim() ?? '', tag: el?.tagName ?? '' };
      });
    await tabTo(async () => (await focused()).id === 'role');
    await page.keyboard.press('Tab'); // the role select keeps officer
    await expect(focused()).resolves.toMatchObject({ id: 'directorate' });
    // Place is second of People, Place, Resources.
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('Directorate').inputValue()).resolves.toBe('Place');
    await tabTo(async () => (await focused()).text === 'Sign in');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();

    await tabTo(async () => (await focused()).text === title, 200);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await tabTo(async () => (await focused()).id === 'value');
    await page.keyboard.type('40');
    await expect(page.locator('#status-if-saved').textContent()).resolves.toBe('Status if saved: RED');
    await tabTo(async () => (await focused()).text === 'Save');
    await page.keyboard.press('Enter');
    await page.locator('.govuk-error-summary').getByText('There is a problem').waitFor();
    // The summary takes focus once it has rendered (an effect): Tab only after that, as a person would.
    await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'));
    // The summary takes focus; its link takes the officer to the field.
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toMatchObject({ tag: 'A' });
    await page.keyboard.press('Enter');
    await expect(focused()).resolves.toMatchObject({ id: 'commentary' });
    await page.keyboard.type('Keyboard-only commentary.');
    await tabTo(async () => (await focused()).text === 'Save');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    await expect(row.textContent()).resolves.toMatch(/Saved\s*RED/);
    expect((await history(id)).versions).toEqual([
      expect.objectContaining({ version: 1, value: 40, commentary: 'Keyboard-only commentary.' }),
    ]);
    expect(errors).toEqual([]);
  });

  it('shows a conflict, keeping what was typed, when a second tab saved meanwhile', async () => {
    const { id, title } = await placeMeasure();
    const first = await web.open();
    const second = await web.open();
    for (const { page } of [first, second]) {
      await signInAs(page, 'officer', 'Place');
      await page.goto(`${web.app}measures/${id}/results/2017-18-Q4`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
    }
    await second.page.getByLabel('Value').fill('120');
    await second.page.getByRole('button', { name: 'Save' }).click();
    await second.page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();

    await first.page.getByLabel('Value').fill('130');
    await first.page.getByLabel('Commentary').fill('My own words.');
    await first.page.getByRole('button', { name: 'Save' }).click();
    const conflict = first.page.locator('#conflict');
    await conflict.waitFor();
    await expect(first.page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Someone else changed this result',
    );
    await expect(conflict.getByRole('row', { name: /Value/ }).textContent()).resolves.toMatch(/120.*130/);
    await expect(first.page.getByLabel('Value').inputValue()).resolves.toBe('130');
    await expect(first.page.getByLabel('Commentary').inputValue()).resolves.toBe('My own words.');
    expect(await axeViolations(first.page)).toEqual([]);
    // Saving again, having seen theirs, makes version 2.
    await first.page.getByRole('button', { name: 'Save' }).click();
    await first.page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    expect((await history(id)).versions.map((v) => [v.version, v.value])).toEqual([
      [1, 120],
      [2, 130],
    ]);
    expect([...first.errors, ...second.errors]).toEqual([]);
  });

  it('keeps the result form usable at 320 CSS pixels wide (nothing scrolls sideways)', async () => {
    const { id, title } = await placeMeasure();
    const { page, errors } = await web.open({ width: 320, height: 640 });
    await signInAs(page, 'officer', 'Place');
    await page.goto(`${web.app}measures/${id}/results/2017-18-Q4`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const save = await page.getByRole('button', { name: 'Save' }).boundingBox();
    expect(save!.x + save!.width).toBeLessThanOrEqual(320);
    await page.getByLabel('Value').fill('99');
    await expect(page.locator('#status-if-saved').textContent()).resolves.toBe('Status if saved: AMBER');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('opens a deep link again after a reload', async () => {
    const { id, title } = await placeMeasure();
    const { page, errors } = await web.open();
    await signInAs(page, 'officer', 'Place');
    await page.goto(`${web.app}measures/${id}/results/2017-18-Q4`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/measures/${id}/results/2017-18-Q4`);
    expect(errors).toEqual([]);
  });
});
