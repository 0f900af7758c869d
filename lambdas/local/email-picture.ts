import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { signLocalToken } from './jwt';
import { startLocalStack } from './stack';

// `npm run docs:email-picture`: close the sample plan's 2017-18-Q4 in a throwaway
// in-memory stack and render the EMT email's HTML with headless Chromium into
// docs/quarter-close-email.png, the picture the README shows.
const work = mkdtempSync(join(tmpdir(), 'ragtime-picture-'));
const stack = await startLocalStack({ dataDir: work, memory: true, port: 0, sesPort: 0, dynamodbPort: 0, seed: true });
try {
  const token = await signLocalToken(stack.keys, { role: 'admin' });
  const res = await fetch(`${stack.apiUrl}/reports/2017-18-Q4/close`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`close answered ${res.status}`);
  const store = (await (await fetch(`${stack.sesUrl}/store`)).json()) as {
    emails: { subject: string; body: { html: string } }[];
  };
  const email = store.emails.at(-1)!;
  const page = join(work, 'email.html');
  writeFileSync(page, email.body.html);
  const out = resolve('docs/quarter-close-email.png');
  execFileSync(
    process.env.CHROMIUM ?? '/usr/bin/chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${join(work, 'profile')}`,
      '--hide-scrollbars',
      '--window-size=1000,1900',
      `--screenshot=${out}`,
      `file://${page}`,
    ],
    { stdio: 'ignore' },
  );
  console.log(`${email.subject}\n→ ${out}`);
} finally {
  await stack.stop();
  rmSync(work, { recursive: true, force: true });
}
