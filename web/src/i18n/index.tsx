import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Language } from '../../../lambdas/domain/language';
import { fill } from '../../../lambdas/domain/words';
import { setTitlePrefix } from '../components/page-title';
import { setWordsLanguage } from '../words';
import { en, type WebWords } from './en';

// The web app in English or Welsh (docs/cymraeg.md, SPEC §17): every interface string
// comes from one catalogue per language (en.ts, cy.ts); a component takes them from
// useWords(). The Welsh catalogue is its own chunk, loaded when Welsh is chosen, so the
// initial JS of an English session does not carry it.

export type { WebWords } from './en';
export { fill };

export interface Words {
  language: Language;
  t: WebWords;
  /** The header's switch: this language from now on, remembered in this browser. */
  choose(language: Language): void;
}

const WordsContext = createContext<Words>({ language: 'en', t: en, choose: () => undefined });
export const WordsProvider = WordsContext.Provider;
export const useWords = (): Words => useContext(WordsContext);

let welsh: WebWords | undefined;

/** A language's catalogue: English at once, Welsh from its chunk (once). */
export async function loadWords(language: Language): Promise<WebWords> {
  if (language === 'en') return en;
  welsh ??= (await import('./cy')).cy;
  return welsh;
}

/** What follows the language on the page: `<html lang>`, the domain's words (dates, statuses), the title's "Error:". */
export function applyLanguage(language: Language, t: WebWords) {
  document.documentElement.lang = language;
  setWordsLanguage(language, t);
  setTitlePrefix(t.errors.titlePrefix);
}

const storageKey = 'ragtime.language';

/** The language chosen at the switch in this browser, if any. */
export function storedLanguage(): Language | undefined {
  try {
    const value = window.localStorage.getItem(storageKey);
    return value === 'en' || value === 'cy' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function storeLanguage(language: Language) {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Storage refused (private mode): the choice lasts this visit.
  }
}

const welshTag = (tag: string | undefined) => (tag ? /^cy\b/i.test(tag) : false);

/** The ID token's `locale` claim as a language, if it names one. */
export function tokenLanguage(token: string | null | undefined): Language | undefined {
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { locale?: unknown };
    if (typeof claims.locale !== 'string') return undefined;
    return welshTag(claims.locale) ? 'cy' : /^en\b/i.test(claims.locale) ? 'en' : undefined;
  } catch {
    return undefined;
  }
}

/** The browser's preferred language: Welsh when it asks for Welsh before English. */
export function browserLanguage(): Language {
  for (const tag of navigator.languages ?? [navigator.language]) {
    if (welshTag(tag)) return 'cy';
    if (/^en\b/i.test(tag)) return 'en';
  }
  return 'en';
}
