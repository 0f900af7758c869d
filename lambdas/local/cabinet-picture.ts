import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeQuarter } from '../services/close';
import { signLocalToken } from './jwt';
import { sampleReportSettings } from './sample-report-settings';
import { startLocalStack } from './stack';

// `npm run docs:cabinet-picture`: close the sample plan's 2017-18-Q4 in a throwaway
// in-memory stack, fetch its Word draft (GET /reports/2017-18-Q4?format=docx) and render
// the first page with LibreOffice (headless) and poppler into
// docs/cabinet-report-first-page.png, the picture the README shows. Needs
// `apt-get install libreoffice-writer-nogui poppler-utils`; not part of npm test.
// The sample plan is first given the seed report's Cabinet frame and its Welsh names
// (sample-report-settings.ts). `-- --languages cy+en` also sets reportLanguages and writes
// docs/cabinet-report-first-page-cy-en.png: the bilingual draft's first page.
const languages = process.argv.includes('--languages') ? process.argv[process.argv.indexOf('--languages') + 1] : 'en';
if (languages !== 'en' && languages !== 'cy' && languages !== 'cy+en') throw new Error('--languages: en, cy or cy+en');
const work = mkdtempSync(join(tmpdir(), 'ragtime-cabinet-'));
const stack = await startLocalStack({ dataDir: work, memory: true, port: 0, sesPort: 0, dynamodbPort: 0, seed: true });
try {
  const token = await signLocalToken(stack.keys, { role: 'admin' });
  const headers = { authorization: `Bearer ${token}` };
  // Read-modify-write: what GET answers beside the settings (version, who, when) PUT ignores.
  const current = await fetch(`${stack.apiUrl}/settings`, { headers });
  const put = await fetch(`${stack.apiUrl}/settings`, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/json', 'if-match': current.headers.get('etag') ?? '' },
    body: JSON.stringify({ ...(await current.json()), ...sampleReportSettings, reportLanguages: languages }),
  });
  if (!put.ok) throw new Error(`PUT /settings answered ${put.status}: ${await put.text()}`);
  // Closed as the schedule would have closed it (07:00 on 10 April 2018), so the draft's dates read true.
  await closeQuarter('2017-18-Q4', { now: new Date('2018-04-10T06:00:00Z') });
  const res = await fetch(`${stack.apiUrl}/reports/2017-18-Q4?format=docx`, { headers });
  if (!res.ok) throw new Error(`GET ?format=docx answered ${res.status}`);
  const docx = join(work, 'ragtime-2017-18-Q4.docx');
  writeFileSync(docx, Buffer.from(await res.arrayBuffer()));
  // LibreOffice keeps its profile in HOME: a throwaway one leaves the user's alone.
  execFileSync(
    process.env.SOFFICE ?? 'soffice',
    [
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      docx,
    ],
    { stdio: 'ignore', timeout: 180_000 },
  );
  const page = join(work, 'first-page');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '110',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    join(work, 'ragtime-2017-18-Q4.pdf'),
    page,
  ]);
  const out = resolve(
    languages === 'en'
      ? 'docs/cabinet-report-first-page.png'
      : `docs/cabinet-report-first-page-${languages.replace('+', '-')}.png`,
  );
  copyFileSync(`${page}.png`, out);
  if (process.argv.includes('--keep')) copyFileSync(docx, resolve('ragtime-2017-18-Q4.docx'));
  console.log(`first page of the 2017-18 Q4 Word draft → ${out}`);
} finally {
  await stack.stop();
  rmSync(work, { recursive: true, force: true });
}
