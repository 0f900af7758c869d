// The plain-text part's headings, as GOV.UK Notify writes them: sentence case (never
// capitals, which read as shouting and spell badly aloud), underlined with dashes the
// heading's length, a blank line before it (the templates leave one).

/** "Programmes" then "----------" beneath. */
export const underlined = (heading: string): string => `${heading}\n${'-'.repeat([...heading].length)}`;
