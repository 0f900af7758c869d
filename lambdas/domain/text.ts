// User text holds only what every output can carry (SPEC §5 "Text", docs/rules.md "Text"):
// the characters of XML 1.0 (tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD,
// U+10000–U+10FFFF). Word and Excel files are XML: one U+0000, U+FFFE or lone surrogate
// in a commentary made them files Word refuses or "repairs". Every text a request or an
// import carries is checked with `xmlText`; the Word and Excel writers also drop such
// characters with `withoutNonXml` (text stored before the rule).
import * as z from 'zod/mini';

// One character class under `u` (so a lone surrogate is one code point, outside every
// range): linear time, whatever the input.
const nonXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const nonXmlEverywhere = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const xmlTextMessage =
  'only characters a Word or Excel file can hold (no control characters other than tab and line breaks, no U+FFFE, U+FFFF or unpaired surrogates)';

/** True when every character of `text` is an XML 1.0 character. */
export const isXmlText = (text: string): boolean => !nonXml.test(text);

/**
 * Text that may be shown back to the person in a message: plain, printable and short
 * (never a junk file's bytes as garbled box characters).
 */
export const isShowable = (text: string): boolean =>
  text.length <= 100 && /^[\x20-\x7E\u00A0-\u024F\u2018-\u201D]*$/.test(text);

/** `text` without the characters XML 1.0 cannot hold. */
export const withoutNonXml = (text: string): string => (isXmlText(text) ? text : text.replace(nonXmlEverywhere, ''));

/** Every string inside `value`'s arrays and plain objects (keys included) without the characters XML 1.0 cannot hold. */
export function withoutNonXmlDeep<T>(value: T): T {
  if (typeof value === 'string') return withoutNonXml(value) as T;
  if (Array.isArray(value)) return value.map(withoutNonXmlDeep) as T;
  const proto = value !== null && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [withoutNonXml(k), withoutNonXmlDeep(v)]),
    ) as T;
  }
  return value;
}

/** The check every user text passes: 422 naming the field otherwise. */
export const xmlText = () => z.refine<string>(isXmlText, xmlTextMessage);

/** Text of at most `max` characters, possibly empty (commentary, reasons, names in keys). */
export const plainText = (max: number) => z.string().check(z.maxLength(max), xmlText());
