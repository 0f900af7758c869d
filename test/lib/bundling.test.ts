// The one test that really bundles: every handler through esbuild (locally, no
// Docker), exactly as `cdk synth` / `cdk deploy` do.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltApp, buildApp, logicalId } from './helpers';

/**
 * Every bundle stays under 300 KB minified (cold starts): the AWS SDK v3 is left to the
 * Lambda runtime, and requests are validated with zod/mini. The one exception is the
 * function that holds the Word and Excel writers (docx, exceljs), kept apart so that no
 * other function carries them (docs/documents.md); it has a ceiling of its own.
 */
const targetBytes = 300 * 1024;
const ceilingBytes = targetBytes;
const documentWriter = 'render-document';
const documentWriterCeilingBytes = 3 * 1024 * 1024;

let built: BuiltApp;
let sizes: { handler: string; bytes: number }[] = [];

// Bundling ~50 functions with esbuild took 69 s on a quiet CI and over 180 s with a second
// `npm test` beside it (issue #24's acceptance run): ten minutes, so only a hang fails.
beforeAll(() => {
  built = buildApp({ 'aws:cdk:bundling-stacks': ['**'], 'aws:cdk:enable-asset-metadata': true });
  built.app.synth();
}, 600_000);
afterAll(() => {
  if (sizes.length > 0) {
    const over = sizes.filter((s) => s.bytes >= targetBytes && s.handler !== documentWriter);
    console.info(
      `Lambda bundles (target < ${targetBytes / 1024} KB; ${over.length} of ${sizes.length} over):\n` +
        sizes.map((s) => `  ${(s.bytes / 1024).toFixed(0).padStart(6)} KB  ${s.handler}`).join('\n'),
    );
  }
  built?.cleanup();
});

describe('bundles', () => {
  it('bundles every handler as minified ESM with a source map, under the size ceiling', () => {
    const template = built.template().toJSON();
    const functions = built.stack.functions;
    expect(functions.length).toBeGreaterThan(3);
    for (const fn of functions) {
      const resource = template.Resources[logicalId(built, fn.function)];
      const assetDir = join(built.outdir, resource.Metadata['aws:asset:path']);
      const bundle = join(assetDir, 'index.mjs');
      expect(existsSync(bundle), `${fn.handler}: ${bundle}`).toBe(true);
      expect(existsSync(`${bundle}.map`), `${fn.handler} source map`).toBe(true);
      const code = readFileSync(bundle, 'utf8');
      expect(
        code.startsWith("import { createRequire } from 'module'; const require = createRequire(import.meta.url);"),
        fn.handler,
      ).toBe(true);
      expect(code, `${fn.handler} exports handler`).toMatch(/export\s*\{[^}]*\bhandler\b[^}]*\}/);
      const bytes = statSync(bundle).size;
      sizes.push({ handler: fn.handler, bytes });
      expect(bytes, `${fn.handler} bundle size`).toBeLessThan(
        fn.handler === documentWriter ? documentWriterCeilingBytes : ceilingBytes,
      );
    }
    expect(sizes.map((s) => s.handler)).toContain(documentWriter);
    sizes = sizes.sort((a, b) => b.bytes - a.bytes);
  });
});
