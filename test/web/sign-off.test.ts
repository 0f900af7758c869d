import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { localName } from '../../lambdas/local/jwt';
import { axeViolations, signInAs } from '../support/browser';
import { putPlaceMeasure } from '../support/place-measure';
import { useWebApp } from '../support/web-app';

// Sign-off in a real Chromium (docs/sign-off.md, docs/web-app.md): the officer submits,
// the approver of the directorate returns it with a reason or approves it on
// `Awaiting sign-off`, and the dashboard counts it once approved. Sign-off is turned on
// for this stack (test stacks start with it off, as a deployment does).
const web = useWebApp();
let admin: string;
let officer: string;

beforeAll(async () => {
  admin = await web.stack.token('admin');
  officer = await web.stack.token('officer', 'Place');
  const settings = await (await web.stack.call('GET', '/settings', { token: admin })).json();
  const res = await web.stack.call('PUT', '/settings', { token: admin, body: { ...settings, signOff: 'on' } });
  expect(res.status).toBe(200);
});

/** A Place measure of its own with a target of 100 for 2017-18 Q4, higher is better. */
async function placeMeasure(): Promise<{ id: string; title: string; path: string }> {
  const id = `signed-${randomUUID().slice(0, 8)}`;
  const title = `Signed measure ${id}`;
  await putPlaceMeasure(web.stack, admin, id, { title });
  return { id, title, path: `/measures/${id}/results/2017-18-Q4` };
}

/** The officer submits through the API (the loop test does it through the page). */
async function submitted(value: number, version = 0) {
  const m = await placeMeasure();
  const res = await web.stack.call('PUT', m.path, {
    token: officer,
    // Commentary, as an AMBER or RED result needs it.
    body: { value, commentary: 'Submitted for sign-off.' },
    headers: { 'if-match': `"${version}"` },
  });
  expect(res.status).toBe(201);
  return m;
}

async function openSignOffs(page: Page, query = '') {
  await page.goto(`${web.app}sign-offs${query}`);
  await page.getByRole('heading', { level: 1, name: 'Awaiting sign-off' }).waitFor();
}

const returnsRow = (page: Page, title: string) =>
  page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });

