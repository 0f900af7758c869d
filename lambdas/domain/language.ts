// The council's two languages (docs/cymraeg.md): Welsh Language Standards councils work in both.

export type Language = 'en' | 'cy';

/** Every language the domain's words come in; Welsh first, as a bilingual page is read. */
export const LANGUAGES: readonly Language[] = ['cy', 'en'];

export const isLanguage = (x: unknown): x is Language => x === 'en' || x === 'cy';

/** The setting `reportLanguages` (§17): the report, email and Word draft in English, Welsh or both. */
export type ReportLanguages = 'en' | 'cy' | 'cy+en';

/** The languages a report is written in, in the order they appear: Welsh first where both share a page. */
export const reportLanguageList = (setting: ReportLanguages): Language[] =>
  setting === 'cy+en' ? ['cy', 'en'] : [setting];
