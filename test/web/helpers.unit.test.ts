import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterCountMessage, textFieldsOf } from '../../web/src/components/fields';
import { parseDecimal, readValue } from '../../web/src/decimal';
import { together } from '../../web/src/hooks/use-data';
import { cy } from '../../web/src/i18n/cy';
import { pointerSegment } from '../../web/src/json-pointer';

// parseDecimal (web/src/decimal.ts): what the result form and the measure editor read from a typed value.
describe('readValue', () => {
  it("says what is wrong in the domain's words: nothing typed, a decimal comma, not a number, out of range", () => {
    const percent = { unit: '%', valueRange: { min: 0, max: 100 } };
    expect(readValue(' 12.5 ', percent)).toEqual({ value: 12.5 });
    expect(readValue('  ')).toEqual({ empty: true });
    expect(readValue('12,5')).toEqual({ problem: 'Use a full stop for decimals, like 12.5' });
    expect(readValue('ten')).toEqual({ problem: 'Enter the value as a number, like 85.5' });
    expect(readValue('ten', undefined, "Place's value")).toEqual({
      problem: "Enter Place's value as a number, like 85.5",
    });
    // A value outside the possible values names the unit typed in, as the API does.
    expect(readValue('120', percent)).toEqual({ problem: 'Enter a percentage between 0% and 100%' });
    expect(readValue('-5', { unit: 'days', valueRange: { min: 0 } })).toEqual({
      problem: 'Enter a number of days: 0 or more',
    });
    expect(readValue('-5', { unit: '', valueRange: { min: 0 } })).toEqual({ problem: 'Enter a value of 0 or more' });
    expect(readValue('120', percent, undefined, cy.forms.number, 'cy')).toEqual({
      problem: 'Rhowch ganran rhwng 0% a 100%',
    });
  });
});

describe('parseDecimal', () => {
  it('reads decimals as people type them', () => {
    expect(parseDecimal('85.5')).toBe(85.5);
    expect(parseDecimal(' -3 ')).toBe(-3);
    expect(parseDecimal('+7')).toBe(7);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('12.')).toBe(12);
  });

  it('refuses what is not a number, and a decimal comma (never read as 125 or 1200.5)', () => {
    for (const text of ['', ' ', 'abc', '1.2.3', '--1', '12 %', 'NaN', 'Infinity', '.', '12,5', '1,200.5']) {
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

// The character count's words (components/fields.tsx), as GOV.UK's component says them.
describe('characterCountMessage', () => {
  it('counts down to the limit, then counts what is over it', () => {
    expect(characterCountMessage(0, 4000)).toBe('You have 4,000 characters remaining');
    expect(characterCountMessage(3999, 4000)).toBe('You have 1 character remaining');
    expect(characterCountMessage(4000, 4000)).toBe('You have 0 characters remaining');
    expect(characterCountMessage(4001, 4000)).toBe('You have 1 character too many');
    expect(characterCountMessage(5234, 4000)).toBe('You have 1,234 characters too many');
  });
  it('says it in Welsh from the Welsh catalogue', () => {
    expect(characterCountMessage(3999, 4000, cy.admin.fields)).toBe('Mae gennych 1 cymeriad ar ôl');
    expect(characterCountMessage(5234, 4000, cy.admin.fields)).toBe('Mae gennych 1,234 o gymeriadau yn ormod');
  });
});

// textFieldsOf (web/src/components/fields.tsx): a text field's id, value, error and change, from a form held as one object.
describe('textFieldsOf', () => {
  it('gives the key as the id unless one is given, the error for that id, and changes only that key', () => {
    const changes: unknown[] = [];
    const errors: Record<string, string> = { 'value-min': 'Enter a number' };
    const field = textFieldsOf(
      { unit: '%', valueMin: 'x', flag: true },
      (id) => errors[id],
      (patch) => changes.push(patch),
    );
    const unit = field('unit');
    expect([unit.id, unit.value, unit.error]).toEqual(['unit', '%', undefined]);
    const min = field('valueMin', 'value-min');
    expect([min.id, min.value, min.error]).toEqual(['value-min', 'x', 'Enter a number']);
    min.onInput('12.5');
    unit.onInput('days');
    expect(changes).toEqual([{ valueMin: '12.5' }, { unit: 'days' }]);
  });
});
