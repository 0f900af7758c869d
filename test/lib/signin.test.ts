// `npm run signin` (bin/signin.ts) signs in with SRP and asks for the password: it has
// no way to take one on the command line, where shell history would keep it.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const signin = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'bin/signin.ts', ...args], {
    input: '',
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('npm run signin', () => {
  it('refuses a password argument, printing nothing on stdout', () => {
    const run = signin(
      '--user-pool-id',
      'eu-west-2_x',
      '--client-id',
      'c',
      '--username',
      'u@example.gov.uk',
      '--password',
      'Secret-123456',
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Unknown option '--password'");
    expect(run.stdout).toBe('');
  });
});
