import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DefinitionVersion } from '../../web/src/api';
import { changesOf, targetChanges } from '../../web/src/definition-changes';
import { readPages } from '../../web/src/paging';
import { periodChoiceLabel, quartersOf, targetPeriodsOf, yearNow, yearsAround } from '../../web/src/period-choices';

// The editors' period pickers, the definition history's words and the lists' paging
// (web/src/period-choices.ts, definition-changes.ts, paging.ts).

describe('the period pickers', () => {
  const may2018 = new Date('2018-05-10T12:00:00Z');

  it('knows the financial year under way in London', () => {
    expect(yearNow(may2018)).toBe('2018-19');
    expect(yearNow(new Date('2019-03-31T22:30:00Z'))).toBe('2018-19');
    // 23:30 UTC on 31 March 2019 is already 1 April in London (BST).
    expect(yearNow(new Date('2019-03-31T23:30:00Z'))).toBe('2019-20');
  });

  it('offers the years in use, each next year, and the year under way and the next, oldest first', () => {
    expect(yearsAround(['2016-17-Q4', '2017-18'], may2018)).toEqual(['2016-17', '2017-18', '2018-19', '2019-20']);
    expect(yearsAround([], may2018)).toEqual(['2018-19', '2019-20']);
    expect(yearsAround(['2099-00'], may2018)).toContain('2100-01');
  });

  it('always offers the year under way, never a year twice, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2000, max: 2090 }), { maxLength: 6 }), (starts) => {
        const years = yearsAround(
          starts.map((y) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`),
          may2018,
        );
        expect(years).toContain('2018-19');
        expect(new Set(years).size).toBe(years.length);
        expect([...years].sort()).toEqual(years);
      }),
    );
  });

  it("offers each year's quarters, then the year itself, for a target", () => {
    expect(quartersOf(['2017-18'])).toEqual(['2017-18-Q1', '2017-18-Q2', '2017-18-Q3', '2017-18-Q4']);
    expect(targetPeriodsOf(['2017-18']).at(-1)).toBe('2017-18');
    expect(periodChoiceLabel('2017-18')).toBe('2017-18 (whole year)');
    expect(periodChoiceLabel('2017-18-Q4')).toBe('2017-18 Q4');
  });
});

describe('the definition history in words', () => {
  const version = (n: number, changed: string[], definition: Record<string, unknown>) =>
    ({ version: n, at: null, by: null, changed, definition }) as unknown as DefinitionVersion;

  it('says what each version changed: created, then fields and targets in words', () => {
    const versions = [
      version(1, [], { title: 'A', targets: { '2017-18-Q4': 100 } }),
      version(2, ['title', 'targets'], { title: 'B', targets: { '2017-18-Q4': 110, '2018-19': { min: 1, max: 2 } } }),
      version(3, ['retiredFrom', 'tolerancePercent'], { title: 'B', retiredFrom: '2018-19-Q1' }),
    ];
    expect(changesOf(versions)).toEqual([
      ['Created'],
      ['Title', 'Targets: 2017-18 Q4: 100 → 110; 2018-19 (whole year): none → 1 to 2'],
      ['Retired from 2018-19 Q1', 'Amber tolerance (%)'],
    ]);
  });

  it('lists no target that did not change', () => {
    expect(targetChanges({ '2017-18-Q4': 1 }, { '2017-18-Q4': 1 })).toEqual([]);
  });
});

describe('readPages', () => {
  const page = (n: number, next: string | null) =>
    Promise.resolve({ ok: true as const, status: 200, data: { n, next }, etag: null });

  it('follows next up to the number of pages, and says when there are more', async () => {
    const asked: (string | undefined)[] = [];
    const load = (next?: string) => {
      asked.push(next);
      return page(asked.length, `p${asked.length + 1}`);
    };
    const read = await readPages(load, 2);
    expect(asked).toEqual([undefined, 'p2']);
    expect(read).toMatchObject({ ok: true, data: { more: true, pages: [{ n: 1 }, { n: 2 }] } });
    await expect(readPages(() => page(1, null), 2)).resolves.toMatchObject({ data: { more: false } });
  });

  it('answers the first refusal', async () => {
    const refused = { ok: false as const, status: 403, problem: { status: 403, detail: 'no' } };
    await expect(readPages(() => Promise.resolve(refused), 2)).resolves.toBe(refused);
  });
});
