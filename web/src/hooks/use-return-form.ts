import { useEffect, useState } from 'preact/hooks';
import type { Answer, Problem } from '../api';
import { type FieldError, type SignOffState, signOffStateOf } from '../components';
import { type Data, useData } from './use-data';
import { useVersionedSave } from './use-versioned-save';

// The result form and the planned-work form (docs/web-app.md): the latest version of the
// period, its sign-off state (with sign-off on), and the one If-Match save every form uses
// (use-versioned-save.ts): it sends the version loaded, and on 412 shows the version someone
// else saved meanwhile (the conflict panel) while everything typed stays; the next save
// sends theirs.

interface Version {
  version: number;
}

export interface ReturnForm<D, V extends Version> {
  detail: Data<D>;
  /** Someone else's version, after a 412. */
  conflict: V | null;
  signOff: SignOffState;
  errors: FieldError[];
  setErrors(errors: FieldError[]): void;
  saving: boolean;
  /**
   * Saves with If-Match of the version loaded (or, after a conflict, theirs). On success
   * `saved` is called; a 412 shows the conflict with `conflictError`; any other refusal
   * is given to `refused`, to say in the error summary.
   */
  save<S>(
    put: (ifMatch: string | undefined) => Promise<Answer<S>>,
    on: { saved(data: S): void; conflictError: FieldError; refused(problem: Problem): FieldError[] },
  ): Promise<void>;
}

/** A return's version as an ETag: 0 when nothing is saved yet (the PUT then creates it). */
const etagOf = (version: number) => `"${version}"`;

export function useReturnForm<D, V extends Version>(options: {
  load(): Promise<Answer<D>>;
  /** The latest version of this form's period in what `load` answered. */
  latest(data: D): V | null;
  /** With sign-off on: the period's versions, whose latest says whether it awaits sign-off or was returned. */
  history?: () => Promise<Answer<{ versions: Parameters<typeof signOffStateOf>[0] }>>;
  /** Fills the form with the latest version (null: nothing saved yet). */
  fill(current: V | null): void;
  deps: readonly unknown[];
}): ReturnForm<D, V> {
  const [loaded, setLoaded] = useState(0);
  const [signOff, setSignOff] = useState<SignOffState>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  // After a 412, their version is the latest of the period when loaded again.
  const versioned = useVersionedSave<V>(async () => {
    const fresh = await options.load();
    const theirs = fresh.ok ? options.latest(fresh.data) : null;
    return theirs ? { etag: etagOf(theirs.version), version: theirs } : null;
  });
  // The form is filled as the answer arrives, so it never shows empty first.
  const detail = useData(
    () =>
      options.load().then((answer) => {
        if (answer.ok) {
          const current = options.latest(answer.data);
          setLoaded(current?.version ?? 0);
          options.fill(current);
        }
        return answer;
      }),
    options.deps,
  );
  useEffect(() => {
    if (!detail.data) return;
    const current = options.latest(detail.data);
    if (!options.history || !current) return;
    let live = true;
    options.history().then((h) => live && h.ok && setSignOff(signOffStateOf(h.data.versions)));
    return () => {
      live = false;
    };
  }, [detail.data]);

  return {
    detail,
    conflict: versioned.conflict,
    signOff,
    errors,
    setErrors,
    saving: versioned.saving,
    save: (put, on) =>
      versioned.save(etagOf(loaded), put, {
        saved: (data) => on.saved(data),
        conflicted: () => setErrors([on.conflictError]),
        refused: (problem) => setErrors(on.refused(problem)),
      }),
  };
}

/** The latest version of one period among a definition's versions of every period. */
export const latestOf = <V extends Version>(versions: readonly V[], inPeriod: (v: V) => boolean): V | null =>
  versions.filter(inPeriod).reduce<V | null>((a, v) => (!a || v.version > a.version ? v : a), null);
