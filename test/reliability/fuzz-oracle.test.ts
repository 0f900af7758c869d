import fc from 'fast-check';
import { describe, it } from 'vitest';
import { bodySchemas, fixture, schemaInvalidBodies, validBodies } from './fuzz/models';

// The fuzz models claim their "schema" bodies are all invalid. This checks that claim
// offline, against the rules (docs/rules.md and the route table's schemas) written out independently of the handlers: the route's
// zod schema (the documented contract), plus the rules beyond it (commentary when amber or
// red, breakdown directorates) and "no raw __proto__ keys". A generator that could emit a
// valid body would fail here, before it could ever make the HTTP fuzzing vacuous.

function hasProtoKey(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null) continue;
    for (const key of Object.keys(node)) {
      if (key === '__proto__') return true;
      pending.push((node as Record<string, unknown>)[key]);
    }
  }
  return false;
}

function beyondSchema(name: keyof typeof bodySchemas, body: Record<string, unknown>): boolean {
  const blank = (c: unknown) => typeof c !== 'string' || c.trim() === '';
  if (name === 'putResult') {
    const value = body.value as number;
    const unknownDirectorate = Object.keys((body.breakdown as object) ?? {}).some(
      (d) => !fixture.directorates.includes(d as never),
    );
    return unknownDirectorate || (value < 80 && blank(body.commentary));
  }
  if (name === 'putPerson')
    return typeof body.directorate === 'string' && !fixture.directorates.includes(body.directorate as never);
  if (name === 'putActionUpdate') return (body.status === 'amber' || body.status === 'red') && blank(body.commentary);
  return false;
}

/** True when the rules say this body must be refused. */
function refused(name: keyof typeof bodySchemas, text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return true;
  }
  if (hasProtoKey(value)) return true;
  const parsed = bodySchemas[name]().safeParse(value);
  if (!parsed.success) return true;
  return beyondSchema(name, parsed.data as Record<string, unknown>);
}

describe('every generated "schema" body is invalid by the rules', () => {
  // fuzz-oracle only needs the settings the fuzz stacks store; these are the local defaults.
  const settings = {
    reportTitle: 'Corporate Improvement Plan',
    planNames: { cip: 'Corporate Improvement Plan' },
    tolerancePercent: 10,
    greenTolerancePercent: 0,
    toleranceAbsolute: 0,
    improvementSoftensRed: false,
    overallGreenAtLeastPercent: 80,
    overallRedBelowPercent: 50,
    criticalRules: {
      red: true,
      'all-directorates-off': true,
      'red-consecutive': true,
      'declining-despite-target': true,
      'action-red': true,
    },
    emtRecipients: ['emt@localhost'],
    directorates: { Place: { contacts: ['place@localhost'], heads: [] } },
    reminderDays: [5, 1],
  };
  const bodies = schemaInvalidBodies(settings);
  const valid = validBodies(settings);
  for (const name of Object.keys(bodySchemas) as (keyof typeof bodySchemas)[]) {
    it(name, () => {
      fc.assert(
        fc.property(bodies[name], (b) => {
          if (!refused(name, b.text))
            throw new Error(`a valid body was generated (${b.labels}): ${b.text.slice(0, 500)}`);
        }),
        { numRuns: 2000 },
      );
      // …and the oracle is no rubber stamp: the valid bodies the models start from pass it.
      fc.assert(
        fc.property(valid[name], (text) => {
          if (refused(name, text)) throw new Error(`the oracle refused a valid body: ${text.slice(0, 500)}`);
        }),
        { numRuns: 200 },
      );
    });
  }
});
