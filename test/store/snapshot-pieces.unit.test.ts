import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../lambdas/store/quarter';

// The close compresses its snapshot's JSON piece by piece while it makes the next piece
// (store/quarter.ts writeSnapshotChunks): joined, the pieces are JSON.stringify's text,
// so a closed report reads back exactly what was frozen.
describe('jsonPieces', () => {
  const value = fc.oneof(
    fc.jsonValue(),
    fc.dictionary(
      fc.string(),
      fc.oneof(
        fc.jsonValue(),
        fc.constant(undefined),
        fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.dictionary(fc.string(), fc.jsonValue()))),
        fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.constant(undefined))),
      ),
    ),
  );

  it('joins to JSON.stringify of plain data, undefined members included', () =>
    fc.assert(
      fc.property(value, (v) => {
        expect([...jsonPieces(v)].join('')).toBe(JSON.stringify(v));
      }),
    ));

  it('keeps what stringifies itself (a date), keys that are numbers and the order of keys', () => {
    const v = { b: { at: new Date(0), 2: 'two', 1: [1, undefined, () => 0] }, a: [new Date(1)], __proto__x: null };
    expect([...jsonPieces(v)].join('')).toBe(JSON.stringify(v));
  });

  it('gives the large members two levels down as pieces of their own', () => {
    const pieces = [...jsonPieces({ report: { measures: [1, 2], summary: 'x' }, input: { results: [3] } })];
    expect(pieces).toContain('[1,2]');
    expect(pieces).toContain('[3]');
  });
});
