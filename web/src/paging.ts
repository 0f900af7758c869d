import type { Answer } from './api';

// The admin lists read every page of a list the API answers in pages (docs/web-app.md).

/** Every page of a list, at most `pages` requests (each page page holds up to 500). */
export async function readPages<T>(
  load: (next?: string) => Promise<Answer<{ next: string | null } & T>>,
  pages: number,
): Promise<Answer<{ pages: T[]; more: boolean }>> {
  const out: T[] = [];
  let next: string | undefined;
  for (let i = 0; i < pages; i++) {
    const answer = await load(next);
    if (!answer.ok) return answer;
    out.push(answer.data);
    if (!answer.data.next) return { ok: true, status: 200, data: { pages: out, more: false }, etag: null };
    next = answer.data.next;
  }
  return { ok: true, status: 200, data: { pages: out, more: true }, etag: null };
}

/** The items of every page (under `key`, such as `measures`), at most `pages` requests; `more` when there are more. */
export async function readItems<K extends string, I>(
  load: (next?: string) => Promise<Answer<{ next: string | null } & { [k in K]: I[] }>>,
  key: K,
  pages: number,
): Promise<Answer<{ items: I[]; more: boolean }>> {
  const read = await readPages(load, pages);
  if (!read.ok) return read;
  return { ...read, data: { items: read.data.pages.flatMap((p) => p[key]), more: read.data.more } };
}
