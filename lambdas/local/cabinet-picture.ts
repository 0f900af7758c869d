import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeQuarter } from '../services/close';
import { signLocalToken } from './jwt';
import { startLocalStack } from './stack';

// `npm run docs:cabinet-picture`: close the sample plan's 2017-18-Q4 in a throwaway
// in-memory stack, fetch its Word draft (GET /reports/2017-18-Q4?format=docx) and render
// the first page with LibreOffice (headless) and poppler into
// docs/cabinet-report-first-page.png, the picture the README shows. Needs
// `apt-get install libreoffice-writer-nogui poppler-utils`; not part of npm test.
const work = mkdtempSync(join(tmpdir(), 'ragtime-cabinet-'));
const stack = await startLocalStack({ dataDir: work, memory: true, port: 0, sesPort: 0, dynamodbPort: 0, seed: true });
try {
  const token = await signLocalToken(stack.keys, { role: 'admin' });
  const headers = { authorization: `Bearer ${token}` };
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
  const out = resolve('docs/cabinet-report-first-page.png');
  copyFileSync(`${page}.png`, out);
  if (process.argv.includes('--keep')) copyFileSync(docx, resolve('ragtime-2017-18-Q4.docx'));
  console.log(`first page of the 2017-18 Q4 Word draft → ${out}`);
} finally {
  await stack.stop();
  rmSync(work, { recursive: true, force: true });
}
