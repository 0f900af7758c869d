// The council's two languages (docs/cymraeg.md): Welsh Language Standards councils work in both.

export type Language = 'en' | 'cy';

/** Every language the domain's words come in; Welsh first, as a bilingual page is read. */
export const LANGUAGES: readonly Language[] = ['cy', 'en'];

export const isLanguage = (x: unknown): x is Language => x === 'en' || x === 'cy';
