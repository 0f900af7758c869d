// The API's problem words in the language asked for (docs/cymraeg.md "The API's problem
// words"). The API writes its problems in English where they arise (the services, the
// domain's rules, the schemas); an answer asked for in Welsh (`Accept-Language: cy`) has
// its title, detail and each field message put into Welsh here, by the catalogue
// `problem-words-cy.ts`. English is the texts as written, untouched. Pure.
import type { Language } from './language';
import { MONTH_NAMES } from './periods';
import { type ProblemEntry, problemWordsCy } from './problem-words-cy';
import { regExpLiteral as literal } from './reg-exp';
import { formatDate, periodLabel, sounding, wordsFor } from './words';
import type { Sounding } from './words-shape';

type Kind = 'data' | 'text' | 'words' | 'clause' | 'period' | 'options';

interface Compiled {
  pattern: RegExp;
  kinds: Kind[];
  names: string[];
  welsh: Sounding;
  /** The placeholder whose number chooses a Sounding's text ("rhwng 0 a 100", "rhwng 0 ac 80"). */
  readBy?: string;
}

const placeholder = /\{(\w+)(?::(words|clause|period|text|options))?\}/g;

function compile([english, welsh]: readonly [string, Sounding], readBy?: string): Compiled {
  const kinds: Kind[] = [];
  const names: string[] = [];
  let source = '';
  let at = 0;
  for (const m of english.matchAll(placeholder)) {
    const kind = (m[2] as Kind | undefined) ?? 'data';
    // Data never holds ": " (where a message's parts join), so an entry ending in data
    // ("Enter a value between {min} and {max}") does not swallow what a longer text adds.
    source += `${literal(english.slice(at, m.index))}${kind === 'data' || kind === 'period' || kind === 'options' ? '((?:(?!: )[\\s\\S])+?)' : '([\\s\\S]+?)'}`;
    names.push(m[1]!);
    kinds.push(kind);
    at = m.index + m[0].length;
  }
  source += literal(english.slice(at));
  return { pattern: new RegExp(`^${source}$`), kinds, names, welsh, readBy };
}

/**
 * The domain's own texts of both languages that problems quote (a value outside the
 * measure's possible values, value-range.ts), then the catalogue's entries.
 */
function domainEntries(): Compiled[] {
  const en = wordsFor('en').outsideRange;
  const cy = wordsFor('cy').outsideRange;
  return (Object.keys(en) as (keyof typeof en)[]).flatMap((kind) =>
    (['between', 'atLeast', 'atMost'] as const).map((end) =>
      compile([en[kind][end] as string, cy[kind][end]], end === 'between' ? 'max' : undefined),
    ),
  );
}

// Compiled on the first Welsh answer, not when a route function loads: most answers are English
// and every route function carries this module.
let compiled: Compiled[] | undefined;
const catalogue = (): Compiled[] =>
  (compiled ??= [...domainEntries(), ...problemWordsCy.map((entry: ProblemEntry) => compile(entry))]);

/** Words after which Welsh "y" (the) becomes "’r": "mae’r gwerth", "rhaid i’r", "nid yw’r". */
const elides = /(?:^|\s)(?:mae|yw|i|o|a|â|na|gyda)\s$/;

/** "2018-19 Q1" → "2018-19 Ch1", "March 2018" → "Mawrth 2018", "31 March 2018" → "31 Mawrth 2018"; anything else as it is. */
function periodInWelsh(label: string): string {
  const quarter = /^(\d{4}-\d{2}) Q([1-4])$/.exec(label);
  if (quarter) return periodLabel(`${quarter[1]}-Q${quarter[2]}`, 'cy');
  const date = /^(\d{1,2}) (\w+) (\d{4})$/.exec(label);
  const dateMonth = date ? MONTH_NAMES.indexOf(date[2]!) : -1;
  if (date && dateMonth >= 0)
    return formatDate(`${date[3]}-${String(dateMonth + 1).padStart(2, '0')}-${date[1]!.padStart(2, '0')}`, 'cy');
  const month = /^(\w+) (\d{4})$/.exec(label);
  const index = month ? MONTH_NAMES.indexOf(month[1]!) : -1;
  if (month && index >= 0) return periodLabel(`${month[2]}-${String(index + 1).padStart(2, '0')}`, 'cy');
  return label;
}

/** Longer texts are left as they are: no pattern runs over user text of any length. */
const maxTranslated = 2000;

function welshOf(text: string, depth: number): string | undefined {
  if (depth > 4 || text.length > maxTranslated) return undefined;
  for (const entry of catalogue()) {
    const m = entry.pattern.exec(text);
    if (!m) continue;
    const values = new Map<string, string>();
    entry.names.forEach((name, i) => {
      const value = m[i + 1]!;
      const kind = entry.kinds[i];
      values.set(
        name,
        kind === 'words'
          ? (anyCase(value, depth + 1) ?? value)
          : kind === 'clause'
            ? lowerFirst(anyCase(value, depth + 1) ?? value)
            : kind === 'period'
              ? periodInWelsh(value)
              : kind === 'options'
                ? value.replace(/ or (?=\S+$)/, ' neu ')
                : value,
      );
    });
    const read = Number.parseFloat((values.get(entry.readBy ?? '') ?? '').replace(/,/g, ''));
    const welsh = sounding(entry.welsh, read);
    let out = '';
    let at = 0;
    for (const p of welsh.matchAll(placeholder)) {
      out += welsh.slice(at, p.index);
      let value = values.get(p[1]!) ?? p[0];
      if (value.startsWith('y ') && elides.test(out)) value = `’r ${value.slice(2)}`;
      if (value.startsWith('’r ')) out = out.replace(/\s$/, '');
      out += value;
      at = p.index + p[0].length;
    }
    return out + welsh.slice(at);
  }
  return undefined;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const swapFirst = (text: string) => {
  const first = text.charAt(0);
  const swapped = first === first.toLowerCase() ? first.toUpperCase() : first.toLowerCase();
  return swapped + text.slice(1);
};

/**
 * A problem's text (a title, a detail, a field's message) in the language: English as it
 * is; Welsh from the catalogue, a text starting mid-sentence ("Line 5: use a full stop…")
 * found by its sentence's entry. A text no entry matches stays as the API wrote it.
 */
export function problemText(text: string, language: Language): string {
  return language === 'en' ? text : (anyCase(text, 0) ?? text);
}

/** The text's Welsh, or its Welsh found with the first letter's case swapped (a sentence quoted mid-sentence). */
function anyCase(text: string, depth: number): string | undefined {
  const direct = welshOf(text, depth);
  if (direct !== undefined) return direct;
  const swapped = welshOf(swapFirst(text), depth);
  return swapped === undefined ? undefined : swapFirst(swapped);
}

/** Whether the catalogue has Welsh for the text (a test lists the problems it lacks). */
export const hasWelsh = (text: string): boolean => problemText(text, 'cy') !== text;

/**
 * The language an `Accept-Language` header asks for, of the two the API answers in: the
 * one of highest weight (the first of equal weight); English when it names neither.
 */
export function acceptedLanguage(header: string | undefined): Language {
  let best: { language: Language; q: number } | undefined;
  for (const part of (header ?? '').split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (primary !== 'cy' && primary !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { language: primary, q };
  }
  return best?.language ?? 'en';
}
