import type { Page, Response as PageResponse } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, downloadBytes, signInAs, summaryListValue, type WatchedPage } from '../support/browser';
import { readDocx, readXlsx } from '../support/office';
import {
  dashboardFacts,
  docxFacts,
  emailFacts,
  jsonFacts,
  type ReportFacts,
  untimed,
  xlsxFacts,
  xlsxSummaryLines,
} from '../support/report-facts';
import { useWebApp } from '../support/web-app';

// Issue #22's acceptance: one quarter of the sample plan (2017-18 Q4) across the four
// roles in a real Chromium, as `npm start` runs it (sign-off on), each person starting at
// the app's address signed out. Officer submits (a RED with commentary, a planned-work
// update), the approver approves one and returns one, the officer corrects it and the
// approver approves that, EMT record a remedial action, the admin reads the confirmation
// page and closes. Then every place that states the quarter (the confirmation page and the
// close-preview it shows, the close's answer, the email in the SES emulator, the frozen
// dashboard, the Word draft and the Excel workbook downloaded from the page, the API's
// report) must give the same critical items, status counts and subject; the same again for
// an amendment and its reissue. Last, EMT and officers land on 2017-18 Q4 and no measure
// shows NO DATA that has a counted result. The steps run in order and share the sessions.
const web = useWebApp({ seed: true, signOff: 'on' });
const quarter = '2017-18-Q4';

/** Place's returns the journey changes (titles read from the API in beforeAll). */
const red = { id: 'highways-inspections-in-time', title: '' }; // no result yet: the officer enters a RED
const corrected = { id: 'waste-recycled', title: '' }; // returned, then corrected
const work = { id: 'rural-broadband', title: '' }; // planned work turned RED, left awaiting sign-off at the close
/** People's return nobody signs off before the close: no approved version, so unsignedAtClose decides (count-flagged). */
const unsigned = { id: 'adult-protection-enquiries-7-days', title: '' };

type Who = 'officer' | 'approver' | 'emt' | 'admin' | 'peopleOfficer';
const sessions: Partial<Record<Who, WatchedPage>> = {};
let adminToken: string;

interface Answer extends Record<string, unknown> {
  overall: string;
  criticalItems: { id: string; title: string; remedialAction: { text: string } | null }[];
  measures: { id: string; title: string; status: string; ownerDirectorate: string; signOff?: string }[];
  actions: { id: string; title: string; status: string; signOff?: string }[];
  summary: { sentences: string[] };
  missingReturns: { directorate: string; measures: { title: string }[]; actions: { title: string }[] }[];
  email: { subject: string; recipients: string[] };
}

beforeAll(async () => {
  adminToken = await web.stack.token('admin');
  for (const [item, path] of [
    [red, 'measures'],
    [corrected, 'measures'],
    [work, 'actions'],
    [unsigned, 'measures'],
  ] as const) {
    const res = await web.stack.call('GET', `/${path}/${item.id}`, { token: adminToken });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, { title: string }>;
    item.title = body[path === 'measures' ? 'measure' : 'action']!.title;
  }
});

async function session(who: Who): Promise<Page> {
  const existing = sessions[who];
  if (existing) return existing.page;
  const opened = await web.open();
  sessions[who] = opened;
  if (who === 'peopleOfficer') await signInAs(opened.page, 'officer', 'People');
  else await signInAs(opened.page, who, who === 'officer' || who === 'approver' ? 'Place' : undefined);
  return opened.page;
}

const apiReport = async (): Promise<Answer> => {
  const res = await web.stack.call('GET', `/reports/${quarter}`, { token: adminToken });
  expect(res.status).toBe(200);
  return (await res.json()) as Answer;
};

const returnsRow = (page: Page, title: string) =>
  page.getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) });

async function openYourReturns(page: Page) {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Your returns' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
}

