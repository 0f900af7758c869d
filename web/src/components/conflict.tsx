import type { ComponentChildren } from 'preact';
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

/** Who saved which version when, as a sentence: "Jane Smith saved version 3 on 6 December 2026 at 12:38". */
export function savedBy(version: { version: number; byName?: string | null; at?: string | null }): string {
  return `${whoName(version)} saved version ${version.version}${version.at ? ` on ${formatDateTime(version.at)}` : ''}`;
}

/** The definition editors' panel: their version is the latest in the definition history below. */
export function DefinitionConflict({
  conflict,
  word,
}: {
  conflict: { version: number; byName?: string | null; at?: string | null } | null;
  word: string;
}) {
  if (!conflict) return null;
  return (
    <ConflictPanel heading={`Someone else changed this ${word}`}>
      <p class="govuk-body">
        {savedBy(conflict)} while you were editing it: see the definition history below. What you typed is kept: check
        it, then select Save to replace their version with yours.
      </p>
    </ConflictPanel>
  );
}
