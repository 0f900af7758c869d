import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, signInAs } from '../support/browser';
import { placeAction, placeMeasure } from '../support/route-samples';
import { useWebApp } from '../support/web-app';

// The result and planned-work forms say what people need in words (SPEC §12 "Words, not
// data", docs/web-app.md): a closed quarter looks closed before anyone types (read-only for
// an officer, `Amend` for an admin), values show in their unit, a decimal comma and a value
// outside the measure's range are refused before anything is sent, and commentary counts
// its characters against the domain's limit, saying its real reason when over it.
const web = useWebApp({ seed: true });
let admin: string;

// The sample plan's 2017-18 Q1 to Q3 are closed; Q4 is open.
const closed = '2017-18-Q3';
const open = '2017-18-Q4';

beforeAll(async () => {
  admin = await web.stack.token('admin');
});

/** A Place percentage (0 to 100) with a target of 90 in Q3 and Q4, and 95 saved for Q3 (by an admin: an amendment). */
async function percentMeasure(): Promise<{ id: string; title: string }> {
  const id = `forms-${randomUUID().slice(0, 8)}`;
  const title = `Forms measure ${id}`;
  const body = { ...placeMeasure, title, targets: { [closed]: 90, [open]: 90 }, valueRange: { min: 0, max: 100 } };
  const put = await web.stack.call('PUT', `/measures/${id}`, { token: admin, body });
  expect(put.status).toBe(201);
  const saved = await web.stack.call('PUT', `/measures/${id}/results/${closed}`, {
    token: admin,
    body: { value: 95, commentary: 'Ahead of plan.' },
  });
  expect(saved.status).toBe(201);
  return { id, title };
}

async function ownWork(): Promise<{ id: string; title: string }> {
  const id = `forms-work-${randomUUID().slice(0, 8)}`;
  const title = `Forms work ${id}`;
  const { startQuarter: _none, ...body } = placeAction;
  const res = await web.stack.call('PUT', `/actions/${id}`, { token: admin, body: { ...body, title } });
  expect(res.status).toBe(201);
  return { id, title };
}

