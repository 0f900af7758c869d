import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, signInAs } from '../support/browser';
import { useWebApp } from '../support/web-app';

// The admin's measure and planned-work editors in a real Chromium (docs/web-app.md "Admin:
// measures and planned work"): what the editor saves is exactly what GET /measures/{id}
// then answers. Each test creates its own ids, so they pass in any order.
const web = useWebApp({ seed: true });
let admin: string;

beforeAll(async () => {
  admin = await web.stack.token('admin');
});

const newId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

async function getJson<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await web.stack.call('GET', path, { token: admin });
  return { status: res.status, body: (await res.json()) as T };
}

/** The n-th (0-based) target row's input by its label. */
const targetInput = (page: Page, n: number, label: 'Period' | 'Target' | 'Minimum' | 'Maximum') =>
  page.getByRole('group', { name: new RegExp(`^Target ${n + 1}$`) }).getByLabel(label, { exact: true });

/**
 * Console errors but the one expected 404: saving a new definition first asks whether its id
 * is free (GET /measures/{id} or /actions/{id} answering 404), which Chromium logs.
 */
function unexpected(errors: string[]): string[] {
  const notFound = 'Failed to load resource: the server responded with a status of 404 (Not Found)';
  const i = errors.indexOf(notFound);
  return i === -1 ? errors : errors.filter((_, j) => j !== i);
}

