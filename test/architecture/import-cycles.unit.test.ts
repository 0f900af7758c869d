import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCircles, repo, sourceFiles } from '../support/import-circles';

// No module of lambdas/ imports itself through others, types included (docs/architecture.md
// "Layers"): a circle makes the layers meaningless (which one is below?) and a module's
// load order depend on who imported first. Biome's rules guard the arrows between folders;
// this guards the files within and across them.

describe('import circles', () => {
  it('lambdas/ has none', () => {
    expect(importCircles(sourceFiles(join(repo, 'lambdas')))).toEqual([]);
  });

  it('finds one (the check can fail)', () => {
    // domain/types.ts and domain/sign-off.ts imported each other's types until they were split.
    const files = sourceFiles(join(repo, 'test/architecture/circle-sample'));
    expect(importCircles(files)).toEqual([
      ['test/architecture/circle-sample/a.ts', 'test/architecture/circle-sample/b.ts'],
    ]);
  });
});
