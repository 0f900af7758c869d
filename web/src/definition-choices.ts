import { fill } from '../../lambdas/domain/words';
import type { Choice } from './components';
import { en } from './i18n/en';

// The Plan and Programme choices of the measure and planned-work editors (docs/web-app.md
// "Admin: measures and planned work"): typed as free text, a typo made a new programme. A plan
// is chosen from the plans the settings name and those in use; a programme from those the
// plan's definitions use, and a new one is an explicit choice with its own input. Pure:
// unit-tested in test/web/definition-choices.unit.test.ts.

/** The Programme select's value for "Add a new programme": no programme's name (a control character). */
export const newProgramme = '\u0000new';

/** Where a definition sits: its plan and programme (what the lists answer of each). */
export interface InUse {
  plan: string;
  programme: string;
}

const byLabel = (a: Choice, b: Choice) => a.label.localeCompare(b.label, 'en-GB');

/**
 * The plans to choose from: those the settings name, by their names, and those only in use
 * (or the definition's own), by their id; sorted by what is shown.
 */
export function planChoices(named: readonly { id: string; name: string }[], inUse: readonly InUse[], current: string) {
  const names = new Map(named.map((p) => [p.id, p.name]));
  const ids = new Set([...names.keys(), ...inUse.map((d) => d.plan), ...(current ? [current] : [])]);
  return [...ids].map((id): Choice => ({ value: id, label: names.get(id) ?? id })).sort(byLabel);
}

/** The programmes in use in the plan (every plan's while none is chosen), and the definition's own. */
export function programmeChoices(inUse: readonly InUse[], plan: string, current: string): string[] {
  const names = new Set(inUse.filter((d) => !plan || d.plan === plan).map((d) => d.programme));
  if (current) names.add(current);
  return [...names].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

/** What the form holds of the programme: the choice, and the name of a new one. */
export interface ProgrammeTyped {
  /** The programme chosen, or `newProgramme` with its name in `newProgramme`. */
  programme: string;
  newProgramme: string;
}

/** What both editors ask first, as typed: the id, plan, programme and titles. */
export interface Identity extends ProgrammeTyped {
  id: string;
  plan: string;
  title: string;
  /** The Welsh title (`titleCy`); empty: none. */
  titleCy: string;
}

/** The identity fields filled from a definition (empty for a new one). */
export const identityFrom = (
  d: { id: string; plan: string; programme: string; title: string; titleCy?: string } | null,
): Identity => ({
  id: d?.id ?? '',
  plan: d?.plan ?? '',
  programme: d?.programme ?? '',
  newProgramme: '',
  title: d?.title ?? '',
  titleCy: d?.titleCy ?? '',
});

/** The programme to save: the one chosen, or the new one's name; '' when there is none yet. */
export const programmeOf = (typed: ProgrammeTyped): string =>
  typed.programme === newProgramme ? typed.newProgramme.trim() : typed.programme;

const same = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-GB') === b.replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-GB');

/**
 * Why the new programme's name cannot be saved, or null: a new programme that is an existing
 * one typed again (another case, other spaces) would split its measures across two names.
 */
export function newProgrammeProblem(
  typed: ProgrammeTyped,
  existing: readonly string[],
  w = en.editors.editor,
): string | null {
  if (typed.programme !== newProgramme) return null;
  const name = typed.newProgramme.trim();
  if (!name) return w.enterNewProgramme;
  const found = existing.find((p) => same(p, name));
  return found === undefined ? null : fill(w.programmeExists, { programme: found });
}
