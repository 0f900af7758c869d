import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../lambdas/store/client';
import { startTestStack, type TestStack } from '../support/local-stack';
import { reliabilitySection } from '../support/reliability-report';
import { awsError, intercept } from '../support/sdk-faults';
import { forgedTokens } from './tokens';

// Log hygiene: everything this file's handlers log (Powertools at DEBUG, which is what
// each invocation resets to, so it is set before the logger exists) and everything else
// written to stdout/stderr is captured, and no token, secret, request body or email body
// may appear in it.

const secrets = vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
  // A secret the AWS SDK clients sign with (the stack keeps a key that is already set).
  const aws = `secret-${Math.random().toString(36).slice(2)}${Date.now()}`;
  const previous = process.env.AWS_SECRET_ACCESS_KEY;
  process.env.AWS_SECRET_ACCESS_KEY = aws;
  return { aws, previous };
});

const report = reliabilitySection('logs', 'Log hygiene', 5);

const captured: string[] = [];
const originals = { out: process.stdout.write, err: process.stderr.write };
function capture(stream: NodeJS.WriteStream) {
  // Collected, not passed on: DEBUG logs of a whole run would swamp the test output.
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof stream.write;
}

let t: TestStack;
const tokens = { admin: '', emt: '', officer: '', otherOfficer: '' };

beforeAll(async () => {
  capture(process.stdout);
  capture(process.stderr);
  t = await startTestStack({ throttleRate: 1e6, throttleBurst: 1e6 });
  tokens.admin = await t.token('admin');
  tokens.emt = await t.token('emt');
  tokens.officer = await t.token('officer', 'Place');
  tokens.otherOfficer = await t.token('officer', 'People');
});
afterAll(async () => {
  process.stdout.write = originals.out;
  process.stderr.write = originals.err;
  report.write();
  await t?.stop();
  if (secrets.previous === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
  else process.env.AWS_SECRET_ACCESS_KEY = secrets.previous;
});

describe('log hygiene', () => {
  it('never logs a token, a secret, a request body or an email body, through requests, refusals, a fault and a close', async () => {
    const marker = `MARKER-${randomUUID()}`;
    const password = `hunter2-${randomUUID()}`;
    const forged = await forgedTokens(t.stack.keys, tokens.officer);
    const quarter = '2017-18-Q4';
    const measure = {
      plan: 'cip',
      programme: 'Developing the economy',
      title: 'Planning applications determined in time (%)',
      unit: '%',
      polarity: 'higher',
      frequency: 'quarterly',
      directorates: ['Place'],
      ownerDirectorate: 'Place',
      targets: { '2017-18': 80 },
    };
    expect((await t.call('PUT', '/measures/planning', { token: tokens.admin, body: measure })).status).toBe(201);
    // A red result with commentary, and a remedial action whose text goes into the email.
    expect(
      (
        await t.call('PUT', `/measures/planning/results/${quarter}`, {
          token: tokens.officer,
          body: { value: 10, commentary: `Commentary ${marker}` },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await t.call('PUT', `/reports/${quarter}/critical-items/planning/remedial-action`, {
          token: tokens.emt,
          body: { text: `Remedial ${marker}`, owner: 'Head of Planning' },
        })
      ).status,
    ).toBe(200);
    // Refusals of every kind, carrying the secrets in their bodies and headers.
    await t.call('PUT', '/settings', { token: tokens.admin, body: { reportTitle: 'x', password } });
    await t.call('PUT', `/measures/planning/results/${quarter}`, {
      token: tokens.otherOfficer,
      body: { value: 1, commentary: marker },
    });
    await t.call('PUT', `/measures/planning/results/${quarter}`, {
      token: tokens.admin,
      body: `{"value": 1, "commentary": "${marker}"`,
    });
    await t.call('PUT', `/measures/planning/results/${quarter}`, {
      token: tokens.admin,
      body: { value: 1, commentary: marker, password },
      headers: { 'if-match': '"99"' },
    });
    for (const token of Object.values(forged)) await t.call('GET', '/measures', { token });
    await t.call('POST', '/imports/results', {
      token: tokens.officer,
      body: `measureId,period,value,commentary\nplanning,2017-18-Q3,x,${marker}\n`,
      headers: { 'content-type': 'text/csv' },
    });
    // A DynamoDB fault (503) and an unexpected error (500), whose error logs must not carry the request either.
    const removeThrottle = intercept(db(), {
      fault: (c) => {
        if (c.commandName === 'UpdateItemCommand') throw awsError('ProvisionedThroughputExceededException', 400);
      },
    });
    const throttled = await t.call('PUT', `/measures/planning/results/2017-18-Q3`, {
      token: tokens.officer,
      body: { value: 90, commentary: marker },
    });
    removeThrottle();
    expect(throttled.status).toBe(503);
    const removeBoom = intercept(db(), {
      fault: (c) => {
        if (c.commandName === 'UpdateItemCommand') throw new Error(`unexpected failure`);
      },
    });
    const failed = await t.call('PUT', `/measures/planning/results/2017-18-Q3`, {
      token: tokens.officer,
      body: { value: 90, commentary: marker },
    });
    removeBoom();
    expect(failed.status).toBe(500);
    // The close that sends the email.
    const closed = await t.call('POST', `/reports/${quarter}/close`, { token: tokens.admin });
    expect(closed.status).toBe(200);
    const email = (await t.emails()).find((e) => e.subject.includes('2017-18 Q4'))?.body;

    const logs = captured.join('');
    // The capture saw the handlers' structured logs at DEBUG, including the close's and the errors.
    expect(logs).toContain('"message":"request done"');
    expect(logs).toContain('"message":"email sent"');
    expect(logs).toContain('"message":"dependency throttled or unavailable"');
    expect(logs).toContain('"message":"unhandled error"');
    expect(email?.html).toContain(marker);
    expect(email?.text).toContain(marker);
    const checked: Record<string, string> = {
      ...Object.fromEntries(Object.entries(tokens).map(([k, v]) => [`${k} token`, v])),
      ...Object.fromEntries(Object.entries(tokens).map(([k, v]) => [`${k} token signature`, v.split('.')[2]!])),
      ...Object.fromEntries(Object.entries(forged).map(([k, v]) => [`forged token: ${k}`, v])),
      'AWS secret access key': secrets.aws,
      'a password in a request body': password,
      'text from request bodies and the email (commentary, remedial action)': marker,
      'the email HTML body': email!.html!,
      'the email text body': email!.text!,
    };
    for (const line of email!.text!.split('\n').filter((l) => l.trim().length >= 40))
      checked[`an email line: ${line.slice(0, 30)}…`] = line.trim();
    for (const [what, secret] of Object.entries(checked))
      expect(logs.includes(secret), `${what} appears in the logs`).toBe(false);
    report.row({
      case: `everything written to stdout/stderr (Powertools at DEBUG) over valid, forged and refused requests, a 503, a 500 and a close that emails`,
      count: Object.keys(checked).length,
      held: `none of ${Object.keys(checked).length} secrets in ${captured.length} log writes: tokens and signatures, the AWS secret key, a password, request-body text, the email's HTML, text and every line of it`,
    });
  });
});
