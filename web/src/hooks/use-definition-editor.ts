import { useState } from 'preact/hooks';
import type { Answer, Api, DefinitionVersion, Problem } from '../api';
import type { FieldError } from '../components';
import type { Question } from '../components/definition-confirm';
import type { InUse } from '../definition-choices';
import { setFlash } from '../flash';
import { fill, useWords } from '../i18n';
import { navigate } from '../router';
import { periodLabel } from '../words';
import { type Data, useData } from './use-data';
import { useUnsavedChanges } from './use-unsaved-changes';
import { useVersionedSave } from './use-versioned-save';

// The measure and planned-work editors (docs/web-app.md "Admin: measures and planned work"):
// load the definition's history (its newest version is the definition) or, for a new one, the
// quarters in use, and where the other definitions sit (their plans and programmes, for the
// choices); check that a new id is free (PUT creates or replaces), save with If-Match of the
// version loaded, and on 412 say that someone else changed it meanwhile, keeping everything
// typed; a save goes back to the list with a banner. Two requests, with GET /me three.

export interface Loaded<D> {
  definition: D | null;
  versions: DefinitionVersion[];
  /** The version loaded (the history's ETag), sent as If-Match; null for a new definition. */
  etag: string | null;
  quartersInUse: string[];
  /** Where the other definitions of this kind sit (empty if they could not be listed). */
  inUse: InUse[];
}

/**
 * What the editor of each kind of definition reads (web/src/api.ts): the definition itself
 * (whether a new id is free), the other definitions of the kind (the plans and programmes in
 * use, for the choices) and the history.
 */
/** The list of each kind, which its editor goes back to. */
export const listPaths = { measure: '/app/admin/measures', action: '/app/admin/actions' } as const;

const kinds = {
  measure: (api: Api) => ({
    load: (id: string) => api.measure(id).then((m) => (m.ok ? { ...m, data: m.data.measure } : m)),
    inUse: () => api.listMeasures({ limit: '500' }).then((r) => (r.ok ? r.data.measures : [])),
    history: (id: string) => api.measureHistory(id),
  }),
  action: (api: Api) => ({
    load: (id: string) => api.action(id).then((a) => (a.ok ? { ...a, data: a.data.action } : a)),
    inUse: () => api.listActions({ limit: '500' }).then((r) => (r.ok ? r.data.actions : [])),
    history: (id: string) => api.actionHistory(id),
  }),
};

export interface DefinitionEditor<D, T> {
  /** What is typed in the form (filled from the definition loaded), and a change to it. */
  typed: T;
  set(change: Partial<T>): void;
  /** The error the summary links to the field with this id, if any. */
  errorOf(field: string): string | undefined;
  loaded: Data<Loaded<D>>;
  errors: FieldError[];
  setErrors(errors: FieldError[]): void;
  busy: boolean;
  /** Someone else's version after a 412 (the latest in the history), shown above the form. */
  conflict: DefinitionVersion | null;
  /**
   * `Save`: checks what is typed (its errors go to the summary), asks before bringing a
   * retired definition back (unless `bringBack`: the answer was yes), checks that a new id is
   * free, then PUTs the body with If-Match of the version loaded.
   */
  submit<B>(
    bringBack: boolean,
    on: {
      check(loaded: Loaded<D>): { body: B; errors: FieldError[] };
      put(id: string, body: B, ifMatch: string | undefined): Promise<Answer<{ title: string }>>;
      refused(problem: Problem, status: number): FieldError[];
    },
  ): Promise<void>;
  /** Does what a save does after an answer: the banner on the list, then the list. */
  done(message: string): void;
  run<T>(work: () => Promise<T>): Promise<T | undefined>;
  /** Notes that something was typed: leaving the page now asks first (until a save or retire moves on). */
  touch(): void;
  /** The question asked before retiring or bringing back (components/definition-confirm.tsx). */
  question: Question;
  ask(question: Question): void;
  /** Retires the definition (DELETE): back on the list with `… retired from 2018-19 Q1.`, or the refusal. */
  retire(work: () => Promise<Answer<{ title: string; retiredFrom?: string }>>): Promise<void>;
}

export function useDefinitionEditor<
  D extends { title: string; retiredFrom?: string },
  T extends { id: string },
