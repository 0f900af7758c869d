import { HttpProblem } from './problem';

/** `If-Match: "3"` (or W/"3", or 3) → 3; absent or `*` → undefined (any version). */
export function ifMatchVersion(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
  if (!match) throw new HttpProblem(412, 'If-Match must be an ETag this API gave, like "3".');
  return Number(match[1]);
}

/** A definition's ETag as GET answers it: its version (one written before versioning, the sample plan's, is 1). */
export function definitionEtag(definition: object): string {
  const version = (definition as { version?: unknown }).version;
  return `"${typeof version === 'number' ? version : 1}"`;
}
