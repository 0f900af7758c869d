import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { regExpLiteral } from '../../lambdas/domain/reg-exp';
import { sampleReportSettings } from '../../lambdas/local/sample-report-settings';
import { sesClient } from '../../lambdas/mail/ses';
import { cy } from '../../web/src/i18n/cy';
import { en } from '../../web/src/i18n/en';
import { axeViolations } from '../support/browser';
import { awsError, intercept } from '../support/sdk-faults';
import { useWebApp } from '../support/web-app';

// EMT's dashboard and the close pages in Welsh (issue #27, SPEC §17, docs/cymraeg.md): with
// Cymraeg chosen at the header, the overall status, the summary sentences, the stacked bars
// and their table, the critical items, planned work, measures, the filters and their
// "nothing matches" words are Welsh; no English string of the dashboard's catalogue shows
// (the plan's own words without a Welsh version excepted, marked lang="en"); axe finds
// nothing. The close's email states (being sent, failed, sent) are Welsh too.
const web = useWebApp({ seed: true });
let emt: string;
let admin: string;

interface ReportBody {
  overall: string;
  summary: { sentences: string[]; sentencesCy?: string[] };
  programmes: { name: string }[];
  directorates: { name: string }[];
  measures: { title: string; titleCy?: string; programme: string; ownerDirectorate: string }[];
  actions: { title: string; titleCy?: string; programme: string; ownerDirectorate: string }[];
  criticalItems: {
    title: string;
    titleCy?: string;
    issue: string;
    issueCy?: string;
    programme: string;
    ownerDirectorate: string;
    remedialAction: { text: string; owner?: string } | null;
  }[];
}

beforeAll(async () => {
  emt = await web.stack.token('emt');
  admin = await web.stack.token('admin');
});

async function report(): Promise<ReportBody> {
  const res = await web.stack.call('GET', '/reports/2017-18-Q4', { token: emt });
  expect(res.status).toBe(200);
  return (await res.json()) as ReportBody;
}

/** The plan's own words (titles, names, issues, remedial actions): user data, not interface. */
async function userData(r: ReportBody): Promise<string[]> {
  const settings = (await (await web.stack.call('GET', '/settings', { token: admin })).json()) as {
    planNames: Record<string, string>;
  };
  const words = [
    ...Object.values(settings.planNames),
    ...r.programmes.map((p) => p.name),
    ...r.directorates.map((d) => d.name),
    ...[...r.measures, ...r.actions, ...r.criticalItems].flatMap((x) => [x.title, x.programme, x.ownerDirectorate]),
    ...r.criticalItems.flatMap((i) => [i.issue, i.remedialAction?.text ?? '', i.remedialAction?.owner ?? '']),
  ];
  return [...new Set(words.filter((w) => w.length > 0))].sort((a, b) => b.length - a.length);
}

/** Every string of a catalogue section, as the literal parts between its {placeholders}. */
function literals(value: unknown): string[] {
  if (typeof value === 'string')
    return value
      .split(/\{\w+\}/)
      .map((part) => part.trim())
      .filter((part) => part.length >= 2);
  return Object.values(value as Record<string, unknown>).flatMap(literals);
}

/** The dashboard's English interface strings that differ from the Welsh (the same word in both, like "JSON", is no sign of English). */
const englishOnly = (() => {
  const welsh = literals(cy.dashboard).join('\n');
  return [...new Set([...literals(en.dashboard), en.criticalItem.remedialActionNeeded])].filter(
    (s) => !welsh.includes(s),
  );
})();

/** The English interface strings found in <main>'s visible text, once the plan's own words are taken out. */
async function englishIn(page: Page, data: string[]): Promise<string[]> {
  // Visible text, with the breaks between blocks (textContent runs words of two cells together).
  // biome-ignore lint/performance/useDomNodeTextContent: the text as shown is what is checked
  let text = await page.locator('main').innerText();
  for (const d of data) text = text.split(d).join(' ');
  return englishOnly.filter((s) => new RegExp(`(^|[^\\p{L}])${regExpLiteral(s)}($|[^\\p{L}])`, 'u').test(text));
}

