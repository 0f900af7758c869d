import { useState } from 'preact/hooks';
import type { Answer, Problem } from '../api';

// One save of a versioned thing with If-Match (SPEC §5 "Edits", docs/web-app.md): it sends
// the ETag of the version the page loaded; a 412 means someone else saved meanwhile, so it
// fetches their version for the conflict panel (components/conflict.tsx) and the next save
// sends theirs, replacing it on purpose. Everything typed stays: the page keeps its form.
// Settings, People and the definition editors use it.

export interface Theirs<C> {
  /** Their version's ETag, sent as If-Match by the next save. */
  etag: string | null;
  /** What the panel shows of their version. */
  version: C;
}

export interface VersionedSave<C> {
  /** Someone else's version, after a 412; null once a save succeeds. */
  conflict: C | null;
  saving: boolean;
  save<S>(
    /** The ETag of the version the page loaded (undefined: nothing loaded, e.g. a new record). */
    loaded: string | null | undefined,
    put: (ifMatch: string | undefined) => Promise<Answer<S>>,
    on: {
      saved(data: S, etag: string | null): void;
      conflicted(): void;
      refused(problem: Problem, status: number): void;
    },
  ): Promise<void>;
}

export function useVersionedSave<C>(theirs: () => Promise<Theirs<C> | null>): VersionedSave<C> {
  const [conflict, setConflict] = useState<Theirs<C> | null>(null);
  const [saving, setSaving] = useState(false);
  return {
    conflict: conflict?.version ?? null,
    saving,
    async save(loaded, put, on) {
      if (saving) return;
      setSaving(true);
      try {
        const answer = await put((conflict ? conflict.etag : loaded) ?? undefined);
        if (answer.ok) {
          setConflict(null);
          return on.saved(answer.data, answer.etag);
        }
        if (answer.status === 412) {
          setConflict(await theirs());
          return on.conflicted();
        }
        on.refused(answer.problem, answer.status);
      } finally {
        setSaving(false);
      }
    },
  };
}
