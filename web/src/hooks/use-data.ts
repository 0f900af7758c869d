import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answer, Problem } from '../api';

// One way for a page to load what it shows: `loading` until the API answers, then `data`
// (with the ETag it came with) or `failed` (the status and problem+json). An answer that
// arrives after the page has gone (or after a newer load) is dropped.

/** A request that did not succeed: its status (0: the service could not be reached) and problem. */
export interface Failed {
  status: number;
  problem: Problem;
}

export type Loaded<T> =
  | { loading: true; failed?: undefined; data?: undefined; etag?: undefined }
  | { loading: false; failed: Failed; data?: undefined; etag?: undefined }
  | { loading: false; failed?: undefined; data: T; etag: string | null };

export type Data<T> = Loaded<T> & {
  /** Loads again; what is shown stays until the new answer comes (resolves once it is shown). */
  reload(): Promise<void>;
  /** Replaces what is shown (e.g. with what a save answered), without a request. */
  set(data: T, etag?: string | null): void;
};

export function useData<T>(load: () => Promise<Answer<T>>, deps: readonly unknown[] = []): Data<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ loading: true });
  // The latest load: an older one's answer, or any after the page has gone (-1), is dropped.
  const latest = useRef(0);
  const run = async () => {
    const round = ++latest.current;
    const answer = await load();
    if (round !== latest.current) return;
    setLoaded(
      answer.ok
        ? { loading: false, data: answer.data, etag: answer.etag }
        : { loading: false, failed: { status: answer.status, problem: answer.problem } },
    );
  };
  useEffect(() => {
    run();
    return () => {
      latest.current = -1;
    };
  }, deps);
  return {
    ...loaded,
    reload: run,
    set: (data, etag = null) => {
      latest.current++;
      setLoaded({ loading: false, data, etag });
    },
  };
}

type Answers<T extends readonly unknown[]> = { [K in keyof T]: Promise<Answer<T[K]>> };

/** Several requests made together, as one answer: every one's data, or the first that failed. */
export async function together<T extends readonly unknown[]>(...answers: Answers<T>): Promise<Answer<T>> {
  const all = await Promise.all(answers);
  const failed = all.find((a) => !a.ok);
  if (failed) return failed as Answer<T>;
  return { ok: true, status: 200, data: all.map((a) => (a.ok ? a.data : null)) as unknown as T, etag: null };
}

/** A failure's detail as the page says it (the problem's own words, else `fallback`). */
export const detailOf = (failed: Failed, fallback: string): string => failed.problem.detail ?? fallback;
