import { useWords } from '../i18n';

// The plan's own words (a measure's title, a programme's name) in the language shown
// (SPEC §17): the Welsh version when there is one; else the English, marked lang="en" on a
// Welsh page so screen readers read it as English.

/** The text to show and its `lang` (undefined: the page's own). */
export function inLanguage(language: string, english: string, welsh?: string | null): { text: string; lang?: 'en' } {
  if (language !== 'cy') return { text: english };
  return welsh ? { text: welsh } : { text: english, lang: 'en' };
}

/** A user's text as a span, marked English on a Welsh page when it has no Welsh version. */
export function UserText({ en, cy }: { en: string; cy?: string | null | undefined }) {
  const { language } = useWords();
  const shown = inLanguage(language, en, cy);
  return shown.lang ? <span lang={shown.lang}>{shown.text}</span> : shown.text;
}