/** From the navigation; on the page already, a reload (a link to the page one is on does not load it again). */
async function openSignOffs(page: Page) {
  if (new URL(page.url()).pathname === '/app/sign-offs') await page.reload();
  else await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Awaiting sign-off' }).click();
  await page.getByRole('heading', { level: 1, name: 'Awaiting sign-off' }).waitFor();
}

/** The officer opens a measure from Your returns, types a value (and commentary), sees the status and saves. */
async function saveResult(page: Page, title: string, value: string, status: string, commentary?: string) {
  await returnsRow(page, title).getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByLabel('Value').fill(value);
  if (commentary !== undefined) await page.getByLabel('Commentary').fill(commentary);
  await page.getByText(`Status if saved: ${status}`).waitFor();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
  await expect(returnsRow(page, title).textContent()).resolves.toContain('Awaiting sign-off');
}

/** The JSON a page's request answered (the page shows it; the test reads what it was given). */
const answerOf = async (response: Promise<PageResponse>) => {
  const res = await response;
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as Answer;
};
const answered = (page: Page, method: string, path: string) =>
  page.waitForResponse((r) => r.request().method() === method && new URL(r.url()).pathname === path);

/**
 * Every output of the quarter as it now stands (frozen) against what the close (reissue)
 * answered: the email in the SES emulator, the dashboard, the Word draft and the Excel
 * workbook downloaded through the page, and the API's report.
 */
async function expectEveryOutputSays(answer: Answer, subject: string, page: Page) {
  const truth = jsonFacts(answer);
  const sentences = answer.summary.sentences;

  // The API's frozen report.
  const frozen = await apiReport();
  expect(jsonFacts(frozen)).toEqual(truth);
  expect(frozen.summary.sentences).toEqual(sentences);

  // The email in the SES emulator's store: exactly one with this subject, to the recipients.
  const emails = (await web.stack.emails()).filter((e) => e.subject === subject);
  expect(emails).toHaveLength(1);
  const [email] = emails;
  for (const to of answer.email.recipients) expect(email!.destination.to.join(', ')).toContain(to);
  expect(emailFacts(email!.body.text ?? '')).toEqual(truth);
  for (const s of sentences) {
    expect(email!.body.text).toContain(s);
    expect(email!.body.html).toContain(s);
  }

  // The frozen report's page: the dashboard of the quarter, closed.
  await page.goto(`${web.app}dashboard?quarter=${quarter}`);
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await expect(page.locator('.govuk-caption-l').textContent()).resolves.toBe('2017-18 Q4 (closed)');
  // The dashboard shows measures only: its planned work counts are in the sentences.
  const { plannedWork, ...shown } = truth;
  const measuresNotSignedOff = answer.measures.filter((m) => m.signOff === 'not-signed-off').map((m) => m.title);
  expect(await dashboardFacts(page)).toEqual({ ...shown, notSignedOff: measuresNotSignedOff.sort() });
  const main = (await page.locator('main').textContent()) ?? '';
  for (const s of sentences) expect(main).toContain(s);

  // The Word draft and the Excel workbook, downloaded from that page.
  const word = await downloadBytes(page, 'Download Word (docx)');
  expect(word.name).toBe(`ragtime-${quarter}.docx`);
  const docx = readDocx(word.bytes);
  expect(docxFacts(docx)).toEqual(truth);
  const docxText = docx.paragraphs.map((p) => p.text).join('\n');
  for (const s of sentences) expect(docxText).toContain(s);
  const excel = await downloadBytes(page, 'Download Excel (xlsx)');
  expect(excel.name).toBe(`ragtime-${quarter}.xlsx`);
  const xlsx = await readXlsx(excel.bytes);
  expect(xlsxFacts(xlsx)).toEqual(truth);
  expect(xlsxSummaryLines(xlsx)).toEqual(expect.arrayContaining(sentences));
  return truth;
}

