/** The text as a regular expression that matches it literally (every special character escaped). */
export const regExpLiteral = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
