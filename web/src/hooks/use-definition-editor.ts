import { useState } from 'preact/hooks';
import type { Answer, DefinitionVersion, Problem } from '../api';
import type { FieldError } from '../components';
import { setFlash } from '../flash';
import { navigate } from '../router';
import { type Data, useData } from './use-data';

// The measure and planned-work editors (docs/web-app.md "Admin: measures and planned work"):
// load the definition and its history (or, for a new one, the quarters in use), check that a
// new id is free (PUT creates or replaces), save with If-Match of the version loaded, and on
// 412 say that someone else changed it meanwhile, keeping everything typed; a save goes back
// to the list with a banner.

export interface Loaded<D> {
  definition: D | null;
  versions: DefinitionVersion[];
  /** The version loaded (the history's ETag), sent as If-Match; null for a new definition. */
  etag: string | null;
  quartersInUse: string[];
}

export interface DefinitionEditor<D> {
  loaded: Data<Loaded<D>>;
  errors: FieldError[];
  setErrors(errors: FieldError[]): void;
  busy: boolean;
  /** Someone else's version after a 412 (the latest in the history), shown above the form. */
  conflict: DefinitionVersion | null;
  save(
    id: string,
    put: (id: string, ifMatch: string | undefined) => Promise<Answer<{ title: string }>>,
    refused: (problem: Problem, status: number) => FieldError[],
  ): Promise<void>;
  /** Does what a save does after an answer: the banner on the list, then the list. */
  done(message: string): void;
  run<T>(work: () => Promise<T>): Promise<T | undefined>;
}

export function useDefinitionEditor<D extends { title: string }>(options: {
  id: string | null;
  /** `measure`, `planned work`: in the page's words. */
  word: string;
  /** `Measure ID`, `ID`: the id field's label, in its errors. */
  idLabel: string;
  listPath: string;
  load(id: string): Promise<Answer<D>>;
  history(id: string): Promise<Answer<{ versions: DefinitionVersion[] }>>;
  quartersInUse(): Promise<Answer<{ quarters: { quarter: string }[] }>>;
  /** Fills the form with the definition loaded. */
  fill(definition: D): void;
  deps: readonly unknown[];
}): DefinitionEditor<D> {
  const { id } = options;
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<DefinitionVersion | null>(null);
  /** After a conflict, the version someone else saved: the next save replaces it. */
  const [conflictEtag, setConflictEtag] = useState<string | undefined>(undefined);
  const loaded = useData(async (): Promise<Answer<Loaded<D>>> => {
    if (id === null) {
      const r = await options.quartersInUse();
      const quartersInUse = r.ok ? r.data.quarters.map((q) => q.quarter) : [];
      return { ok: true, status: 200, data: { definition: null, versions: [], etag: null, quartersInUse }, etag: null };
    }
    const [d, h] = await Promise.all([options.load(id), options.history(id)]);
    if (!d.ok) return d;
    options.fill(d.data);
    const data = { definition: d.data, versions: h.ok ? h.data.versions : [], etag: h.ok ? h.etag : null };
    return { ok: true, status: 200, data: { ...data, quartersInUse: [] }, etag: null };
  }, options.deps);

  const run = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    if (busy) return undefined;
    setBusy(true);
    try {
      return await work();
    } finally {
      setBusy(false);
    }
  };
  const done = (message: string) => {
    setFlash(message);
    navigate(options.listPath);
  };

  return {
    loaded,
    errors,
    setErrors,
    busy,
    conflict,
    run,
    done,
    save: (definitionId, put, refused) =>
      run(async () => {
        if (id === null) {
          // PUT replaces: a new definition must not overwrite one that exists.
          const existing = await options.load(definitionId);
          if (existing.ok)
            return setErrors([
              {
                field: 'id',
                message: `${options.idLabel}: ${definitionId} is already used by “${existing.data.title}”`,
              },
            ]);
        }
        const ifMatch = id === null ? undefined : (conflictEtag ?? loaded.data?.etag ?? undefined);
        const answer = await put(definitionId, ifMatch);
        if (answer.ok) return done(`${capital(options.word)} “${answer.data.title}” saved.`);
        if (answer.status === 412 && id !== null) {
          const h = await options.history(id);
          const theirs = h.ok ? (h.data.versions.at(-1) ?? null) : null;
          setConflictEtag(h.ok ? (h.etag ?? undefined) : undefined);
          setConflict(theirs);
          return setErrors([
            {
              field: 'title',
              message: `Someone else changed this ${options.word} while you were editing it. Check what they saved, then save again.`,
            },
          ]);
        }
        setErrors(refused(answer.problem, answer.status));
      }).then(() => undefined),
  };
}

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