/** What a confirmation page (close or reissue) says is its preview's: overall, critical items, subject, recipients. */
async function expectConfirmationSays(page: Page, preview: Answer) {
  await expect(summaryListValue(page, 'Overall status')).resolves.toBe(jsonFacts(preview).overall);
  await expect(summaryListValue(page, 'Critical items')).resolves.toBe(String(preview.criticalItems.length));
  await expect(page.locator('#email-subject').textContent()).resolves.toBe(preview.email.subject);
  const main = (await page.locator('main').textContent()) ?? '';
  for (const to of preview.email.recipients) expect(main).toContain(to);
  expect(await axeViolations(page)).toEqual([]);
  return main;
}

/** Presses the confirmation page's button; the answer equals the preview but for timestamps, and the page shows its subject. */
async function confirm(page: Page, button: string, done: string, path: string, preview: Answer) {
  const answering = answered(page, 'POST', path);
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: done }).waitFor();
  const answer = await answerOf(answering);
  await expect(page.locator('#sent-subject').textContent()).resolves.toBe(answer.email.subject);
  expect(untimed(answer)).toEqual(untimed(preview));
  return answer;
}

let closed: { answer: Answer; truth: ReportFacts };

describe('one quarter, one truth: 2017-18 Q4 across officer, approver, EMT and admin', () => {
  it('the officer submits a RED result with commentary, a second result and a planned-work update through the forms', async () => {
    const page = await session('officer');
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    await expect(page.getByLabel('Quarter').inputValue()).resolves.toBe(quarter);
    await expect(returnsRow(page, red.title).textContent()).resolves.toContain('Not started');

    await saveResult(page, red.title, '80', 'RED', 'Two of the four inspectors were off sick for most of the quarter.');
    await saveResult(page, corrected.title, '66', 'GREEN');

    await returnsRow(page, work.title).getByRole('link', { name: work.title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: work.title }).waitFor();
    await page.getByLabel('Red (off track)').check();
    await page.getByLabel('Commentary').fill('The supplier withdrew from the contract; it is being tendered again.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    await expect(returnsRow(page, work.title).textContent()).resolves.toContain('Awaiting sign-off');

    // An officer of People enters a missing return, RED; nobody signs it off before the close.
    const people = await session('peopleOfficer');
    await people.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    await saveResult(people, unsigned.title, '60', 'RED', 'The team was short of two social workers all quarter.');
  });

  it('the approver approves the RED result and returns the other with a reason; the officer sees it returned and corrects it; the approver approves it', async () => {
    const page = await session('approver');
    await openSignOffs(page);
    const redItem = page.getByRole('region', { name: red.title });
    await expect(redItem.textContent()).resolves.toContain('Two of the four inspectors');
    await redItem.getByRole('button', { name: 'Approve' }).click();
    await page.getByText(`Approved: ${red.title}, 2017-18 Q4. It now counts in the report.`).waitFor();

    const returned = page.getByRole('region', { name: corrected.title });
    await returned.getByLabel('Reason').fill('Use the audited figure from the waste contractor.');
    await returned.getByRole('button', { name: 'Return' }).click();
    await page.getByText(`Returned: ${corrected.title}, 2017-18 Q4.`, { exact: false }).waitFor();
    // The planned-work update stays awaiting sign-off: its approved update (the sample's) still counts.
    await page.getByRole('region', { name: work.title }).waitFor();

    const officer = await session('officer');
    await openYourReturns(officer);
    await expect(returnsRow(officer, corrected.title).textContent()).resolves.toMatch(
      /Returned.*Reason: Use the audited figure from the waste contractor\./,
    );
    await returnsRow(officer, corrected.title).getByRole('link', { name: corrected.title, exact: true }).click();
    await officer.getByRole('heading', { level: 1, name: corrected.title }).waitFor();
    await officer.getByText('Reason: Use the audited figure from the waste contractor.', { exact: false }).waitFor();
    await openYourReturns(officer);
    await saveResult(officer, corrected.title, '64.5', 'GREEN');

    await openSignOffs(page);
    const again = page.getByRole('region', { name: corrected.title });
    await expect(again.textContent()).resolves.toContain('64.5');
    await again.getByRole('button', { name: 'Approve' }).click();
    await page.getByText(`Approved: ${corrected.title}, 2017-18 Q4. It now counts in the report.`).waitFor();
  });

  it('EMT record a remedial action on the new critical item from the dashboard', async () => {
    const page = await session('emt');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const critical = page.getByRole('region', { name: 'Critical items' });
    await critical.getByRole('link', { name: red.title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: red.title }).waitFor();
    await page.getByLabel('Remedial action').fill('Agency inspectors until the posts are filled.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const entry = page
      .getByRole('region', { name: 'Critical items' })
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: red.title, exact: true }) });
    await expect(entry.locator('td[data-label="Remedial action"]').textContent()).resolves.toBe(
      'Agency inspectors until the posts are filled.',
    );
  });

  it('the admin closes through the confirmation page; the page, the close, the email, the frozen report, the Word draft and the Excel workbook say the same', async () => {
    const page = await session('admin');
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Close quarter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Close quarter' }).waitFor();
    await expect(page.getByLabel('Quarter').inputValue()).resolves.toBe(quarter);
    const previewed = answered(page, 'GET', `/reports/${quarter}/close-preview`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Close 2017-18 Q4' }).waitFor();
    const preview = await answerOf(previewed);
    // The live report does not count the return nobody signed off; the preview does, as the close will.
    expect((await apiReport()).measures.find((m) => m.id === unsigned.id)?.status).toBe('no-data');
    expect(preview.measures.find((m) => m.id === unsigned.id)?.status).toBe('red');

    // The confirmation page: what it says is the preview's.
    const main = await expectConfirmationSays(page, preview);
    await expect(summaryListValue(page, 'Measures')).resolves.toBe(String(preview.measures.length));
    await expect(summaryListValue(page, 'Planned work')).resolves.toBe(String(preview.actions.length));
    for (const d of preview.missingReturns)
      for (const m of [...d.measures, ...d.actions]) expect(main).toContain(m.title);

    // Closed: the answer equals the preview but for timestamps.
    const answer = await confirm(page, 'Close quarter', '2017-18 Q4 is closed', `/reports/${quarter}/close`, preview);
    // The journey's items are in it: the approved RED with its remedial action.
    const truth = jsonFacts(answer);
    expect(truth.criticalItems).toContainEqual({
      title: red.title,
      remedialAction: 'Agency inspectors until the posts are filled.',
    });
    // The People return nobody signed off: counted RED and flagged, so a critical item (#22 finding 1).
    expect(answer.measures.find((m) => m.id === unsigned.id)).toMatchObject({
      status: 'red',
      signOff: 'not-signed-off',
    });
    expect(truth.criticalItems).toContainEqual({ title: unsigned.title, remedialAction: 'Remedial action needed' });
    expect(truth.notSignedOff).toEqual([unsigned.title]);
    expect(answer.summary.sentences).toContain('1 return was not signed off.');
    // The planned work awaiting sign-off: its approved update counts, the RED one shows beside it.
    expect(answer.actions.find((a) => a.id === work.id)).toMatchObject({
      status: 'green',
      signOff: 'awaiting',
      unapprovedStatus: 'red',
    });
    expect(truth.criticalItems.map((c) => c.title)).not.toContain(work.title);
    expect(answer.email.subject).toBe(
      `Corporate Improvement Plan 2017-18 Q4: overall ${truth.overall}, ${truth.criticalItems.length} critical items`,
    );

    expect(await expectEveryOutputSays(answer, answer.email.subject, page)).toEqual(truth);
    closed = { answer, truth };
  });

  it('the admin amends a figure of the closed quarter and reissues: the reissue-preview equals the reissue, and every output says the same again', async () => {
    expect(closed).toBeDefined();
    const page = await session('admin');
    await page.goto(`${web.app}measures/${red.id}/results/${quarter}`);
    await page.getByRole('heading', { level: 1, name: red.title }).waitFor();
    await page.getByLabel('Value').fill('96');
    await page.getByText('Status if saved: GREEN').waitFor();
    await page.getByRole('button', { name: /^(Save|Amend)$/ }).click();
    await page.getByText(`Saved ${red.title}`, { exact: false }).waitFor();

    await page.goto(`${web.app}close/${quarter}`);
    await page.getByRole('heading', { level: 1, name: '2017-18 Q4 is closed' }).waitFor();
    const previewed = answered(page, 'GET', `/reports/${quarter}/reissue-preview`);
    await page.getByRole('link', { name: 'Reissue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reissue 2017-18 Q4' }).waitFor();
    const preview = await answerOf(previewed);
    await expect(
      page.getByRole('row', { name: new RegExp(red.title.replace(/[%]/g, '.')) }).textContent(),
    ).resolves.toMatch(/80.*96/);
    await expectConfirmationSays(page, preview);
    const answer = await confirm(page, 'Reissue', '2017-18 Q4 is reissued', `/reports/${quarter}/reissue`, preview);
    expect(answer.email.subject).toMatch(/^Reissued: Corporate Improvement Plan 2017-18 Q4: overall /);

    // The amendment took the RED off: one critical item fewer than the close.
    const truth = jsonFacts(answer);
    expect(truth.criticalItems.map((c) => c.title)).not.toContain(red.title);
    expect(truth.criticalItems).toHaveLength(closed.truth.criticalItems.length - 1);
    expect(truth.measures.RED).toBe(closed.truth.measures.RED - 1);
    expect(truth.measures.GREEN).toBe(closed.truth.measures.GREEN + 1);
    await expectEveryOutputSays(answer, answer.email.subject, page);
    // The close's email and the reissue's, once each.
    const subjects = (await web.stack.emails()).map((e) => e.subject);
    expect(subjects.filter((s) => s === closed.answer.email.subject)).toHaveLength(1);
    expect(subjects.filter((s) => s === answer.email.subject)).toHaveLength(1);
  });

  it('after the close EMT and an officer land on 2017-18 Q4, and NO DATA shows only where no result counts', async () => {
    const report = await apiReport();
    expect(report.closed).toBe(true);
    const noData = report.measures.filter((m) => m.status === 'no-data');
    // NO DATA only where the quarter has no result at all (every version counts at a close
    // with unsignedAtClose count-flagged).
    for (const m of noData) {
      const res = await web.stack.call('GET', `/measures/${m.id}/results/${quarter}/history`, { token: adminToken });
      const versions = res.status === 404 ? [] : ((await res.json()) as { versions: unknown[] }).versions;
      expect(versions, m.id).toEqual([]);
    }

    const emt = await web.open();
    await signInAs(emt.page, 'emt');
    await emt.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await expect(emt.page.locator('.govuk-caption-l').textContent()).resolves.toBe('2017-18 Q4 (closed)');
    await expect(emt.page.getByLabel('Quarter').inputValue()).resolves.toBe(quarter);
    const rows = emt.page.getByRole('table', { name: 'Measures' }).locator('tbody tr');
    await rows.first().waitFor();
    const shownNoData: string[] = [];
    for (const row of await rows.all()) {
      const text = (await row.textContent()) ?? '';
      if (text.includes('NO DATA') || text.includes('No result'))
        shownNoData.push(((await row.getByRole('link').first().textContent()) ?? '').trim());
    }
    expect(shownNoData.sort()).toEqual(noData.map((m) => m.title).sort());

    const officer = await web.open();
    await signInAs(officer.page, 'officer', 'Place');
    await officer.page.getByRole('heading', { level: 1, name: 'Your returns' }).waitFor();
    await expect(officer.page.getByLabel('Quarter').inputValue()).resolves.toBe(quarter);
    const notStarted = (await officer.page.getByRole('row').filter({ hasText: 'Not started' }).all()).length;
    expect(notStarted).toBe(noData.filter((m) => m.ownerDirectorate === 'Place').length);

    const everyone = [...Object.values(sessions), emt, officer];
    expect(everyone.flatMap((s) => s?.errors ?? [])).toEqual([]);
  });
});
