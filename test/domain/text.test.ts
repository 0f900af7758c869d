import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isShowable, isXmlText, plainText, withoutNonXml, withoutNonXmlDeep } from '../../lambdas/domain/text';

// The oracle: XML 1.0's Char production, code point by code point (a lone surrogate is
// its own code point in a JavaScript string's iteration).
const isXmlChar = (c: number) =>
  c === 0x9 ||
  c === 0xa ||
  c === 0xd ||
  (c >= 0x20 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd) ||
  (c >= 0x10000 && c <= 0x10ffff);
const oracle = (s: string) => [...s].every((ch) => isXmlChar(ch.codePointAt(0)!));

// Strings of any UTF-16 code units (so lone and reversed surrogates too), and of any code points.
const units = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) });
const codePoints = fc.string({ unit: 'binary' });
const anyText = fc.oneof(units, codePoints);

describe('the one text rule (XML 1.0 characters)', () => {
  it.each([
    ['plain text', 'On track: 85% (target 80%).', true],
    ['tab, LF and CR', 'a\tb\nc\r\nd', true],
    ['Welsh and emoji (a surrogate pair)', 'Cyngor Sir Ddinbych 👍', true],
    ['U+D7FF, U+E000, U+FFFD, U+10FFFF', '\ud7ff\ue000\ufffd\u{10ffff}', true],
    ['NUL', 'ctl\u0000nul', false],
    ['SOH', '\u0001', false],
    ['vertical tab', 'a\u000bb', false],
    ['form feed', '\f', false],
    ['U+FFFE', 'end\ufffe', false],
    ['U+FFFF', '\uffff', false],
    ['a lone high surrogate', 'a\ud800b', false],
    ['a lone low surrogate', '\udc00', false],
    ['a reversed pair', '\udc00\ud800', false],
  ])('%s → %s', (_what, text, ok) => {
    expect(isXmlText(text)).toBe(ok);
    expect(oracle(text)).toBe(ok);
  });

  it('agrees with the XML 1.0 Char production on any string', () => {
    fc.assert(fc.property(anyText, (s) => isXmlText(s) === oracle(s)));
  });

  it('withoutNonXml keeps exactly the XML characters, in order, and changes nothing that passes', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const kept = withoutNonXml(s);
        expect(isXmlText(kept)).toBe(true);
        expect(kept).toBe([...s].filter((ch) => isXmlChar(ch.codePointAt(0)!)).join(''));
        if (isXmlText(s)) expect(kept).toBe(s);
      }),
    );
  });

  it('withoutNonXmlDeep cleans every string and key of arrays and plain objects, and leaves other values alone', () => {
    const date = new Date(0);
    const buffer = Buffer.from('\u0000');
    const cleaned = withoutNonXmlDeep({
      ['k\u0000ey']: ['a\ufffeb', 1, null, true, { c: 'x\ud800' }],
      date,
      buffer,
      n: 2,
    });
    expect(cleaned).toEqual({ key: ['ab', 1, null, true, { c: 'x' }], date, buffer, n: 2 });
    expect(cleaned.date).toBe(date);
    expect(cleaned.buffer).toBe(buffer);
  });

  it('plainText refuses what XML cannot hold, naming the field', () => {
    const schema = z.strictObject({ commentary: z.optional(plainText(4000)) });
    expect(schema.safeParse({ commentary: 'fine\n' }).success).toBe(true);
    const refused = schema.safeParse({ commentary: 'ctl\u0000nul\u0001soh\u000bvt\ufffeend' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path)).toEqual([['commentary']]);
  });
});

describe('isShowable: what a message may echo back', () => {
  it('plain short text is shown; control characters, replacement boxes and long text are not', () => {
    expect(isShowable('measureId,period,value')).toBe(true);
    expect(isShowable('Café ‘quoted’')).toBe(true);
    expect(isShowable('\u0001\u0002PK')).toBe(false);
    expect(isShowable('\ufffd\ufffd')).toBe(false);
    expect(isShowable('x'.repeat(101))).toBe(false);
  });

  it('never passes a character outside XML text', () => {
    fc.assert(fc.property(anyText, (s) => !isShowable(s) || oracle(s)));
  });
});
