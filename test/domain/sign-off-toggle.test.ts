import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  approvalCarried,
  countedVersion,
  resultVersions,
  type SignOffMode,
  type SignOffSetting,
} from '../../lambdas/domain/sign-off';
import type { ResultValue } from '../../lambdas/domain/types';

// Sign-off never changes a figure by itself (SPEC §13 "One truth", issue #22 finding 2),
// over random histories of saves, decisions and toggles of the setting. The head is
// kept as the store keeps it: each save carries the replaced version as `approved` when
// it counted as approved in its own right (approvalCarried), a decision to approve sets it.

type Event = { kind: 'save'; value: number } | { kind: 'approve' } | { kind: 'return' } | { kind: 'toggle' };

const event: fc.Arbitrary<Event> = fc.oneof(
  fc.integer({ min: 0, max: 1000 }).map((value) => ({ kind: 'save' as const, value })),
  fc.constant({ kind: 'approve' as const }),
  fc.constant({ kind: 'return' as const }),
  fc.constant({ kind: 'toggle' as const }),
);

const decision = (d: 'approve' | 'return') => ({ decision: d, by: 'approver', at: '2018-04-01T00:00:00Z' });
const mode = (signOff: SignOffSetting): SignOffMode => ({ signOff, unsignedAtClose: 'count-flagged', atClose: false });
const figure = (head: ResultValue | null, setting: SignOffSetting) =>
  head ? (countedVersion(resultVersions(head), mode(setting)).counted?.value ?? null) : null;

function save(head: ResultValue | null, value: number, setting: SignOffSetting): ResultValue {
  const carried = approvalCarried(head as (ResultValue & Record<string, unknown>) | null, ['value', 'commentary']);
  const approved = (carried as ResultValue['approved']) ?? head?.approved;
  return {
    measureId: 'm',
    period: '2017-18-Q4',
    value,
    version: (head?.version ?? 0) + 1,
    ...(setting === 'on' && { submitted: true }),
    ...(approved && { approved }),
  };
}

it('toggling sign-off on or off changes no figure but one whose latest version, saved with sign-off on, awaits a decision or was returned', () => {
  fc.assert(
    fc.property(fc.constantFrom<SignOffSetting>('off', 'on'), fc.array(event, { maxLength: 40 }), (start, events) => {
      let setting = start;
      let head: ResultValue | null = null;
      for (const e of events) {
        const before = figure(head, setting);
        if (e.kind === 'save') {
          head = save(head, e.value, setting);
          // A correction never turns a figure into no data.
          if (before !== null) expect(figure(head, setting)).not.toBeNull();
        } else if (e.kind === 'toggle') {
          setting = setting === 'on' ? 'off' : 'on';
          const after = figure(head, setting);
          const awaiting = !!head?.submitted && head.decision?.decision !== 'approve';
          if (!awaiting) expect(after).toBe(before);
        } else {
          const h = head as ResultValue | null;
          if (h && setting === 'on' && h.submitted && !h.decision)
            head =
              e.kind === 'approve'
                ? { ...h, decision: decision('approve'), approved: { version: h.version, value: h.value } }
                : { ...h, decision: decision('return') };
        }
      }
    }),
    { numRuns: 500 },
  );
});

it('counts a version saved before sign-off as approved once sign-off is on', () => {
  const before = save(null, 42, 'off');
  expect(figure(before, 'on')).toBe(42);
  const correction = save(before, 43, 'on');
  expect(figure(correction, 'on')).toBe(42);
  expect(figure(correction, 'off')).toBe(43);
});