/**
 * Signed in, then Cymraeg chosen at the header. The choice is remembered for the person, so
 * after the first test the header is Welsh already (signInAs waits for the English).
 */
async function signInInWelsh(page: Page, role: 'emt' | 'admin') {
  await page.goto('./');
  // The sign-in page itself may be Welsh already (the language this browser last chose).
  await page.getByRole('heading', { level: 1, name: /^(Sign in|Mewngofnodi)$/ }).waitFor();
  await page.getByLabel(/^(Role|Rôl)$/).selectOption(role);
  await page.getByRole('button', { name: /^(Sign in|Mewngofnodi)$/ }).click();
  await page.getByRole('button', { name: /^(Sign out|Allgofnodi)$/ }).waitFor();
  const switcher = page.locator('.app-language-switch');
  if ((await switcher.getByRole('button', { name: 'Cymraeg' }).count()) > 0)
    await switcher.getByRole('button', { name: 'Cymraeg' }).click();
  await page.getByRole('button', { name: 'Allgofnodi' }).waitFor();
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('cy');
}

describe('the dashboard in Cymraeg', () => {
  it('EMT switches to Cymraeg: the status, sentences, bars, tables and filters are Welsh, no English interface string shows, axe finds nothing', async () => {
    const r = await report();
    expect(r.summary.sentencesCy?.length).toBeGreaterThan(0);
    const { page, errors } = await web.open();
    await signInInWelsh(page, 'emt');
    await page.getByRole('heading', { level: 1, name: 'Dangosfwrdd' }).waitFor();
    await expect.poll(() => page.title()).toContain('Dangosfwrdd');
    await expect(page.locator('.govuk-caption-l').textContent()).resolves.toMatch(/^2017-18 Ch4 /);
    await expect(page.locator('#overall').textContent()).resolves.toBe(
      `Statws cyffredinol: ${r.overall === 'amber' ? 'AMBR' : r.overall}`,
    );
    for (const sentence of r.summary.sentencesCy!) await page.getByText(sentence).waitFor();
    for (const heading of [
      'Mesurau fesul rhaglen',
      'Mesurau fesul cyfarwyddiaeth',
      'Eitemau critigol',
      'Gwaith a gynlluniwyd',
      'Mesurau',
      'Lawrlwytho’r adroddiad',
    ])
      await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
    // The bars' labels and the table behind them.
    const label = (await page.locator('.app-bars__label').first().textContent())!;
    expect(label).toMatch(/^\d+ (GWYRDD|AMBR|COCH|DIM DATA)$/);
    const programmes = page.getByRole('table', { name: 'Rhaglenni' });
    await expect(programmes.locator('thead th').allTextContents()).resolves.toEqual([
      'Rhaglen',
      'Cyffredinol',
      'GWYRDD',
      'AMBR',
      'COCH',
      'DIM DATA',
    ]);
    // The critical items' columns and their Welsh issues; titles without a Welsh version marked English.
    const items = page.getByRole('table', { name: 'Eitemau critigol' });
    await expect(items.locator('thead th').allTextContents()).resolves.toEqual([
      'Eitem',
      'Mater',
      'Camau adferol',
      'Perchennog',
      'Erbyn',
    ]);
    const first = r.criticalItems[0]!;
    expect(first.issueCy).toBeTruthy();
    await items.getByText(first.issueCy!).first().waitFor();
    await expect(items.locator('tbody td:first-child a [lang="en"]').first().textContent()).resolves.toBe(first.title);
    await expect(items.getByText('Angen camau adferol').count()).resolves.toBeGreaterThan(0);
    // Filters in Welsh.
    for (const filter of ['Cynllun', 'Rhaglen', 'Cyfarwyddiaeth', 'Statws', 'Statws BRAG'])
      await page.getByLabel(filter, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Defnyddio’r hidlyddion' }).waitFor();
    await expect(page.locator('#filter-plan option').first().textContent()).resolves.toBe('Y cyfan');
    await expect(page.locator('.app-spark').first().getAttribute('aria-label')).resolves.toMatch(/^Llinell duedd: /);

    expect(await englishIn(page, await userData(r))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);

  it('a filter that matches nothing says so in Welsh in every section', async () => {
    const r = await report();
    const { page, errors } = await web.open();
    await signInInWelsh(page, 'emt');
    await page.goto(`${web.app}dashboard?quarter=2017-18-Q4&directorate=${encodeURIComponent('No such directorate')}`);
    await page.getByRole('heading', { level: 1, name: 'Dangosfwrdd' }).waitFor();
    await expect(page.getByText('Nid oes unrhyw fesurau’n cyfateb i’r hidlyddion hyn.').count()).resolves.toBe(3);
    await page.getByText('Nid oes unrhyw eitemau critigol yn cyfateb i’r hidlyddion hyn.').waitFor();
    await page.getByText('Nid oes unrhyw waith a gynlluniwyd yn cyfateb i’r hidlyddion hyn.').waitFor();
    await page.getByText(`Yn dangos 0 o ${r.measures.length} mesur.`).waitFor();
    expect(await englishIn(page, await userData(r))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('at 320 px in Welsh: the bars’ words are at least 12 px and stay inside the window; nothing scrolls sideways', async () => {
    const { page, errors } = await web.open({ width: 320, height: 900 });
    await signInInWelsh(page, 'emt');
    await page.goto(`${web.app}dashboard?quarter=2017-18-Q4`);
    await page.getByRole('heading', { level: 1, name: 'Dangosfwrdd' }).waitFor();
    const chart = await page.locator('.app-bars text, .app-bars__label').evaluateAll((els) =>
      els.map((e) => {
        const ctm = e instanceof SVGGraphicsElement ? e.getScreenCTM() : null;
        const box = e.getBoundingClientRect();
        return {
          size: Number.parseFloat(getComputedStyle(e).fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1),
          left: box.left,
          right: box.right,
        };
      }),
    );
    expect(chart.length).toBeGreaterThan(10);
    expect(Math.min(...chart.map((c) => c.size))).toBeGreaterThanOrEqual(12);
    const width = await page.evaluate(() => window.innerWidth);
    expect(chart.filter((c) => c.left < 0 || c.right > width)).toEqual([]);
    await expect(page.locator('.app-bars__label', { hasText: 'DIM DATA' }).count()).resolves.toBeGreaterThan(0);
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      main: document.querySelector('main')!.scrollWidth,
    }));
    expect(overflow.page).toBeLessThanOrEqual(width);
    expect(overflow.main).toBeLessThanOrEqual(width);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('Welsh names on the dashboard', () => {
  it('with the sample plan’s Welsh names in the settings, plans, programmes and directorates show in Welsh (filters’ options too); a programme with none stays English, marked lang="en"', async () => {
    const r = await report();
    const before = await web.stack.call('GET', '/settings', { token: admin });
    const { version: _v, by: _b, at: _a, ...current } = await before.json();
    // Every Welsh name of the sample but one programme's, which must then show in English.
    const untranslated = r.programmes[0]!.name;
    const { [untranslated]: _none, ...programmes } = sampleReportSettings.namesCy.programmes as Record<string, string>;
    expect(Object.keys(programmes).length).toBeGreaterThan(0);
    const namesCy = { ...sampleReportSettings.namesCy, programmes };
    const put = await web.stack.call('PUT', '/settings', {
      token: admin,
      body: { ...current, namesCy },
      headers: { 'if-match': before.headers.get('etag')! },
    });
    expect(put.status, await put.clone().text()).toBe(200);
    try {
      const { page, errors } = await web.open();
      await signInInWelsh(page, 'emt');
      await page.goto(`${web.app}dashboard?quarter=2017-18-Q4`);
      await page.getByRole('heading', { level: 1, name: 'Dangosfwrdd' }).waitFor();
      // The element's own language: the nearest lang attribute (the page's is cy).
      const langOf = (name: string, within = page.locator('main')) =>
        within
          .getByText(name, { exact: true })
          .first()
          .evaluate((el) => el.closest('[lang]')?.getAttribute('lang'));
      const byDirectorate = page.getByRole('table', { name: 'Cyfarwyddiaethau' });
      await expect(byDirectorate.locator('tbody th').allTextContents()).resolves.toEqual(
        expect.arrayContaining(['Lle', 'Pobl']),
      );
      await expect(langOf('Lle', byDirectorate)).resolves.toBe('cy');
      const byProgramme = page.getByRole('table', { name: 'Rhaglenni' });
      const [translated, welshName] = Object.entries(programmes).find(([en]) =>
        r.programmes.some((p) => p.name === en),
      )!;
      await expect(langOf(welshName, byProgramme)).resolves.toBe('cy');
      await expect(byProgramme.getByText(translated, { exact: true }).count()).resolves.toBe(0);
      await expect(langOf(untranslated, byProgramme)).resolves.toBe('en');
      // The filters' options: an <option> is named in Welsh (it cannot mark English in it).
      await expect(page.locator('#filter-plan option[value="cip"]').textContent()).resolves.toBe(
        'Cynllun Gwella Corfforaethol',
      );
      await expect(page.locator('#filter-directorate option[value="Place"]').textContent()).resolves.toBe('Lle');
      await expect(page.locator(`#filter-programme option[value="${translated}"]`).textContent()).resolves.toBe(
        welshName,
      );
      // The measures' and planned work's directorate cells.
      const cells = await page.locator('td[data-label="Cyfarwyddiaeth"]').allTextContents();
      expect(cells).toContain('Lle');
      expect(cells).not.toContain('Place');
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      const now = await web.stack.call('GET', '/settings', { token: admin });
      const back = await web.stack.call('PUT', '/settings', {
        token: admin,
        body: current,
        headers: { 'if-match': now.headers.get('etag')! },
      });
      expect(back.status).toBe(200);
    }
  }, 180_000);
});

describe('the close pages in Cymraeg', () => {
  it('an admin closes a quarter early in Welsh: "being sent", then failed with Anfon eto, then sent, all in Welsh', async () => {
    const quarter = '2032-33-Q2';
    const { page, errors } = await web.open();
    await signInInWelsh(page, 'admin');
    // SES refuses every send, so the failed state shows; then it is let through.
    const remove = intercept(sesClient(), {
      fault: (call) => {
        if (call.commandName === 'SendRawEmailCommand')
          throw awsError('MessageRejected', 400, 'Email address is not verified.');
      },
    });
    try {
      await page.goto(`${web.app}close/${quarter}`);
      await page.getByRole('heading', { level: 1, name: 'Cau 2032-33 Ch2' }).waitFor();
      await page.getByText('Gwiriwch beth fydd yn cael ei rewi a phwy fydd yn cael e-bost.').waitFor();
      await page.getByText('Mae’r chwarter hwn yn dod i ben ar 30 Medi 2032. Ei gau’n gynnar?').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Ei gau’n gynnar' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mae 2032-33 Ch2 wedi cau' }).waitFor();
      await page.getByText('Wedi cau. Mae’r e-bost at y TRG yn cael ei anfon.').waitFor();
      await page.getByText('Mae fersiwn 1 o’r adroddiad wedi’i rhewi').waitFor();
      await page
        .getByText(
          'Methodd yr e-bost at y TRG (MessageRejected: Email address is not verified.). Bydd yn cael ei roi ar brawf eto ohono’i hun.',
        )
        .or(
          page.getByText(
            'Methodd yr e-bost at y TRG (MessageRejected: Email address is not verified.). Ni fydd yn cael ei roi ar brawf eto ohono’i hun.',
          ),
        )
        .waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      remove();
    }
    await page.getByRole('button', { name: 'Anfon eto' }).click();
    await page.getByText(/^Anfonwyd yr e-bost at y TRG ar \d{1,2} [A-Z][a-z]+ \d{4} am \d{2}:\d{2}\.$/).waitFor();
    await page.getByRole('heading', { level: 2, name: 'E-bost wedi’i anfon' }).waitFor();
    await page.getByRole('link', { name: 'Gweld 2032-33 Ch2 ar y dangosfwrdd' }).waitFor();
    const text = await page.locator('main').textContent();
    for (const english of ['The email to EMT', 'is closed', 'Send again', 'The frozen report', 'Download'])
      expect(text ?? '').not.toContain(english);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);
});
