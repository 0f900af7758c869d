// Builds the web app into web/dist (git-ignored): esbuild for the TSX (code-split, so
// the Cognito sign-in code loads only in AWS), sass for GOV.UK Frontend, and an
// index.html with no inline script (the CSP allows none). Takes about a second, so
// `npm start` and the tests build it every time.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import * as sass from 'sass';

const webDir = dirname(fileURLToPath(import.meta.url));
export const defaultOutDir = join(webDir, 'dist');

export interface BuiltApp {
  outDir: string;
  /** Files under outDir (posix paths), e.g. `assets/main-ABC.js`. */
  entryScript: string;
  stylesheet: string;
  /** Every file written, with its size in bytes. */
  files: Record<string, number>;
}

export async function buildWebApp(outDir = defaultOutDir): Promise<BuiltApp> {
  outDir = resolve(outDir);
  rmSync(outDir, { recursive: true, force: true });
  const assets = join(outDir, 'assets');
  mkdirSync(assets, { recursive: true });

  const js = await build({
    entryPoints: [join(webDir, 'src/main.tsx')],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    sourcemap: 'linked',
    target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: assets,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });

  const css = sass.compile(join(webDir, 'styles/app.scss'), {
    loadPaths: [join(webDir, '..', 'node_modules')],
    style: 'compressed',
    quietDeps: true,
  }).css;
  const cssName = `app-${createHash('sha256').update(css).digest('hex').slice(0, 8)}.css`;
  writeFileSync(join(assets, cssName), css);

  const files: Record<string, number> = {};
  for (const [path, info] of Object.entries(js.metafile.outputs)) {
    files[relative(outDir, resolve(path)).replaceAll('\\', '/')] = info.bytes;
  }
  files[`assets/${cssName}`] = Buffer.byteLength(css);
  // The app's own entry: each lazily imported page is an entry point of its own chunk too,
  // and the metafile's order puts any of them first.
  const entryScript = Object.entries(js.metafile.outputs)
    .filter(([, info]) => info.entryPoint?.endsWith('src/main.tsx'))
    .map(([path]) => relative(outDir, resolve(path)).replaceAll('\\', '/'))[0]!;

  const html = `<!doctype html>
<html lang="en" class="govuk-template">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#0b0c0c">
<title>Ragtime</title>
<link rel="stylesheet" href="/app/${`assets/${cssName}`}">
<script type="module" src="/app/${entryScript}"></script>
</head>
<body class="govuk-template__body">
<div id="app"></div>
<noscript><p>This service needs JavaScript. The API (see /openapi.json) works without it.</p></noscript>
</body>
</html>
`;
  writeFileSync(join(outDir, 'index.html'), html);
  files['index.html'] = Buffer.byteLength(html);
  return { outDir, entryScript, stylesheet: `assets/${cssName}`, files };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const built = await buildWebApp(process.argv[2] ?? defaultOutDir);
  console.log(`web app built in ${Date.now() - started} ms: ${built.outDir}`);
}
