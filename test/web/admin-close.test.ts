import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { sesClient } from '../../lambdas/mail/ses';
import { axeViolations, signInAs } from '../support/browser';
import { awsError, intercept } from '../support/sdk-faults';
import { useWebApp } from '../support/web-app';

// The admin's quarter in a real Chromium against the sample plan (docs/web-app.md,
// "Settings" and "Close quarter"): a setting changed in the browser, 2017-18 Q4 closed
// through its confirmation page, the email in the SES emulator's store, an amendment
// and the reissue. Only the journey closes the quarter; the other tests read settings
// and pages that closing does not change.
const web = useWebApp({ seed: true });
let admin: string;

const quarter = '2017-18-Q4';
const amended = { id: 'foi-within-20-days', title: '% of FOI requests responded to within 20 working days' };

beforeAll(async () => {
  admin = await web.stack.token('admin');
});

const settings = async () =>
  (await (await web.stack.call('GET', '/settings', { token: admin })).json()) as { emtRecipients: string[] };

/** Nothing wider than the page at 320 px, except inside a table's own scroll box. */
const overflowing = (page: Page) =>
  page.evaluate(() => ({
    page: document.documentElement.scrollWidth - window.innerWidth,
    elements: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.app-table-wrap'))
      .map((e) => e.outerHTML.slice(0, 80)),
  }));

async function saveRecipient(page: Page, address: string) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  const field = page.getByLabel('EMT recipients');
  await field.fill(`${await field.inputValue()}\n${address}`);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Settings saved.').waitFor();
}