describe('Awaiting sign-off', () => {
  it('the whole loop: submitted, returned with a reason, resubmitted, approved, counted on the dashboard', async () => {
    const { id, title } = await placeMeasure();

    // The officer submits.
    const o = await web.open();
    await signInAs(o.page, 'officer', 'Place');
    await o.page.getByRole('link', { name: title }).click();
    await o.page.getByRole('heading', { level: 1, name: title }).waitFor();
    await o.page.getByLabel('Value').fill('60');
    await o.page.getByLabel('Commentary').fill('Two posts vacant.');
    await o.page.getByRole('button', { name: 'Save' }).click();
    await o.page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    await expect(returnsRow(o.page, title).textContent()).resolves.toContain('Awaiting sign-off');
    // Saved and sent for sign-off, the status worded as what it will be once approved, not "Saved …: RED" (#25).
    const flash = o.page.getByText(`Saved ${title} and sent to an approver in Place for sign-off.`, { exact: false });
    await expect(flash.textContent()).resolves.toMatch(/Once they approve it, its status will be (RED|AMBER|GREEN)\.$/);

    // The approver of Place finds it from the navigation, in at most 3 API requests.
    const a = await web.open();
    await signInAs(a.page, 'approver', 'Place');
    a.apiRequests.length = 0;
    await a.page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Awaiting sign-off' }).click();
    await a.page.getByRole('heading', { level: 1, name: 'Awaiting sign-off' }).waitFor();
    const item = a.page.getByRole('region', { name: title });
    await item.waitFor();
    expect(a.apiRequests.length).toBeLessThanOrEqual(3);
    const details = await item.textContent();
    // The value with its unit, as everywhere a value shows (#25).
    expect(details).toContain('60%');
    expect(details).toContain('Status if approved');
    expect(details).toContain('RED');
    expect(details).toContain('Two posts vacant.');
    // Who submitted it, by name (SPEC §12), never the token's local id.
    expect(details).toContain(`By ${localName('officer', 'Place')}`);
    expect(details).not.toContain('local-');
    await expect(item.getByRole('link', { name: title }).getAttribute('href')).resolves.toBe(`/app/measures/${id}`);
    expect(await axeViolations(a.page)).toEqual([]);

    // Return without a reason: the error summary links to that return's reason field.
    await item.getByRole('button', { name: 'Return' }).click();
    const summary = a.page.locator('.govuk-error-summary');
    await summary.getByText('There is a problem').waitFor();
    const link = summary.getByRole('link', { name: `Enter a reason for returning ${title}` });
    const reasonId = (await link.getAttribute('href'))!.slice(1);
    await expect(item.getByLabel('Reason').getAttribute('id')).resolves.toBe(reasonId);
    expect(await axeViolations(a.page)).toEqual([]);
    await link.click();
    await expect(a.page.evaluate(() => document.activeElement?.id)).resolves.toBe(reasonId);
    await item.getByLabel('Reason').fill('Use the end-of-quarter count.');
    await item.getByRole('button', { name: 'Return' }).click();
    await a.page.getByText(`Returned: ${title}, 2017-18 Q4.`, { exact: false }).waitFor();
    await expect(a.page.getByRole('region', { name: title }).count()).resolves.toBe(0);

    // The officer sees Returned with the reason, on Your returns and on the form, and resubmits.
    await o.page.reload();
    await o.page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    const row = returnsRow(o.page, title);
    await expect(row.textContent()).resolves.toMatch(/Returned.*Reason: Use the end-of-quarter count\.$/);
    // Returned first, highlighted as a tag, the reason quoted once (it ended ".." before).
    await expect(o.page.locator('table').first().locator('tbody tr').first().textContent()).resolves.toContain(title);
    await expect(row.locator('.govuk-tag', { hasText: 'Returned' }).count()).resolves.toBe(1);
    await expect(row.textContent()).resolves.not.toContain('..');
    await o.page.getByRole('link', { name: title }).click();
    await o.page.getByRole('heading', { level: 1, name: title }).waitFor();
    await o.page.getByText('Reason: Use the end-of-quarter count.', { exact: false }).waitFor();
    await expect(o.page.locator('#sign-off-state').textContent()).resolves.not.toContain('..');
    expect(await axeViolations(o.page)).toEqual([]);
    await o.page.getByLabel('Value').fill('104');
    await o.page.getByRole('button', { name: 'Save' }).click();
    await o.page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    await expect(returnsRow(o.page, title).textContent()).resolves.toContain('Awaiting sign-off');

    // The approver approves the new version.
    await openSignOffs(a.page);
    const again = a.page.getByRole('region', { name: title });
    await expect(again.textContent()).resolves.toContain('104');
    await again.getByRole('button', { name: 'Approve' }).click();
    await a.page.getByText(`Approved: ${title}, 2017-18 Q4. It now counts in the report.`).waitFor();
    await expect(a.page.getByRole('region', { name: title }).count()).resolves.toBe(0);
    expect(await axeViolations(a.page)).toEqual([]);

    // EMT's dashboard counts it: GREEN at 104.
    const e = await web.open();
    await signInAs(e.page, 'emt');
    await e.page.goto(`${web.app}dashboard?quarter=2017-18-Q4`);
    await e.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const counted = e.page
      .getByRole('table', { name: 'Measures' })
      .getByRole('row')
      .filter({ has: e.page.getByRole('link', { name: title }) });
    await expect(counted.textContent()).resolves.toMatch(/104.*GREEN|GREEN.*104/);

    // The measure page's version history shows each decision.
    await counted.getByRole('link', { name: title }).click();
    await e.page.getByRole('heading', { level: 1, name: title }).waitFor();
    const versions = e.page.getByRole('table', { name: /Every version of the 2017-18 Q4 result/ });
    await versions.waitFor();
    const rows = await versions.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    const approver = localName('approver', 'Place');
    expect(rows[0]).toContain(`Returned by ${approver}, `);
    expect(rows[0]).toMatch(/Reason: Use the end-of-quarter count\./);
    expect(rows[1]).toContain(`Approved by ${approver}`);
    expect(rows.join(' ')).not.toContain('local-');
    expect(await axeViolations(e.page)).toEqual([]);

    expect([...o.errors, ...a.errors, ...e.errors]).toEqual([]);
  });

  it('planned work: returned with a reason on the page, the officer sees the reason on its form and saves again', async () => {
    const id = `signed-work-${randomUUID().slice(0, 8)}`;
    const title = `Signed work ${id}`;
    const created = await web.stack.call('PUT', `/actions/${id}`, {
      token: admin,
      body: {
        plan: 'cip',
        programme: 'Developing the economy',
        title,
        ownerDirectorate: 'Place',
        startQuarter: '2017-18-Q1',
      },
    });
    expect(created.status).toBe(201);
    const saved = await web.stack.call('PUT', `/actions/${id}/updates/2017-18-Q4`, {
      token: officer,
      body: { status: 'amber', commentary: 'Consultation slipped.' },
    });
    expect(saved.status).toBe(201);

    // Planned work has no targets: name the quarter, as no measure may offer one when this runs alone.
    const a = await web.open();
    await signInAs(a.page, 'approver', 'Place');
    await openSignOffs(a.page, '?quarter=2017-18-Q4');
    const item = a.page.getByRole('region', { name: title });
    await expect(item.textContent()).resolves.toMatch(/Progress\s*AMBER/);
    await item.getByLabel('Reason').fill('Give the new date.');
    await item.getByRole('button', { name: 'Return' }).click();
    await a.page.getByText(`Returned: ${title}, 2017-18 Q4.`, { exact: false }).waitFor();

    const o = await web.open();
    await signInAs(o.page, 'officer', 'Place');
    await o.page.goto(`${web.app}?quarter=2017-18-Q4`);
    await o.page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    await expect(returnsRow(o.page, title).textContent()).resolves.toMatch(/Returned.*Reason: Give the new date\./);
    await o.page.getByRole('link', { name: title }).click();
    await o.page.getByRole('heading', { level: 1, name: title }).waitFor();
    await o.page.getByText('Reason: Give the new date.', { exact: false }).waitFor();
    expect(await axeViolations(o.page)).toEqual([]);
    await o.page.getByLabel('Commentary').fill('Consultation slipped: now ends 30 June.');
    await o.page.getByRole('button', { name: 'Save' }).click();
    await o.page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    await o.page
      .getByText(
        `Saved ${title} and sent to an approver in Place for sign-off. Once they approve it, its status will be`,
        {
          exact: false,
        },
      )
      .waitFor();
    await expect(returnsRow(o.page, title).textContent()).resolves.toContain('Awaiting sign-off');
    expect([...a.errors, ...o.errors]).toEqual([]);
  });

  it('an approver does the journey with the keyboard alone: a return needs a reason, then goes back', async () => {
    const { title, path } = await submitted(90);
    const { page, errors } = await web.open();
    await signInAs(page, 'approver', 'Place');
    await openSignOffs(page);
    const item = page.getByRole('region', { name: title });
    await item.waitFor();
    const reasonId = await item.getByLabel('Reason').getAttribute('id');
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return {
          id: el?.id ?? '',
          text: el?.textContent?.trim() ?? '',
          tag: el?.tagName ?? '',
          describedBy: el?.getAttribute('aria-describedby') ?? '',
        };
      });
    const tabTo = async (check: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 200) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if (check(await focused())) return;
      }
      throw new Error('never reached by Tab');
    };
    const ownButton = (text: string) => (f: Awaited<ReturnType<typeof focused>>) =>
      f.tag === 'BUTTON' && f.text === text && f.describedBy === `${reasonId}-title`;

    await tabTo(ownButton('Return'));
    await page.keyboard.press('Enter');
    await page.locator('.govuk-error-summary').getByText('There is a problem').waitFor();
    // The summary takes focus once it has rendered (an effect): Tab only after that, as a person would.
    await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'));
    // The summary takes focus; its link takes the approver to the reason.
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toMatchObject({ tag: 'A', text: `Enter a reason for returning ${title}` });
    await page.keyboard.press('Enter');
    await expect(focused()).resolves.toMatchObject({ id: reasonId });
    await page.keyboard.type('The target is a percentage: check the unit.');
    await tabTo(ownButton('Return'), 3);
    await page.keyboard.press('Enter');
    await page.getByText(`Returned: ${title}, 2017-18 Q4.`, { exact: false }).waitFor();
    const history = await (await web.stack.call('GET', `${path}/history`, { token: admin })).json();
    expect(history.versions[0].signOff).toMatchObject({
      decision: 'return',
      reason: 'The target is a percentage: check the unit.',
    });
    expect(errors).toEqual([]);
  });

  it('a return submitted again meanwhile: the decision answers 412, the page says so and shows the new version', async () => {
    const { title, path } = await submitted(70);
    const { page, errors } = await web.open();
    await signInAs(page, 'approver', 'Place');
    await openSignOffs(page);
    const item = page.getByRole('region', { name: title });
    await expect(item.textContent()).resolves.toContain('70');
    await item.getByLabel('Reason').fill('Typed before the change');
    const res = await web.stack.call('PUT', path, {
      token: officer,
      body: { value: 99, commentary: 'Corrected.' },
      headers: { 'if-match': '"1"' },
    });
    expect(res.status).toBe(200);
    await item.getByRole('button', { name: 'Approve' }).click();
    await page.getByText(`${title} was changed by someone else meanwhile.`, { exact: false }).waitFor();
    await expect(item.textContent()).resolves.toContain('99');
    await expect(item.getByLabel('Reason').inputValue()).resolves.toBe('Typed before the change');
    const history = await (await web.stack.call('GET', `${path}/history`, { token: admin })).json();
    expect(history.versions.map((v: { signOff?: unknown }) => v.signOff)).toEqual([undefined, undefined]);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('says "Nothing is awaiting your sign-off." for a quarter with nothing awaiting', async () => {
    const { page, errors } = await web.open();
    await signInAs(page, 'approver', 'Place');
    await openSignOffs(page, '?quarter=2016-17-Q1');
    await page.getByText('Nothing is awaiting your sign-off.').waitFor();
    await expect(page.getByLabel('Quarter').inputValue()).resolves.toBe('2016-17-Q1');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('admins choose the directorate; an approver sees only their own', async () => {
    const { title } = await submitted(100);
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await openSignOffs(page);
    await page.getByRole('region', { name: title }).waitFor();
    await page.getByLabel('Directorate').selectOption('People');
    await page.getByRole('button', { name: 'Show returns' }).click();
    await page.waitForURL(/directorate=People/);
    await page.getByText('People, 2017-18 Q4').waitFor();
    await expect(page.getByRole('region', { name: title }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    const other = await web.open();
    await signInAs(other.page, 'approver', 'People');
    await openSignOffs(other.page);
    await expect(other.page.getByLabel('Directorate').count()).resolves.toBe(0);
    await expect(other.page.getByRole('region', { name: title }).count()).resolves.toBe(0);
    expect([...errors, ...other.errors]).toEqual([]);
  });

  it('reflows at 320 CSS pixels wide', async () => {
    const { title } = await submitted(80);
    const { page, errors } = await web.open({ width: 320, height: 640 });
    await signInAs(page, 'approver', 'Place');
    await openSignOffs(page);
    await page.getByRole('region', { name: title }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  it('typed in by an officer or EMT: "You do not have access", and not in their navigation', async () => {
    for (const [role, directorate] of [
      ['officer', 'Place'],
      ['emt', undefined],
    ] as const) {
      const { page, errors } = await web.open();
      await signInAs(page, role, directorate);
      await page.goto(`${web.app}sign-offs`);
      await page.getByRole('heading', { level: 1, name: 'You do not have access' }).waitFor();
      const nav = await page.getByRole('navigation', { name: 'Pages' }).getByRole('link').allTextContents();
      expect(nav).not.toContain('Awaiting sign-off');
      expect(errors).toEqual([]);
    }
  });
});

describe('People (issue #18)', () => {
  it('an admin makes a new person an approver on the People page; signing in from the people list, they see Awaiting sign-off and open it', async () => {
    const email = `approver.${randomUUID().slice(0, 8)}@council.example`;
    await placeMeasure(); // so 2017-18 Q4 is the quarter the page opens on, whichever test runs first
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Approver').check();
    await page.getByLabel('Directorate').selectOption('Place');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`${email}: Approver, Place.`).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();

    await page.getByLabel('Person').selectOption(email);
    await page.getByRole('button', { name: 'Continue as this person' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await expect(page.locator('header').textContent()).resolves.toContain(
      `Signed in as ${email.split('@')[0]} (Approver, Place)`,
    );
    const nav = page.getByRole('navigation', { name: 'Pages' });
    await nav.getByRole('link', { name: 'Awaiting sign-off' }).click();
    await page.getByRole('heading', { level: 1, name: 'Awaiting sign-off' }).waitFor();
    await page.getByText('Place, 2017-18 Q4').waitFor();
    expect(errors).toEqual([]);
  });
});

describe('Where an approver lands (issue #25)', () => {
  it('on Awaiting sign-off when something awaits them, else on Your returns', async () => {
    // Resources: nothing awaits its approver.
    const resourcesApprover = await web.stack.token('approver', 'Resources');
    const none = await web.stack.call('GET', '/sign-offs?directorate=Resources', { token: resourcesApprover });
    expect(((await none.json()) as { items: unknown[] }).items).toEqual([]);
    const r = await web.open();
    await signInAs(r.page, 'approver', 'Resources');
    await r.page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    expect(new URL(r.page.url()).pathname).toBe('/app/');
    expect(await axeViolations(r.page)).toEqual([]);

    // Place: a return awaits its approver.
    const { title } = await submitted(60);
    const { page, errors } = await web.open();
    await signInAs(page, 'approver', 'Place');
    await page.getByRole('heading', { level: 1, name: 'Awaiting sign-off' }).waitFor();
    await page.getByRole('region', { name: title }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/sign-offs');
    await expect(
      page
        .getByRole('navigation', { name: 'Pages' })
        .getByRole('link', { name: 'Awaiting sign-off' })
        .getAttribute('aria-current'),
    ).resolves.toBe('page');
    // Their returns are one link away, and stay there.
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Your returns' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/returns');
    expect(errors).toEqual([]);
  });
});
