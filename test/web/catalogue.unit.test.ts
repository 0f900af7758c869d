// The web app's catalogues (docs/cymraeg.md "The web app's catalogue"): every English
// key has a Welsh text, none is empty, none is extra, and each keeps its {placeholders}.
// TypeScript already refuses a cy.ts without a key; this also catches an empty text.
import { describe, expect, it } from 'vitest';
import { cy } from '../../web/src/i18n/cy';
import { en } from '../../web/src/i18n/en';

/** Every text of a catalogue by its path: `shell.signOut` → "Sign out". */
function texts(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value))
      for (const entry of texts(inner, `${path}/${key}`)) out.set(...entry);
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the web catalogues', () => {
  const english = texts(en);
  const welsh = texts(cy);

  it('has a Welsh text for every English key, and no key English lacks', () => {
    expect([...english.keys()].filter((path) => !welsh.has(path))).toEqual([]);
    expect([...welsh.keys()].filter((path) => !english.has(path))).toEqual([]);
    expect(english.size).toBeGreaterThan(30);
  });

  it('has no empty text in either language', () => {
    for (const catalogue of [english, welsh])
      expect([...catalogue].filter(([, text]) => text.trim() === '').map(([path]) => path)).toEqual([]);
  });

  it('keeps each text’s placeholders', () => {
    const differing = [...english].filter(
      ([path, text]) => placeholders(text).join() !== placeholders(welsh.get(path) ?? '').join(),
    );
    expect(differing).toEqual([]);
  });

  it('says "Mae problem wedi codi" and "Gwall:" as GOV.UK services in Welsh do', () => {
    expect(cy.errors.summaryTitle).toBe('Mae problem wedi codi');
    expect(cy.errors.fieldPrefix).toBe('Gwall:');
  });
});
