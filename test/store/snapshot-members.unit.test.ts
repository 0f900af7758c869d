import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonMembers } from '../../lambdas/store/quarter';

// The close compresses its snapshot's report while it makes the input's JSON
// (store/quarter.ts writeSnapshotChunks): joined, the members' texts are JSON.stringify's,
// so a closed report reads back exactly what was frozen.
describe('jsonMembers', () => {
  const value = fc.dictionary(
    fc.string(),
    fc.oneof(
      fc.jsonValue(),
      fc.constant(undefined),
      fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.dictionary(fc.string(), fc.jsonValue()))),
      fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.constant(undefined))),
      fc.constant(() => 0),
    ),
  );

  it('joins to JSON.stringify of plain data, undefined and function members included', () =>
    fc.assert(
      fc.property(value, (v) => {
        expect([...jsonMembers(v)].join('')).toBe(JSON.stringify(v));
      }),
    ));

  it('keeps what stringifies itself (a date), keys that are numbers and the order of keys', () => {
    const v = {
      b: { at: new Date(0), 2: 'two', 1: [1, undefined, () => 0] },
      a: new Date(1),
      3: 'x',
      __proto__x: null,
    };
    expect([...jsonMembers(v)].join('')).toBe(JSON.stringify(v));
  });

  it('gives each member its own text', () => {
    expect([...jsonMembers({ report: { measures: [1, 2] }, gone: undefined, input: [3] })]).toEqual([
      '{"report":',
      '{"measures":[1,2]}',
      ',"input":',
      '[3]',
      '}',
    ]);
    expect([...jsonMembers({ gone: undefined })]).toEqual(['{}']);
  });
});
