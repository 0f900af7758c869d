// Schemas are built on first use, not at import (docs/architecture.md "Schemas on first
// use"): every API function imports the one route table, and building all of its zod
// schemas at load was ~20 ms of each cold start, for the one to three a function parses.

let builds = 0;

/**
 * `build`'s value, built by the first call and the same one ever after. Every schema the
 * route table names (and each sub-schema they share) is one of these.
 */
export function lazily<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => {
    if (!built) {
      built = { value: build() };
      builds += 1;
    }
    return built.value;
  };
}

/** How many `lazily` values this module instance has built: what an import or a parse cost (tests). */
export const lazyBuilds = (): number => builds;