describe('a closed quarter looks closed', () => {
  it("an officer's result and planned-work forms are read-only, with when it closed and how to get an amendment", async () => {
    const measure = await percentMeasure();
    const work = await ownWork();
    const { page, errors, apiRequests } = await web.open();
    await signInAs(page, 'officer', 'Place');
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();

    await page.goto(`${web.app}measures/${measure.id}/results/${closed}`);
    await page.getByRole('heading', { level: 1, name: measure.title }).waitFor();
    const banner = page.locator('#closed-quarter');
    await expect(banner.getByText('2017-18 Q3 is closed').isVisible()).resolves.toBe(true);
    await expect(banner.textContent()).resolves.toMatch(/Closed on \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d\./);
    await expect(banner.textContent()).resolves.toContain('To get a figure amended, ask the performance team.');
    await expect(page.getByRole('button', { name: /^(Save|Amend)$/ }).count()).resolves.toBe(0);
    await expect(page.getByLabel('Value').count()).resolves.toBe(0);
    // What was saved, in its unit.
    await expect(page.locator('#saved-return').textContent()).resolves.toMatch(/Value\s*95%.*Ahead of plan\./);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${web.app}actions/${work.id}/updates/${closed}`);
    await page.getByRole('heading', { level: 1, name: work.title }).waitFor();
    await page.locator('#closed-quarter').waitFor();
    await expect(page.getByRole('button', { name: /^(Save|Amend)$/ }).count()).resolves.toBe(0);
    await expect(page.getByText('No update was saved for this quarter before it closed.').isVisible()).resolves.toBe(
      true,
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(apiRequests.filter((r) => !r.startsWith('GET'))).toEqual([]);
    expect(errors).toEqual([]);

    // The API answers as before: the officer's write to a closed quarter is refused.
    const officer = await web.stack.token('officer', 'Place');
    const put = await web.stack.call('PUT', `/measures/${measure.id}/results/${closed}`, {
      token: officer,
      body: { value: 96 },
    });
    expect(put.status).toBe(409);
  });

  it("an admin's form is Amend, says it makes an amendment, and saves one", async () => {
    const { id, title } = await percentMeasure();
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.goto(`${web.app}measures/${id}/results/${closed}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const banner = page.locator('#closed-quarter');
    await expect(banner.textContent()).resolves.toMatch(/Closed on .* at \d\d:\d\d\./);
    await expect(banner.textContent()).resolves.toContain(
      'What you save here is an amendment: the report keeps the figures it was closed with, and shows the amendment when the quarter is reissued.',
    );
    await expect(page.getByRole('button', { name: 'Save' }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Value').fill('96');
    await page.getByRole('button', { name: 'Amend' }).click();
    await page.getByText(`Saved ${title}`).waitFor();
    const history = await web.stack.call('GET', `/measures/${id}/results/${closed}/history`, { token: admin });
    const { versions } = (await history.json()) as { versions: { value: number; amendment?: boolean }[] };
    expect(versions.at(-1)).toMatchObject({ value: 96, amendment: true });
    expect(errors).toEqual([]);
  });
});

describe('numbers and commentary on the result form', () => {
  it('shows values in their unit, refuses a decimal comma and a value out of range, and counts commentary', async () => {
    const { id, title } = await percentMeasure();
    const { page, errors, apiRequests } = await web.open();
    await signInAs(page, 'officer', 'Place');
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    await page.goto(`${web.app}measures/${id}/results/${open}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await expect(page.locator('#closed-quarter').count()).resolves.toBe(0);
    const row = (name: RegExp) => page.locator('.govuk-summary-list__row').filter({ hasText: name });
    await expect(
      row(/^Target/)
        .locator('dd')
        .textContent(),
    ).resolves.toBe('90%');
    await expect(
      row(/^Last quarter/)
        .locator('dd')
        .textContent(),
    ).resolves.toBe('95%');

    const summary = page.locator('.govuk-error-summary');
    await page.getByLabel('Value').fill('12,5');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(summary.textContent()).resolves.toContain('Use a full stop for decimals, like 12.5');
    await page.getByLabel('Value').fill('120');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(summary.textContent()).resolves.toContain('Enter a percentage between 0% and 100%');

    // GOV.UK's character count: the limit from the domain, a live count, its own error.
    const count = page.locator('.govuk-character-count__status');
    await expect(count.textContent()).resolves.toBe('You have 4,000 characters remaining');
    await expect(page.locator('#commentary-info').textContent()).resolves.toBe('You can enter up to 4,000 characters');
    await page.getByLabel('Value').fill('50');
    await page.getByLabel('Commentary').fill('x'.repeat(4001));
    await expect(count.textContent()).resolves.toBe('You have 1 character too many');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(summary.textContent()).resolves.toContain('Commentary must be 4,000 characters or fewer');
    await expect(summary.textContent()).resolves.not.toContain('Enter commentary');
    expect(await axeViolations(page)).toEqual([]);
    expect(apiRequests.filter((r) => r.startsWith('PUT'))).toEqual([]);

    // Within the limit it saves.
    await page.getByLabel('Commentary').fill('x'.repeat(4000));
    await expect(count.textContent()).resolves.toBe('You have 0 characters remaining');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Saved ${title}: RED`).waitFor();
    expect(errors).toEqual([]);
  });
});

describe('a warning before leaving a form with unsaved changes', () => {
  it('warns on back and on a link after typing, keeps what was typed when told to stay, and not after a save', async () => {
    const { id, title } = await percentMeasure();
    const { page, errors } = await web.open();
    const dialogs: string[] = [];
    // Told to stay: the first question is dismissed.
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await signInAs(page, 'officer', 'Place');
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    // Nothing typed yet: back leaves without a question.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(dialogs).toEqual([]);

    await page.getByLabel('Value').fill('97');
    await page.goBack();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toBe('confirm: You have changes that are not saved. Leave this page and lose them?');
    await expect(page.getByRole('heading', { level: 1, name: title }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Value').inputValue()).resolves.toBe('97');
    expect(new URL(page.url()).pathname).toBe(`/app/measures/${id}/results/${open}`);
    await page.getByRole('link', { name: 'Back to Your returns' }).click();
    await expect.poll(() => dialogs.length).toBe(2);
    await expect(page.getByLabel('Value').inputValue()).resolves.toBe('97');

    // Saved: the form moves on by itself, unquestioned, and back is not questioned either.
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Saved ${title}: GREEN`).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    expect(dialogs).toHaveLength(2);
    expect(errors).toEqual([]);
  });
});
