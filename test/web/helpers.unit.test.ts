import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../web/src/decimal';
import { together } from '../../web/src/hooks/use-data';
import { pointerSegment } from '../../web/src/json-pointer';

// parseDecimal (web/src/decimal.ts): what the result form and the measure editor read from a typed value.
describe('parseDecimal', () => {
  it('reads decimals as people type them', () => {
    expect(parseDecimal('85.5')).toBe(85.5);
    expect(parseDecimal(' -3 ')).toBe(-3);
    expect(parseDecimal('+7')).toBe(7);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('12.')).toBe(12);
    expect(parseDecimal('1,200.5')).toBe(1200.5);
  });

  it('refuses what is not a number', () => {
    for (const text of ['', ' ', 'abc', '1.2.3', '1e5', '--1', '12 %', 'NaN', 'Infinity', '.']) {
      expect(parseDecimal(text)).toBeNull();
    }
  });

  it('reads back any finite number written in plain decimal notation', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), (n) => {
        const text = n.toFixed(6);
        expect(parseDecimal(text)).toBeCloseTo(Number(text), 6);
      }),
    );
  });
});

describe('together', () => {
  it("answers every request's data, or the first that failed", async () => {
    const ok = <T>(data: T) => Promise.resolve({ ok: true as const, status: 200, data, etag: null });
    const no = (status: number) =>
      Promise.resolve({ ok: false as const, status, problem: { status, detail: `failed ${status}` } });
    await expect(together(ok(1), ok('a'))).resolves.toMatchObject({ ok: true, data: [1, 'a'] });
    await expect(together(ok(1), no(404), no(500))).resolves.toMatchObject({ ok: false, status: 404 });
  });
});

describe('pointerSegment', () => {
  it('decodes a JSON Pointer segment (RFC 6901), ~1 before ~0', () => {
    expect(pointerSegment('Adults~1Children')).toBe('Adults/Children');
    expect(pointerSegment('a~0b')).toBe('a~b');
    expect(pointerSegment('~01')).toBe('~1');
    expect(pointerSegment('plain')).toBe('plain');
  });
});
