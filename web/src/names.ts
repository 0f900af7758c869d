import type { Language } from '../../lambdas/domain/language';
import { own } from '../../lambdas/domain/own';
import { regExpLiteral } from '../../lambdas/domain/reg-exp';
import type { Me } from './api';

// The plan's names (SPEC §12 "Words, not data", §17): plans by their names from the
// settings, never their ids ("cip"), and plans, programmes and directorates in Welsh where
// the settings hold Welsh names (`namesCy`). GET /me answers both, which main.tsx hands here
// once signed in, so every page names them without a request of its own.

export type NameKind = 'plan' | 'programme' | 'directorate';

let plans: Record<string, string> = {};
let directorates: readonly string[] = [];
let welsh: Record<NameKind, Record<string, string>> = { plan: {}, programme: {}, directorate: {} };

export function setNames(me: Pick<Me, 'plans' | 'directorates' | 'namesCy'> | null | undefined): void {
  directorates = me?.directorates ?? [];
  plans = Object.fromEntries((me?.plans ?? []).map((p) => [p.id, p.name]));
  const cy = me?.namesCy;
  welsh = { plan: { ...cy?.plans }, programme: { ...cy?.programmes }, directorate: { ...cy?.directorates } };
}

/**
 * The plan's own words (a measure's title, a programme's name) in the language shown: the
 * Welsh version when there is one; else the English, marked lang="en" on a Welsh page so
 * screen readers read it as English (`lang` undefined: the page's own).
 */
export function inLanguage(language: string, english: string, welsh?: string | null): { text: string; lang?: 'en' } {
  if (language !== 'cy') return { text: english };
  return welsh ? { text: welsh } : { text: english, lang: 'en' };
}

/** A select's choice of a plan, programme or directorate, its label named in the language shown (and marked English if so). */
export function nameChoice(
  language: Language,
  kind: NameKind,
  key: string,
): { value: string; label: string; lang?: 'en' } {
  const { text, lang } = nameIn(language, kind, key);
  return { value: key, label: text, ...(lang && { lang }) };
}

/** A plan (by id), a programme or a directorate (by its English name) in the language shown. */
export function nameIn(language: Language, kind: NameKind, key: string): { text: string; lang?: 'en' } {
  const english = kind === 'plan' ? own(plans, key) || key : key;
  return inLanguage(language, english, own(welsh[kind], key));
}

/**
 * A generated Welsh sentence in pieces, each directorate named in it by its English name
 * (one without a Welsh name, or a sentence frozen before it had one: "… a phob
 * cyfarwyddiaeth (People, Place)") marked lang="en".
 */
export function englishNamesIn(text: string): { text: string; lang?: 'en' }[] {
  const english = directorates.filter((name) => own(welsh.directorate, name) !== name);
  if (english.length === 0) return [{ text }];
  const pattern = new RegExp(`(?<![\\p{L}])(${english.map(regExpLiteral).join('|')})(?![\\p{L}])`, 'u');
  // Split with one capture group: the names are the odd pieces.
  return text
    .split(pattern)
    .map((piece, i) => (i % 2 === 1 ? { text: piece, lang: 'en' as const } : { text: piece }))
    .filter((piece) => piece.text !== '');
}
