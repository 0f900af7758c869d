import { randomUUID } from 'node:crypto';

// Ids and quarters that belong to one test. Tests share a stack per file but never each
// other's data, so they pass in any order (`npx vitest run --sequence.shuffle`).

/** An id (measure, action, plan slug) no other test uses. */
export const freshId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

// Years from 1950 are real financial years no fixture uses, and (unlike 2000-01 … 2011-12)
// cannot be read as ISO months.
let nextYear = 1950;

export interface FreshYear {
  /** `1950-51` */
  year: string;
  /** `1950-51-Q<n>` */
  q: (n: 1 | 2 | 3 | 4) => string;
}

const yearOf = (start: number): FreshYear => {
  const year = `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
  return { year, q: (n) => `${year}-Q${n}` };
};

/**
 * `count` consecutive financial years that no other test in this file uses, so a test may
 * close their quarters or read their reports without meeting another test's writes.
 */
export function freshYears(count: number): FreshYear[] {
  const start = nextYear;
  nextYear += count;
  return Array.from({ length: count }, (_, i) => yearOf(start + i));
}

export const freshYear = (): FreshYear => freshYears(1)[0]!;
