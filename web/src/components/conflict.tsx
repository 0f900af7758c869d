import type { ComponentChildren } from 'preact';
import { fill, useWords, type WebWords } from '../i18n';
import { en } from '../i18n/en';
import { formatDateTime } from '../words';
import { whoName } from './who';

// After a 412 (someone else saved meanwhile: docs/web-app.md): the panel above the form
// that says so and what they saved, while everything typed stays below. The result and
// planned-work forms, the definition editors, Settings and People all show this one.

export function ConflictPanel({ heading, children }: { heading: string; children: ComponentChildren }) {
  return (
    <div class="govuk-inset-text app-conflict" id="conflict">
      <h2 class="govuk-heading-m">{heading}</h2>
      {children}
    </div>
  );
}

/**
 * Who saved which version when, as a sentence: "Jane Smith saved version 3 on 6 December
 * 2026 at 12:38" (in the language of `w`, English unless given).
 */
export function savedBy(
  version: { version: number; byName?: string | null; at?: string | null },
  w: WebWords['forms']['conflict'] = en.forms.conflict,
): string {
  return fill(w.savedVersion, {
    name: whoName(version, w.someone),
    version: version.version,
    on: version.at ? fill(w.on, { date: formatDateTime(version.at) }) : '',
  });
}

/** The definition editors' panel: their version is the latest in the definition history below. */
export function DefinitionConflict({
  conflict,
  word,
}: {
  conflict: { version: number; byName?: string | null; at?: string | null } | null;
  /** What was changed, in the language shown ("measure", "planned work"). */
  word: string;
}) {
  const w = useWords().t.forms.conflict;
  if (!conflict) return null;
  return (
    <ConflictPanel heading={fill(w.definitionHeading, { word })}>
      <p class="govuk-body">{fill(w.definitionText, { saved: savedBy(conflict, w) })}</p>
    </ConflictPanel>
  );
}
