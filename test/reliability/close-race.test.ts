import type { FinalizeHandlerArguments } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lambdas/store/client';
import { startTestStack, type TestStack } from '../support/local-stack';
import { reliabilitySection } from '../support/reliability-report';

// Writes racing a close (docs/storage.md "Writes racing a close"): every write that was
// accepted is either in the snapshot or recorded as an amendment in its history. Before,
// the write's check of the close was an eventually consistent read and its UpdateItem had
// no condition on the quarter: a write that passed the check, then landed after the
// close's read, was neither.

const report = reliabilitySection('close-race', 'Writes racing a close', 3);

let t: TestStack;
let admin: string;
let officer: string;

const measure = (id: string) => ({
  plan: 'cip',
  programme: 'Corporate Measures',
  title: `Race ${id}`,
  unit: '%',
  polarity: 'higher',
  frequency: 'quarterly',
  directorates: ['Place'],
  ownerDirectorate: 'Place',
  targets: { '2017-18': 50 },
});

beforeAll(async () => {
  t = await startTestStack({ throttleRate: 1e6, throttleBurst: 1e6 });
  admin = await t.token('admin');
  officer = await t.token('officer', 'Place');
});
afterAll(async () => {
  report.write();
  await t?.stop();
});

async function define(ids: string[]) {
  for (const id of ids)
    expect((await t.call('PUT', `/measures/${id}`, { token: admin, body: measure(id) })).status).toBe(201);
}

type Accepted = { id: string; version: number; amendment: boolean };
type Amendment = { id: string; frozenVersion: number | null; version: number };

/** Each accepted write is in the snapshot or flagged in its history; returns how many of each. */
async function judge(quarter: string, accepted: Accepted[]) {
  const closed = (await (await t.call('GET', `/reports/${quarter}`, { token: admin })).json()) as {
    closed: boolean;
    amendments: Amendment[];
  };
  expect(closed.closed).toBe(true);
  const counts = { inSnapshot: 0, amendments: 0 };
  for (const write of accepted) {
    const listed = closed.amendments.find((a) => a.id === write.id);
    // A measure without amendments had every version it has frozen.
    const inSnapshot = listed ? write.version <= (listed.frozenVersion ?? 0) : true;
    const res = await t.call('GET', `/measures/${write.id}/results/${quarter}/history`, { token: admin });
    const versions = ((await res.json()) as { versions: { version: number; amendment?: boolean }[] }).versions;
    const flagged = versions[write.version - 1]?.amendment === true;
    expect(inSnapshot || flagged, `${write.id} v${write.version}: neither in the snapshot nor an amendment`).toBe(true);
    // What the write was told agrees with its history.
    expect(write.amendment, `${write.id} v${write.version}: answered amendment ${write.amendment}`).toBe(flagged);
    if (inSnapshot) counts.inSnapshot++;
    else counts.amendments++;
  }
  return counts;
}

/** Holds the result writes' commits (their head UpdateItem) for `quarter` until released. */
function holdCommits(quarter: string) {
  let release!: () => void;
  const released = new Promise<void>((r) => {
    release = r;
  });
  let held = 0;
  const name = `hold-commits-${quarter}`;
  db().middlewareStack.add(
    (next, context) => async (args: FinalizeHandlerArguments<object>) => {
      const input = args.input as { Key?: { pk?: { S?: string }; sk?: { S?: string } } };
      if (
        context.commandName === 'UpdateItemCommand' &&
        input.Key?.pk?.S === `Q#${quarter}` &&
        input.Key?.sk?.S?.startsWith('RESULT#')
      ) {
        held++;
        await released;
      }
      return next(args);
    },
    { step: 'finalizeRequest', name, priority: 'low' },
  );
  return {
    held: () => held,
    release: () => {
      release();
      db().middlewareStack.remove(name);
    },
  };
}

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('a write whose commit lands after the close has read the quarter', () => {
  it('is recorded as an amendment (admin and officer alike), and says so', async () => {
    const quarter = '2017-18-Q1';
    await define(['held-a', 'held-o']);
    const hold = holdCommits(quarter);
    // Both writes pass their checks (the quarter is open) and stop before their commit.
    const writes = [
      t.call('PUT', `/measures/held-a/results/${quarter}`, { token: admin, body: { value: 70 } }),
      t.call('PUT', `/measures/held-o/results/${quarter}`, { token: officer, body: { value: 71 } }),
    ];
    await waitFor(() => hold.held() === 2);
    expect((await t.call('POST', `/reports/${quarter}/close`, { token: admin })).status).toBe(200);
    hold.release();
    const answers = await Promise.all(writes);
    const accepted: Accepted[] = [];
    for (const [i, res] of answers.entries()) {
      expect(res.status).toBe(201);
      const body = (await res.json()) as { version: number; amendment: boolean };
      expect(body.amendment).toBe(true);
      accepted.push({ id: i === 0 ? 'held-a' : 'held-o', version: body.version, amendment: body.amendment });
    }
    expect(await judge(quarter, accepted)).toEqual({ inSnapshot: 0, amendments: 2 });
    report.row({
      case: 'a result write held between its checks and its commit while the quarter closes (admin, officer)',
      count: 2,
      held: 'both recorded as amendments in their history, answered amendment: true, listed under the report’s amendments',
    });
  });
});

describe('writes and a close at once', () => {
  it('every accepted write is in the snapshot or recorded as an amendment', async () => {
    const quarter = '2017-18-Q2';
    const ids = Array.from({ length: 8 }, (_, i) => `race-${i}`);
    await define(ids);
    const accepted: Accepted[] = [];
    let refused = 0;
    const writers = Array.from({ length: 60 }, async (_, i) => {
      await new Promise((r) => setTimeout(r, (i % 20) * 5));
      const id = ids[i % ids.length]!;
      const res = await t.call('PUT', `/measures/${id}/results/${quarter}`, {
        token: i % 2 ? admin : officer,
        body: { value: 60 + i },
      });
      if (res.status === 409) {
        refused++; // an officer after the close: refused, nothing stored
        return;
      }
      expect(res.status).toBeLessThan(300);
      const body = (await res.json()) as { version: number; amendment: boolean };
      accepted.push({ id, version: body.version, amendment: body.amendment });
    });
    const close = (async () => {
      await new Promise((r) => setTimeout(r, 40));
      return t.call('POST', `/reports/${quarter}/close`, { token: admin });
    })();
    await Promise.all(writers);
    expect((await close).status).toBe(200);
    const counts = await judge(quarter, accepted);
    expect(counts.inSnapshot + counts.amendments + refused).toBe(60);
    report.row({
      case: '60 result writes (officers and admins) over 8 measures with a close among them',
      count: 60,
      held: `each accepted write in the snapshot (${counts.inSnapshot}) or an amendment in its history (${counts.amendments}); officers after the close refused (${refused})`,
    });
  });
});