>(options: {
  api: Api;
  id: string | null;
  /** Which kind it is: its words are the catalogue's `editors.measure` or `editors.action`. */
  kind: 'measure' | 'action';
  /** The form for a definition (null: a new one). */
  typedFrom(definition: D | null): T;
}): DefinitionEditor<D, T> {
  const { api, id } = options;
  const calls = kinds[options.kind](api);
  const { t } = useWords();
  const w = t.editors[options.kind];
  const [typed, setTyped] = useState<T>(() => options.typedFrom(null));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [question, ask] = useState<Question>(null);
  const [touched, setTouched] = useState(false);
  const unsaved = useUnsavedChanges(touched);
  // After a 412: the latest version in the history is theirs, and its ETag the next If-Match.
  const versioned = useVersionedSave<DefinitionVersion>(async () => {
    if (id === null) return null;
    const h = await calls.history(id);
    const theirs = h.ok ? h.data.versions.at(-1) : undefined;
    return h.ok && theirs ? { etag: h.etag, version: theirs } : null;
  });
  const loaded = useData(async (): Promise<Answer<Loaded<D>>> => {
    if (id === null) {
      const [r, inUse] = await Promise.all([api.returns({}), calls.inUse()]);
      const quartersInUse = r.ok ? r.data.quarters.map((q) => q.quarter) : [];
      const data = { definition: null, versions: [], etag: null, quartersInUse, inUse };
      return { ok: true, status: 200, data, etag: null };
    }
    const [h, inUse] = await Promise.all([calls.history(id), calls.inUse()]);
    if (!h.ok) return h;
    const definition = h.data.versions.at(-1)?.definition as D | undefined;
    if (!definition) return { ok: false, status: 404, problem: { status: 404, title: 'Not Found' } };
    setTyped(options.typedFrom(definition));
    const data = { definition, versions: h.data.versions, etag: h.etag, quartersInUse: [], inUse };
    return { ok: true, status: 200, data, etag: null };
  }, [api, id]);

  const run = async <R>(work: () => Promise<R>): Promise<R | undefined> => {
    if (busy) return undefined;
    setBusy(true);
    try {
      return await work();
    } finally {
      setBusy(false);
    }
  };
  const done = (message: string) => {
    unsaved.leaving();
    setFlash(message);
    navigate(listPaths[options.kind]);
  };

  const save = (
    definitionId: string,
    put: (id: string, ifMatch: string | undefined) => Promise<Answer<{ title: string }>>,
    refused: (problem: Problem, status: number) => FieldError[],
  ) =>
    run(async () => {
      ask(null);
      if (id === null) {
        // PUT replaces: a new definition must not overwrite one that exists.
        const existing = await calls.load(definitionId);
        if (existing.ok)
          return setErrors([
            {
              field: 'id',
              message: fill(t.editors.editor.idUsed, {
                label: w.idLabel,
                id: definitionId,
                title: existing.data.title,
              }),
            },
          ]);
      }
      await versioned.save(id === null ? undefined : loaded.data?.etag, (ifMatch) => put(definitionId, ifMatch), {
        saved: (data) => done(fill(w.saved, { title: data.title })),
        conflicted: () => setErrors([{ field: 'title', message: w.changed }]),
        refused: (problem, status) => setErrors(refused(problem, status)),
      });
    }).then(() => undefined);

  return {
    typed,
    set: (change) => setTyped((typed) => ({ ...typed, ...change })),
    errorOf: (field) => errors.find((e) => e.field === field)?.message,
    loaded,
    errors,
    setErrors,
    busy,
    conflict: versioned.conflict,
    run,
    done,
    question,
    ask,
    touch: () => setTouched(true),
    retire: async (work) => {
      const answer = await run(work);
      if (!answer) return;
      if (answer.ok) {
        const quarter = answer.data.retiredFrom ? periodLabel(answer.data.retiredFrom) : t.editors.editor.now;
        return done(fill(w.retired, { title: answer.data.title, quarter }));
      }
      ask(null);
      setErrors([{ field: 'retire', message: answer.problem.detail ?? w.notRetired }]);
    },
    submit: async (bringBack, on) => {
      if (busy || !loaded.data) return;
      const { body, errors: local } = on.check(loaded.data);
      if (local.length) {
        ask(null);
        return setErrors(local);
      }
      if (loaded.data.definition?.retiredFrom && !bringBack) return ask('bring-back');
      await save(id ?? typed.id.trim(), (definitionId, ifMatch) => on.put(definitionId, body, ifMatch), on.refused);
    },
  };
}
