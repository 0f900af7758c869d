import { marshall } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { isStorableNumber } from '../../lambdas/domain/storable-number';

// The rule is exactly what DynamoDB and its marshaller take (docs/rules.md "Numbers").

it('accepts the edges and refuses what lies beyond them', () => {
  for (const x of [0, -0, 1e-130, -1e-130, 9007199254740991, -9007199254740991, 1.5, 1e15])
    expect(isStorableNumber(x), String(x)).toBe(true);
  for (const x of [9007199254740992, 1e16, 1e20, 5e-324, 9.9e-131, Number.NaN, Number.POSITIVE_INFINITY])
    expect(isStorableNumber(x), String(x)).toBe(false);
});

it('accepts only numbers the SDK marshaller stores, as the text DynamoDB takes (under 1e126, at most 38 digits)', () => {
  fc.assert(
    fc.property(fc.double(), (x) => {
      if (!isStorableNumber(x)) return;
      const text = (marshall({ x }).x as { N: string }).N;
      expect(Number(text) === x, text).toBe(true);
    }),
  );
});