/** Presses Tab until the focused element is the one `matches` names (id or text), as a keyboard user would. */
async function tabTo(page: Page, matches: { id?: string; text?: string }) {
  for (let i = 0; i < 120; i++) {
    const focused = await page.evaluate(() => ({
      id: document.activeElement?.id ?? '',
      text: document.activeElement?.textContent?.trim() ?? '',
    }));
    if ((matches.id && focused.id === matches.id) || (matches.text && focused.text === matches.text)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${JSON.stringify(matches)}`);
}

/** A measure of the sample plan with no targets, as another admin would have saved it. */
async function putAnnualMeasure(id: string, title: string) {
  const res = await web.stack.call('PUT', `/measures/${id}`, {
    token: admin,
    body: {
      plan: 'cip',
      programme: 'Learning',
      title,
      polarity: 'lower',
      frequency: 'annual',
      ownerDirectorate: 'People',
    },
  });
  expect(res.status).toBe(201);
}

async function openEditor(page: Page, id: string, title: string) {
  await page.goto(`${web.app}admin/measures/${id}`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

describe('measures', () => {
  it('an admin creates a within-range measure with quarter and year targets, fixing two mistakes shown together; GET /measures/{id} has exactly those targets', async () => {
    const id = newId('admin-made');
    const title = `Households helped ${id}`;
    const { page, errors, apiRequests } = await web.open();
    await signInAs(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    apiRequests.length = 0;
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Measures' }).click();
    await page.getByRole('heading', { level: 1, name: 'Measures' }).waitFor();
    await page.getByRole('link', { name: 'Sickness absence (days lost per FTE)' }).waitFor();
    expect(apiRequests.length).toBeLessThanOrEqual(3);
    // Sorted by title (it was by id, which people do not look for).
    const titles = await page.locator('tbody tr td:first-child a').allTextContents();
    expect(titles.length).toBeGreaterThan(1);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en-GB')));
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Add a measure' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a measure' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Measure ID').fill(id);
    // Plan and programme are chosen from lists: the plans by their names in the settings.
    await page.getByLabel('Plan').selectOption({ label: 'Corporate Improvement Plan' });
    await page.getByLabel('Programme', { exact: true }).selectOption('Developing the economy');
    await page.getByLabel('Unit').fill('households');
    await page.getByLabel('Within a range').check();
    await page.getByLabel('Quarterly').check();
    await page.getByLabel('Owner directorate').selectOption('Place');
    await page.getByRole('group', { name: 'Directorates' }).getByLabel('Place').check();
    await page.getByLabel('Amber tolerance (%)').fill('15');
    await targetInput(page, 0, 'Period').selectOption('2017-18-Q3');
    await targetInput(page, 0, 'Minimum').fill('10');
    await targetInput(page, 0, 'Maximum').fill('5');
    await page.getByRole('button', { name: 'Add another target', exact: true }).click();
    await targetInput(page, 1, 'Period').selectOption({ label: '2017-18 Q4' });
    await targetInput(page, 1, 'Minimum').fill('10');
    await targetInput(page, 1, 'Maximum').fill('20');
    await page.getByRole('button', { name: 'Add another target', exact: true }).click();
    await targetInput(page, 2, 'Period').selectOption({ label: '2017-18 (whole year)' });
    await targetInput(page, 2, 'Minimum').fill('8');
    await targetInput(page, 2, 'Maximum').fill('22.5');

    // Two mistakes, both in the error summary at once: no title, and a band whose maximum is below its minimum.
    await page.getByRole('button', { name: 'Save' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Enter a title' }).waitFor();
    const band = summary.getByRole('link', {
      name: /target for 2017-18 Q3: the minimum must not be more than the maximum/,
    });
    await expect(band.count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await summary.getByRole('link', { name: 'Enter a title' }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('title');
    await page.getByLabel('Title').fill(title);
    await band.click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toMatch(/^target-\d+-min$/);
    // What was typed is kept.
    await expect(targetInput(page, 2, 'Maximum').inputValue()).resolves.toBe('22.5');
    expect((await web.stack.call('GET', `/measures/${id}`, { token: admin })).status).toBe(404);
    await targetInput(page, 0, 'Maximum').fill('15');

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Measure “${title}” saved.`).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Measures' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(id) });
    await expect(row.textContent()).resolves.toContain('Within the target range is better');

    const { status, body } = await getJson<{ measure: Record<string, unknown> }>(`/measures/${id}`);
    expect(status).toBe(200);
    expect(body.measure).toMatchObject({
      id,
      plan: 'cip',
      programme: 'Developing the economy',
      title,
      unit: 'households',
      polarity: 'within',
      frequency: 'quarterly',
      ownerDirectorate: 'Place',
      directorates: ['Place'],
      tolerancePercent: 15,
    });
    expect(body.measure.targets).toEqual({
      '2017-18-Q3': { min: 10, max: 15 },
      '2017-18-Q4': { min: 10, max: 20 },
      '2017-18': { min: 8, max: 22.5 },
    });
    expect(body.measure).not.toHaveProperty('aggregation');

    // Its measure page opens.
    await row.getByRole('link', { name: title }).click();
    await page.getByRole('link', { name: 'Open the measure page' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/measures/${id}`);
    expect(unexpected(errors)).toEqual([]);
  });

  it('plan and programme are chosen from lists; a new programme is an explicit choice, refused when it is one already in use typed again', async () => {
    const id = newId('programme');
    const title = `Trees planted ${id}`;
    const programme = `Climate and nature ${id}`;
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await page.goto(`${web.app}admin/measures/new`);
    await page.getByRole('heading', { level: 1, name: 'Add a measure' }).waitFor();
    // Plans by their names in the settings, never their ids; the programmes the plan's measures use.
    const plans = await page.getByLabel('Plan').locator('option').allTextContents();
    expect(plans).toContain('Corporate Improvement Plan');
    expect(plans).not.toContain('cip');
    await page.getByLabel('Plan').selectOption('cip');
    const programmeSelect = page.getByLabel('Programme', { exact: true });
    const programmes = await programmeSelect.locator('option').allTextContents();
    expect(programmes[0]).toBe('Choose a programme');
    expect(programmes.at(-1)).toBe('Add a new programme');
    expect(programmes).toEqual(expect.arrayContaining(['Learning', 'Developing the economy']));
    const newName = page.getByLabel('Name of the new programme');
    await expect(newName.count()).resolves.toBe(0);

    await page.getByLabel('Measure ID').fill(id);
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Higher is better').check();
    await page.getByLabel('Annual').check();
    await page.getByLabel('Owner directorate').selectOption('Place');
    await programmeSelect.selectOption({ label: 'Add a new programme' });
    // An existing programme typed again, in another case and with other spaces, would split its measures.
    await newName.fill('  developing  the ECONOMY ');
    await page.getByRole('button', { name: 'Save' }).click();
    const summary = page.locator('.govuk-error-summary');
    const taken = summary.getByRole('link', {
      name: 'The programme “Developing the economy” already exists: choose it from the list',
    });
    await taken.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await taken.click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('new-programme');
    expect((await web.stack.call('GET', `/measures/${id}`, { token: admin })).status).toBe(404);
    await newName.fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await summary.getByRole('link', { name: 'Enter the name of the new programme' }).waitFor();
    await newName.fill(programme);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Measure “${title}” saved.`).waitFor();
    const { body } = await getJson<{ measure: Record<string, unknown> }>(`/measures/${id}`);
    expect(body.measure).toMatchObject({ plan: 'cip', programme, title });

    // Now in use, the new programme is a choice like the others, and the measure's own.
    await openEditor(page, id, title);
    await expect(programmeSelect.inputValue()).resolves.toBe(programme);
    await expect(newName.count()).resolves.toBe(0);
    expect(unexpected(errors)).toEqual([]);
  });

  it('editing a target is a new version: the definition history shows who changed which target from what to what', async () => {
    const id = newId('edited');
    const title = `Jobs created ${id}`;
    const put = await web.stack.call('PUT', `/measures/${id}`, {
      token: admin,
      body: {
        plan: 'cip',
        programme: 'Developing the economy',
        title,
        polarity: 'higher',
        frequency: 'quarterly',
        ownerDirectorate: 'Place',
        targets: { '2017-18-Q4': 100, '2018-19': 120 },
      },
    });
    expect(put.status).toBe(201);
    const { page, errors, apiRequests } = await web.open();
    await signInAs(page, 'admin');
    // The landing dashboard's own requests are answered before counting the editor's.
    await page.waitForLoadState('networkidle');
    apiRequests.length = 0;
    await openEditor(page, id, title);
    await page.getByRole('table', { name: 'Definition history' }).waitFor();
    // The definition is the history's newest version; the list says which programmes are in use.
    expect(apiRequests.sort()).toEqual(['GET /me', `GET /measures/${id}/history`, 'GET /measures?limit=500'].sort());
    await expect(page.getByLabel('Plan').inputValue()).resolves.toBe('cip');
    await expect(page.getByLabel('Programme', { exact: true }).inputValue()).resolves.toBe('Developing the economy');
    await expect(targetInput(page, 0, 'Period').inputValue()).resolves.toBe('2017-18-Q4');
    await expect(targetInput(page, 0, 'Target').inputValue()).resolves.toBe('100');
    await targetInput(page, 0, 'Target').fill('110');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Measure “${title}” saved.`).waitFor();

    const { body } = await getJson<{ measure: { targets: unknown } }>(`/measures/${id}`);
    expect(body.measure.targets).toEqual({ '2017-18-Q4': 110, '2018-19': 120 });
    await openEditor(page, id, title);
    const history = page.getByRole('table', { name: 'Definition history' });
    await expect(history.getByRole('row').count()).resolves.toBe(3);
    await expect(history.getByRole('row').nth(1).textContent()).resolves.toContain('Targets: 2017-18 Q4: 100 → 110');
    await expect(history.getByRole('row').nth(2).textContent()).resolves.toContain('Created');
    // The quarter had begun when its target changed: a moving goalpost, dated (docs/plan-administration.md).
    await expect(page.getByRole('group', { name: 'Target 1', exact: true }).textContent()).resolves.toMatch(
      /Target changed on \d{1,2} [A-Z][a-z]+ \d{4}/,
    );
    await expect(page.getByRole('group', { name: 'Target 2', exact: true }).textContent()).resolves.not.toContain(
      'Target changed',
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a save after someone else changed the measure says so (412), keeping what was typed; saving again replaces theirs', async () => {
    const id = newId('conflict');
    const body = {
      plan: 'cip',
      programme: 'Developing the economy',
      title: `Homes built ${id}`,
      polarity: 'higher',
      frequency: 'quarterly',
      ownerDirectorate: 'Place',
      targets: { '2017-18-Q4': 100 },
    };
    expect((await web.stack.call('PUT', `/measures/${id}`, { token: admin, body })).status).toBe(201);
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await openEditor(page, id, body.title);
    await page.getByLabel('Title', { exact: true }).fill(`Mine ${id}`);
    // Another admin saves first.
    const theirs = { ...body, targets: { '2017-18-Q4': 130 } };
    expect((await web.stack.call('PUT', `/measures/${id}`, { token: admin, body: theirs })).status).toBe(200);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 2, name: 'Someone else changed this measure' }).waitFor();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Someone else changed this measure while you were editing it',
    );
    await expect(page.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe(`Mine ${id}`);
    const stored = await getJson<{ measure: { title: string; targets: unknown } }>(`/measures/${id}`);
    expect(stored.body.measure).toMatchObject({ title: body.title, targets: { '2017-18-Q4': 130 } });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Measure “Mine ${id}” saved.`).waitFor();
    expect((await getJson<{ measure: { title: string } }>(`/measures/${id}`)).body.measure.title).toBe(`Mine ${id}`);
    expect(errors).toEqual([]);
  });

  it('marks the targets a roll forward copied as "Rolled forward", the measure’s own and a directorate’s', async () => {
    const id = newId('rolled');
    const title = `Rolled measure ${id}`;
    const plan = `p-${randomUUID().slice(0, 8)}`;
    await web.stack.call('PUT', `/measures/${id}`, {
      token: admin,
      body: {
        plan,
        programme: 'Learning',
        title,
        polarity: 'higher',
        frequency: 'quarterly',
        ownerDirectorate: 'People',
        directorates: ['People'],
        targets: { '2017-18': 50 },
        directorateTargets: { People: { '2017-18-Q4': 40 } },
      },
    });
    const rolled = await web.stack.call('POST', `/plans/${plan}/roll-forward`, {
      token: admin,
      body: { from: '2017-18', to: '2018-19' },
    });
    expect(rolled.status).toBe(200);
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await openEditor(page, id, title);
    const own = page.getByRole('group', { name: 'Target 2', exact: true });
    await expect(own.getByLabel('Period').inputValue()).resolves.toBe('2018-19');
    await expect(own.textContent()).resolves.toContain('Rolled forward');
    await expect(page.getByRole('group', { name: 'Target 1', exact: true }).textContent()).resolves.not.toContain(
      'Rolled forward',
    );
    const people = page.getByRole('group', { name: 'People target 2', exact: true });
    await expect(people.getByLabel('Period').inputValue()).resolves.toBe('2018-19-Q4');
    await expect(people.textContent()).resolves.toContain('Rolled forward');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('retires a measure after a confirmation step; the list shows it as retired', async () => {
    const id = newId('retired');
    const title = `Old measure ${id}`;
    await putAnnualMeasure(id, title);
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await openEditor(page, id, title);
    await page.getByRole('button', { name: 'Retire measure' }).click();
    await page.getByRole('heading', { level: 2, name: `Retire ${title}?` }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(`Retire ${title}?`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Yes, retire measure' }).click();
    await page.getByText(new RegExp(`Measure “${title}” retired from`)).waitFor();
    await expect(page.getByRole('row', { name: new RegExp(id) }).textContent()).resolves.toMatch(/Retired from/);
    const { body } = await getJson<{ measure: { retiredFrom?: string } }>(`/measures/${id}`);
    expect(body.measure.retiredFrom).toMatch(/^\d{4}-\d{2}-Q[1-4]$/);
    expect(errors).toEqual([]);
  });

  it('asks before leaving the editor with unsaved changes (a link in the navigation); after a save, nothing asks', async () => {
    const id = newId('unsaved');
    const title = `Unsaved measure ${id}`;
    await putAnnualMeasure(id, title);
    const { page, errors } = await web.open();
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await signInAs(page, 'admin');
    await openEditor(page, id, title);
    const nav = page.getByRole('navigation', { name: 'Pages' });
    // Nothing typed yet: leaving asks nothing.
    await nav.getByRole('link', { name: 'Planned work' }).click();
    await page.getByRole('heading', { level: 1, name: 'Planned work' }).waitFor();
    expect(asked).toEqual([]);

    await openEditor(page, id, title);
    await page.getByLabel('Title', { exact: true }).fill(`${title} (changed)`);
    await nav.getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(/changes that are not saved/);
    // Dismissed: still on the editor, with what was typed.
    await expect(page.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe(`${title} (changed)`);
    expect(page.url()).toContain(`/admin/measures/${id}`);

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Measure “${title} (changed)” saved.`).waitFor();
    await nav.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(asked).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('saving a retired measure first asks before bringing it back into the plan; Cancel changes nothing', async () => {
    const id = newId('back');
    const title = `Returning measure ${id}`;
    await putAnnualMeasure(id, title);
    const retired = await web.stack.call('DELETE', `/measures/${id}`, { token: admin });
    const { retiredFrom } = (await retired.json()) as { retiredFrom: string };
    const quarter = retiredFrom.replace(/-Q/, ' Q');
    const words = `This measure was retired from ${quarter}. Save will bring it back into the plan.`;
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await openEditor(page, id, title);
    await expect(page.locator('.govuk-inset-text').textContent()).resolves.toBe(words);
    await expect(page.getByRole('button', { name: 'Retire measure' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Save' }).click();
    const question = page.getByRole('heading', { level: 2, name: `Bring ${title} back into the plan?` });
    await question.waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      `Bring ${title} back into the plan?`,
    );
    await expect(page.locator('.app-confirm').textContent()).resolves.toContain(words);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(question.count()).resolves.toBe(0);
    expect((await getJson<{ measure: { retiredFrom?: string } }>(`/measures/${id}`)).body.measure.retiredFrom).toBe(
      retiredFrom,
    );
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Yes, save and bring it back' }).click();
    await page.getByText(`Measure “${title}” saved.`).waitFor();
    await expect(page.getByRole('row', { name: new RegExp(id) }).textContent()).resolves.toContain('In use');
    expect((await getJson<{ measure: Record<string, unknown> }>(`/measures/${id}`)).body.measure).not.toHaveProperty(
      'retiredFrom',
    );
    expect(errors).toEqual([]);
  });

  it('shows and edits the possible values (valueRange); the list says them in words', async () => {
    const id = newId('range');
    const title = `Percentage measure ${id}`;
    const put = await web.stack.call('PUT', `/measures/${id}`, {
      token: admin,
      body: {
        plan: 'cip',
        programme: 'Learning',
        title,
        unit: '%',
        polarity: 'higher',
        frequency: 'quarterly',
        ownerDirectorate: 'People',
        valueRange: { min: 0, max: 100 },
        targets: { '2017-18-Q4': 80 },
      },
    });
    expect(put.status).toBe(201);
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await openEditor(page, id, title);
    await expect(page.getByLabel('Lowest possible value').inputValue()).resolves.toBe('0');
    await expect(page.getByLabel('Highest possible value').inputValue()).resolves.toBe('100');
    // A target the measure cannot reach is refused, linked to the target.
    await page.getByLabel('Highest possible value').fill('50');
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: /target for 2017-18 Q4: a target the measure can reach: a value between 0 and 50/ })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Highest possible value').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Measure “${title}” saved.`).waitFor();
    await expect(page.getByRole('row', { name: new RegExp(id) }).textContent()).resolves.toContain('0 or more');
    const { body } = await getJson<{ measure: { valueRange?: unknown } }>(`/measures/${id}`);
    expect(body.measure.valueRange).toEqual({ min: 0 });
    expect(errors).toEqual([]);
  });

  it('filters the measures list by plan through the URL, so a filtered list can be shared', async () => {
    const plan = newId('plan');
    const id = newId('other-plan');
    const title = `Measure of another plan ${id}`;
    await web.stack.call('PUT', `/measures/${id}`, {
      token: admin,
      body: { plan, programme: 'Learning', title, polarity: 'lower', frequency: 'annual', ownerDirectorate: 'People' },
    });
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await page.goto(`${web.app}admin/measures`);
    await page.getByRole('heading', { level: 1, name: 'Measures' }).waitFor();
    await page.getByLabel('Plan').selectOption(plan);
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await page.waitForURL(`${web.app}admin/measures?plan=${plan}`);
    await expect(page.getByText(/^Showing 1 of \d+ measures/).textContent()).resolves.toMatch(/^Showing 1 of/);
    await expect(page.getByRole('table').getByRole('link').allTextContents()).resolves.toEqual([title]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Measures' }).waitFor();
    await expect(page.getByLabel('Plan').inputValue()).resolves.toBe(plan);
    await expect(page.getByRole('table').getByRole('link').allTextContents()).resolves.toEqual([title]);
    expect(errors).toEqual([]);
  });

  it('shows the measure and planned-work pages at 320 CSS pixels wide with nothing scrolling sideways', async () => {
    const { page, errors } = await web.open({ width: 320, height: 640 });
    await signInAs(page, 'admin');
    await page.goto(`${web.app}admin/measures/new`);
    await page.getByRole('heading', { level: 1, name: 'Add a measure' }).waitFor();
    await page.getByLabel('Within a range').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('There is a problem').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.goto(`${web.app}admin/measures`);
    await page.getByRole('heading', { level: 1, name: 'Measures' }).waitFor();
    const listOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(listOverflow).toBeLessThanOrEqual(0);
    for (const [path, heading] of [
      ['admin/actions', 'Planned work'],
      ['admin/actions/new', 'Add planned work'],
    ]) {
      await page.goto(`${web.app}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(width, path).toBeLessThanOrEqual(0);
    }
    expect(errors).toEqual([]);
  });

  it('other roles typing the address see "You do not have access" and are not offered Measures', async () => {
    const { page, errors } = await web.open();
    await signInAs(page, 'emt');
    await page.goto(`${web.app}admin/measures/new`);
    await page.getByRole('heading', { level: 1, name: 'You do not have access' }).waitFor();
    const nav = await page.getByRole('navigation', { name: 'Pages' }).getByRole('link').allTextContents();
    expect(nav).not.toContain('Measures');
    expect(errors).toEqual([]);
  });

  it('keyboard only: an admin adds a measure from the list, through every field they need, and saves it', async () => {
    const id = newId('keyboard');
    const title = `Keyboard measure ${id}`;
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await page.goto(`${web.app}admin/measures`);
    await page.getByRole('heading', { level: 1, name: 'Measures' }).waitFor();
    await tabTo(page, { text: 'Add a measure' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Add a measure' }).waitFor();
    await tabTo(page, { id: 'id' });
    await page.keyboard.type(id);
    await tabTo(page, { id: 'plan' });
    await page.keyboard.type('Corporate');
    await tabTo(page, { id: 'programme' });
    await page.keyboard.type('Learning');
    await tabTo(page, { id: 'title' });
    await page.keyboard.type(title);
    await tabTo(page, { id: 'polarity-higher' });
    await page.keyboard.press('Space');
    await tabTo(page, { id: 'frequency-monthly' });
    await page.keyboard.press('ArrowDown'); // Quarterly
    await tabTo(page, { id: 'owner-directorate' });
    await page.keyboard.type('People');
    const firstPeriod = await page.locator('select[id^="target-"]').first().getAttribute('id');
    await tabTo(page, { id: firstPeriod! });
    await page.keyboard.type('2017-18 Q4');
    await page.keyboard.press('Tab');
    await page.keyboard.type('75');
    await page.keyboard.press('Enter');
    await page.getByText(`Measure “${title}” saved.`).waitFor();
    const { body } = await getJson<{ measure: Record<string, unknown> }>(`/measures/${id}`);
    expect(body.measure).toMatchObject({
      title,
      programme: 'Learning',
      polarity: 'higher',
      frequency: 'quarterly',
      ownerDirectorate: 'People',
      targets: { '2017-18-Q4': 75 },
    });
    expect(unexpected(errors)).toEqual([]);
  });
});

describe('planned work', () => {
  it('an admin adds planned work through the editor, fixing a due quarter before its start; GET /actions/{id} has exactly those fields', async () => {
    const id = newId('work');
    const title = `Open the new library ${id}`;
    const { page, errors, apiRequests } = await web.open();
    await signInAs(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    apiRequests.length = 0;
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Planned work' }).click();
    await page.getByRole('heading', { level: 1, name: 'Planned work' }).waitFor();
    expect(apiRequests.length).toBeLessThanOrEqual(3);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Add planned work' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add planned work' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('ID', { exact: true }).fill(id);
    await page.getByLabel('Plan').selectOption('cip');
    await page.getByLabel('Programme', { exact: true }).selectOption('Learning');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Owner directorate').selectOption('People');
    await page.getByLabel('Start quarter').selectOption({ label: '2017-18 Q3' });
    await page.getByLabel('Due quarter').selectOption({ label: '2017-18 Q1' });
    await page.getByRole('button', { name: 'Save' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'The due quarter must not be before the start quarter' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect((await web.stack.call('GET', `/actions/${id}`, { token: admin })).status).toBe(404);
    await page.getByLabel('Due quarter').selectOption({ label: '2018-19 Q2' });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Planned work “${title}” saved.`).waitFor();
    await expect(page.getByRole('row', { name: new RegExp(id) }).textContent()).resolves.toContain('2018-19 Q2');

    const { status, body } = await getJson<{ action: Record<string, unknown> }>(`/actions/${id}`);
    expect(status).toBe(200);
    expect(body.action).toMatchObject({
      id,
      plan: 'cip',
      programme: 'Learning',
      title,
      ownerDirectorate: 'People',
      startQuarter: '2017-18-Q3',
      dueQuarter: '2018-19-Q2',
    });

    // A change is a version in its history.
    await page
      .getByRole('row', { name: new RegExp(id) })
      .getByRole('link', { name: title })
      .click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByLabel('Title').fill(`${title} and archive`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Planned work “${title} and archive” saved.`).waitFor();
    await page.goto(`${web.app}admin/actions/${id}`);
    const history = page.getByRole('table', { name: 'Definition history' });
    await history.waitFor();
    await expect(history.getByRole('row').nth(1).textContent()).resolves.toContain('Title');
    expect(await axeViolations(page)).toEqual([]);
    expect(unexpected(errors)).toEqual([]);
  });

  it('retires planned work after a confirmation step (DELETE /actions/{id}, kept for history); saving it again asks first', async () => {
    const id = newId('retired-work');
    const title = `Old programme of work ${id}`;
    const put = await web.stack.call('PUT', `/actions/${id}`, {
      token: admin,
      body: { plan: 'cip', programme: 'Learning', title, ownerDirectorate: 'People', startQuarter: '2017-18-Q1' },
    });
    expect(put.status).toBe(201);
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await page.goto(`${web.app}admin/actions/${id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('button', { name: 'Retire planned work' }).click();
    await page.getByRole('heading', { level: 2, name: `Retire ${title}?` }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(`Retire ${title}?`);
    await expect(page.locator('.app-confirm').textContent()).resolves.toContain('Its updates');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Yes, retire planned work' }).click();
    await page.getByText(new RegExp(`Planned work “${title}” retired from \\d{4}-\\d{2} Q[1-4]\\.`)).waitFor();
    await expect(page.getByRole('row', { name: new RegExp(id) }).textContent()).resolves.toMatch(/retired from/);
    const { body } = await getJson<{ action: { retiredFrom?: string } }>(`/actions/${id}`);
    expect(body.action.retiredFrom).toMatch(/^\d{4}-\d{2}-Q[1-4]$/);
    // Kept for history: the retirement is a version of its own.
    const history = await getJson<{ versions: unknown[] }>(`/actions/${id}/history`);
    expect(history.body.versions).toHaveLength(2);

    await page.goto(`${web.app}admin/actions/${id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const quarter = body.action.retiredFrom!.replace(/-Q/, ' Q');
    await expect(page.locator('.govuk-inset-text').textContent()).resolves.toBe(
      `This planned work was retired from ${quarter}. Save will bring it back into the plan.`,
    );
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 2, name: `Bring ${title} back into the plan?` }).waitFor();
    await page.getByRole('button', { name: 'Yes, save and bring it back' }).click();
    await page.getByText(`Planned work “${title}” saved.`).waitFor();
    expect((await getJson<{ action: Record<string, unknown> }>(`/actions/${id}`)).body.action).not.toHaveProperty(
      'retiredFrom',
    );
    expect(errors).toEqual([]);
  });
});
