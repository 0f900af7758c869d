import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Pages import no page (docs/web-app.md "Adding a page"): what two pages share lives in
// components/, hooks/ or a plain module, and only the page table (routes.ts) and the shell
// that routes (main.tsx: the sign-in pages and the landing) name pages.
// Biome's noRestrictedImports says the same for pages/; this also catches a component or
// hook that would carry one page into another.

const web = join(__dirname, '../../web/src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

/** The specifiers of a module's static and dynamic imports and re-exports. */
const specifiers = (source: string): string[] =>
  [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] as string);

/** "importer -> page" for each import of a page by a module other than the page table and the shell. */
function pageImports(modules: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [path, source] of modules) {
    if (path === 'routes.ts' || path === 'main.tsx') continue;
    for (const spec of specifiers(source)) {
      if (!spec.startsWith('.')) continue;
      const target = relative(web, resolve(join(web, dirname(path)), spec));
      if (target.startsWith('pages/') && target !== path.replace(/\.tsx?$/, '')) found.push(`${path} -> ${target}`);
    }
  }
  return found;
}

describe("the web app's pages", () => {
  it('are imported by the page table only: no page, component or hook imports a page', () => {
    const modules = new Map(files(web).map((f) => [relative(web, f), readFileSync(f, 'utf8')] as const));
    expect(modules.size).toBeGreaterThan(20);
    expect(pageImports(modules)).toEqual([]);
  });

  it('finds a page that imports another page, statically or lazily (the check can fail)', () => {
    const modules = new Map([
      ['pages/Dashboard.tsx', "import { YourReturns } from './YourReturns';\nimport { h } from 'preact';"],
      ['components/card.tsx', "const Lazy = () => import('../pages/People');"],
      ['routes.ts', "import { Dashboard } from './pages/Dashboard';"],
    ]);
    expect(pageImports(modules)).toEqual([
      'pages/Dashboard.tsx -> pages/YourReturns',
      'components/card.tsx -> pages/People',
    ]);
  });
});