describe('Admin: Settings, Close quarter and Reissue', () => {
  it('an admin adds an EMT recipient, closes 2017-18 Q4 through its confirmation page, amends a result and reissues, and EMT get both emails', async () => {
    const recipient = 'cabinet.office@localhost';
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');

    // Settings: the recipient reaches the API, and the change is in the history.
    await saveRecipient(page, recipient);
    expect(await axeViolations(page)).toEqual([]);
    expect((await settings()).emtRecipients).toContain(recipient);
    await expect(page.getByRole('table', { name: /latest changes/ }).textContent()).resolves.toMatch(/1/);

    // Close quarter: the picker opens on the latest quarter not closed.
    await page.getByRole('link', { name: 'Close quarter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Close quarter' }).waitFor();
    await expect(page.getByLabel('Quarter').inputValue()).resolves.toBe(quarter);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Continue' }).click();

    // The confirmation page: what will be frozen, the recipients and the exact subject.
    await page.getByRole('heading', { level: 1, name: 'Close 2017-18 Q4' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/close/${quarter}`);
    const live = (await (await web.stack.call('GET', `/reports/${quarter}`, { token: admin })).json()) as {
      criticalItems: unknown[];
    };
    const subject = `Corporate Improvement Plan 2017-18 Q4: overall AMBER, ${live.criticalItems.length} critical items`;
    await expect(page.locator('#email-subject').textContent()).resolves.toBe(subject);
    const main = page.locator('main');
    await expect(main.textContent()).resolves.toContain(recipient);
    await expect(main.textContent()).resolves.toContain('emt@localhost');
    await expect(main.textContent()).resolves.toContain('cannot be undone');
    await expect(main.textContent()).resolves.toContain('Missing returns');
    expect(await axeViolations(page)).toEqual([]);
    await web.stack.clearEmails();
    await page.getByRole('button', { name: 'Close quarter' }).click();

    // Closed: the panel, the email being sent (the close's answer), then sent (the page
    // polls its state), the frozen report's links.
    await page.getByRole('heading', { level: 1, name: '2017-18 Q4 is closed' }).waitFor();
    await page.getByText('Closed. The email to EMT is being sent.').waitFor();
    await expect(page.locator('#sent-subject').textContent()).resolves.toBe(subject);
    await page.getByRole('heading', { level: 2, name: 'Email sent' }).waitFor();
    await page.getByText(/^The email to EMT was sent on \d+ \w+ \d{4} at \d{2}:\d{2}\.$/).waitFor();
    await expect(page.locator('.govuk-summary-list').last().textContent()).resolves.toMatch(/Sent/);
    await expect(main.textContent()).resolves.toContain(recipient);
    await page.getByRole('link', { name: 'See 2017-18 Q4 on the dashboard' }).waitFor();
    await page.getByRole('link', { name: 'Download CSV' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const [closeEmail] = await web.stack.emails();
    expect(closeEmail?.subject).toBe(subject);
    // The emulator's store keeps the To header as one string.
    expect(closeEmail?.destination.to.join(', ')).toContain(recipient);
    expect(closeEmail?.destination.to.join(', ')).toContain('emt@localhost');

    // An amendment through the result form (admins may amend a closed quarter): `Amend`, not `Save`.
    await page.goto(`${web.app}measures/${amended.id}/results/${quarter}`);
    await page.getByRole('heading', { level: 1, name: amended.title }).waitFor();
    await expect(page.locator('#closed-quarter').textContent()).resolves.toContain(
      'What you save here is an amendment',
    );
    await page.getByLabel('Value').fill('94');
    await page.getByRole('button', { name: 'Amend' }).click();
    await page.getByText(`Saved ${amended.title}`).waitFor();

    // The closed quarter's page lists it, and Reissue shows it again before sending.
    await page.goto(`${web.app}close/${quarter}`);
    await page.getByRole('heading', { level: 1, name: '2017-18 Q4 is closed' }).waitFor();
    await page.getByText(/^The email to EMT went out on /).waitFor();
    const row = page.getByRole('row', { name: new RegExp(amended.title.replace(/[%]/g, '.')) });
    await expect(row.textContent()).resolves.toMatch(/93.*94/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Reissue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reissue 2017-18 Q4' }).waitFor();
    await expect(page.getByRole('row', { name: /FOI requests/ }).textContent()).resolves.toMatch(/93.*94/);
    await expect(main.textContent()).resolves.toContain(recipient);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Reissue' }).click();
    await page.getByRole('heading', { level: 1, name: '2017-18 Q4 is reissued' }).waitFor();
    await page.getByText('Reissued. The email to EMT is being sent.').waitFor();
    const reissued = await page.locator('#sent-subject').textContent();
    expect(reissued).toMatch(/^Reissued: Corporate Improvement Plan 2017-18 Q4: overall /);
    await page.getByText(/^The email to EMT was sent on /).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const emails = await web.stack.emails();
    expect(emails.map((e) => e.subject)).toEqual([subject, reissued]);
    expect(emails[1]?.destination.to.join(', ')).toContain(recipient);
    expect(errors).toEqual([]);
  }, 240_000);

  it('a send SES refuses shows as failed with Send again, which sends exactly one email, and the page polls at most once a second', async () => {
    const failing = '2032-33-Q2';
    const { page, errors, apiRequests } = await web.open();
    await signInAs(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await web.stack.clearEmails();
    // SES refuses every send (as faults.test.ts does for the local SES): nothing is accepted.
    const remove = intercept(sesClient(), {
      fault: (call) => {
        if (call.commandName === 'SendRawEmailCommand')
          throw awsError('MessageRejected', 400, 'Email address is not verified.');
      },
    });
    try {
      await page.goto(`${web.app}close/${failing}`);
      await page.getByRole('button', { name: 'Close it early' }).click();
      await page.getByRole('heading', { level: 1, name: '2032-33 Q2 is closed' }).waitFor();
      apiRequests.length = 0;
      const started = Date.now();
      await page.getByText(/The email to EMT failed \(MessageRejected: Email address is not verified\.\)\./).waitFor();
      const polls = apiRequests.filter((r) => r === `GET /reports/${failing}/email`).length;
      expect(polls).toBeGreaterThanOrEqual(1);
      expect(polls).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 1000));
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      remove();
    }
    expect((await web.stack.emails()).filter((e) => e.subject.includes('2032-33 Q2'))).toHaveLength(0);
    // No more polling once it failed.
    apiRequests.length = 0;
    await page.waitForTimeout(1500);
    expect(apiRequests).toEqual([]);
    await page.getByRole('button', { name: 'Send again' }).click();
    await page.getByText(/^The email to EMT was sent on /).waitFor();
    await expect(page.getByRole('button', { name: 'Send again' }).count()).resolves.toBe(0);
    const sent = (await web.stack.emails()).filter((e) => e.subject.includes('2032-33 Q2'));
    expect(sent).toHaveLength(1);
    await expect(page.locator('#sent-subject').textContent()).resolves.toBe(sent[0]!.subject);
    // Send again through the API once more: the same record, sent already, so nothing more.
    expect((await web.stack.call('POST', `/reports/${failing}/email`, { token: admin })).status).toBe(200);
    expect((await web.stack.emails()).filter((e) => e.subject.includes('2032-33 Q2'))).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('shows the error summary for an EMT recipient that is not an email address, keeps what was typed and saves nothing', async () => {
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await page.goto(`${web.app}settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const field = page.getByLabel('EMT recipients');
    const typed = `${await field.inputValue()}\nnot an address`;
    await field.fill(typed);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('There is a problem').waitFor();
    const link = page.locator('.govuk-error-summary a', { hasText: 'EMT recipients' });
    await link.click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('emtRecipients');
    await expect(field.inputValue()).resolves.toBe(typed);
    expect(await axeViolations(page)).toEqual([]);
    expect((await settings()).emtRecipients).not.toContain('not an address');
    expect(errors).toEqual([]);
  });

  it('two admins change the settings: the second save is told someone else changed them, keeps what was typed, and saves over them on purpose', async () => {
    const first = await web.open();
    const second = await web.open();
    for (const { page } of [first, second]) {
      await signInAs(page, 'admin');
      await page.goto(`${web.app}settings`);
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    }
    await second.page.getByLabel('Reminder days').fill('7, 2');
    await second.page.getByRole('button', { name: 'Save' }).click();
    await second.page.getByText('Settings saved.').waitFor();

    await first.page.getByLabel('Reminder days').fill('6, 1');
    await first.page.getByRole('button', { name: 'Save' }).click();
    const conflict = first.page.locator('#conflict');
    await conflict.getByRole('heading', { name: 'Someone else changed the settings' }).waitFor();
    await expect(first.page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Someone else changed the settings',
    );
    await expect(conflict.textContent()).resolves.toMatch(/saved version \d+ on /);
    await expect(first.page.getByLabel('Reminder days').inputValue()).resolves.toBe('6, 1');
    expect(await axeViolations(first.page)).toEqual([]);
    const now = async () =>
      ((await (await web.stack.call('GET', '/settings', { token: admin })).json()) as { reminderDays: number[] })
        .reminderDays;
    expect(await now()).toEqual([7, 2]);

    // Saving again, having seen theirs, replaces them.
    await first.page.getByRole('button', { name: 'Save' }).click();
    await first.page.getByText('Settings saved.').waitFor();
    expect(await now()).toEqual([6, 1]);
    expect([...first.errors, ...second.errors]).toEqual([]);
  });

  it('offers Settings and Close quarter to admins only; others typing the address see "You do not have access"', async () => {
    for (const [role, directorate] of [
      ['emt', undefined],
      ['officer', 'People'],
    ] as const) {
      const { page } = await web.open();
      await signInAs(page, role, directorate);
      const nav = await page.getByRole('navigation', { name: 'Pages' }).getByRole('link').allTextContents();
      expect(nav).not.toContain('Settings');
      expect(nav).not.toContain('Close quarter');
      for (const path of ['settings', 'close', `close/${quarter}`, `reissue/${quarter}`]) {
        await page.goto(`${web.app}${path}`);
        await page.getByRole('heading', { level: 1, name: 'You do not have access' }).waitFor();
      }
    }
  });

  it('each page makes at most 3 API requests on load, GET /me included', async () => {
    const { page, apiRequests, errors } = await web.open();
    await signInAs(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.waitForLoadState('networkidle');
    for (const [path, heading, expected] of [
      ['settings', 'Settings', ['GET /me', 'GET /settings', 'GET /settings/history']],
      ['close', 'Close quarter', ['GET /me', 'GET /returns']],
      ['close/2016-17-Q4', /2016-17 Q4/, ['GET /me', 'GET /reports/2016-17-Q4/close-preview']],
    ] as const) {
      apiRequests.length = 0;
      await page.goto(`${web.app}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      expect([...apiRequests].sort()).toEqual([...expected].sort());
    }
    expect(errors).toEqual([]);
  });

  it('reflows Settings, Close quarter and the confirmation page at 320 CSS pixels', async () => {
    const { page, errors } = await web.open({ width: 320, height: 640 });
    await signInAs(page, 'admin');
    for (const [path, heading] of [
      ['settings', 'Settings'],
      ['close', 'Close quarter'],
      ['close/2016-17-Q4', /2016-17 Q4/],
      ['reissue/2016-17-Q4', /2016-17 Q4/],
    ] as const) {
      await page.goto(`${web.app}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await overflowing(page)).toEqual({ page: 0, elements: [] });
    }
    expect(errors).toEqual([]);
  });

  it('offers an early close in words only for a quarter that has not ended, and closes it early when asked (finding 5)', async () => {
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.goto(`${web.app}close/2016-17-Q3`);
    await page.getByRole('heading', { level: 1, name: /2016-17 Q3/ }).waitFor();
    await expect(page.getByText(/Close it early\?/).count()).resolves.toBe(0);

    await page.goto(`${web.app}close/2032-33-Q1`);
    await page.getByRole('heading', { level: 1, name: 'Close 2032-33 Q1' }).waitFor();
    await expect(page.locator('#close-early').textContent()).resolves.toBe(
      'This quarter ends on 30 June 2032. Close it early?',
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Close it early' }).click();
    await page.getByRole('heading', { level: 1, name: '2032-33 Q1 is closed' }).waitFor();
    const report = (await (await web.stack.call('GET', '/reports/2032-33-Q1', { token: admin })).json()) as {
      closed: boolean;
    };
    expect(report.closed).toBe(true);
    expect(errors).toEqual([]);
  });
  it('edits the Welsh names, the report languages and the Cabinet frame; a wrong meeting date is refused and what was typed kept', async () => {
    const { page, errors } = await web.open();
    await signInAs(page, 'admin');
    await page.goto(`${web.app}settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByLabel('Welsh and English (Welsh first)').check();
    await page.getByLabel('Report title in Welsh').fill('Cynllun Gwella Corfforaethol');
    await page.getByLabel('Place in Welsh').fill('Lle');
    await page.getByRole('button', { name: 'Add a programme' }).click();
    await page.getByLabel('Programme 1', { exact: true }).fill('Learning');
    await page.getByLabel('Programme 1 in Welsh').fill('Dysgu');
    await page.getByLabel('Council (Welsh)').fill('CYNGOR SIR POWYS COUNTY COUNCIL');
    await page.getByLabel('Meeting (Welsh)').fill('CABINET GWEITHREDOL');
    await page.getByLabel('Day', { exact: true }).fill('31');
    await page.getByLabel('Month', { exact: true }).fill('2');
    await page.getByLabel('Year', { exact: true }).fill('2018');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('There is a problem').waitFor();
    await page.locator('.govuk-error-summary a', { hasText: 'Meeting date must be a real date' }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('meetingDate-day');
    await expect(page.getByLabel('Programme 1 in Welsh').inputValue()).resolves.toBe('Dysgu');
    expect(((await settings()) as unknown as { reportLanguages: string }).reportLanguages).toBe('en');

    await page.getByLabel('Day', { exact: true }).fill('10');
    await page.getByLabel('Month', { exact: true }).fill('7');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const saved = (await settings()) as unknown as {
      reportLanguages: string;
      namesCy: { reportTitle?: string; programmes: Record<string, string>; directorates: Record<string, string> };
      cabinetReport: { cy: Record<string, string>; en: Record<string, string>; meetingDate?: string };
    };
    expect(saved.reportLanguages).toBe('cy+en');
    expect(saved.namesCy).toMatchObject({
      reportTitle: 'Cynllun Gwella Corfforaethol',
      programmes: { Learning: 'Dysgu' },
      directorates: { Place: 'Lle' },
    });
    expect(saved.cabinetReport).toEqual({
      en: {},
      cy: { council: 'CYNGOR SIR POWYS COUNTY COUNCIL', meeting: 'CABINET GWEITHREDOL' },
      meetingDate: '2018-07-10',
    });

    // A reload shows what was saved.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await expect(page.getByLabel('Place in Welsh').inputValue()).resolves.toBe('Lle');
    await expect(page.getByLabel('Welsh and English (Welsh first)').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Day', { exact: true }).inputValue()).resolves.toBe('10');
    // Back to English only, for the tests that close quarters after this one.
    await page.getByLabel('English', { exact: true }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved.').waitFor();
    expect(((await settings()) as unknown as { reportLanguages: string }).reportLanguages).toBe('en');
    expect(errors).toEqual([]);
  });
});
