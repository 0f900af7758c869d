// Every Lambda handler bundled as CDK bundles it (lib/function.ts `bundling`, plus what
// NodejsFunction always adds: --bundle, --platform=node, index.mjs for ESM), its minified
// size, and its module load time in a fresh Node process against a baseline bundle that
// only creates the DynamoDB document client, bundled the same way.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { median, round } from './harness';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const handlersDir = join(root, 'lambdas', 'handlers');
const baselineEntry = fileURLToPath(new URL('./baseline.ts', import.meta.url));

/** The esbuild options CDK derives from a NodejsFunction's bundling props. */
interface CdkBundling {
  minify?: boolean;
  sourceMap?: boolean;
  format?: string;
  target?: string;
  mainFields?: string[];
  banner?: string;
  externalModules?: string[];
}

/** Replicates the CDK bundling in case lib/function.ts cannot be imported. */
const fallbackBundling: CdkBundling = {
  minify: true,
  sourceMap: true,
  format: 'esm',
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
  externalModules: [],
};

async function cdkBundling(): Promise<{ options: CdkBundling; source: string }> {
  try {
    const { bundling } = (await import('../lib/function')) as { bundling: CdkBundling };
    return { options: bundling, source: 'lib/function.ts `bundling`' };
  } catch (error) {
    return {
      options: fallbackBundling,
      source: `bench/bundles.ts copy (lib/function.ts not importable: ${(error as Error).message.split('\n')[0]})`,
    };
  }
}

function esbuildOptions(b: CdkBundling, entry: string, outdir: string, external: string[] = []): esbuild.BuildOptions {
  const esm = b.format === 'esm';
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    outfile: join(outdir, esm ? 'index.mjs' : 'index.js'),
    format: esm ? 'esm' : 'cjs',
    target: b.target ?? 'node22',
    minify: b.minify ?? false,
    sourcemap: b.sourceMap ?? false,
    mainFields: b.mainFields,
    banner: b.banner ? { js: b.banner } : undefined,
    external: [...(b.externalModules ?? []), ...external],
    absWorkingDir: root,
    logLevel: 'warning',
  };
}

/** The function holding the Word and Excel writers, kept apart from the rest (docs/documents.md). */
export const documentWriter = 'render-document';

export interface BundleFigure {
  handler: string;
  bytes: number;
  kb: number;
  /** Size over the baseline bundle's. */
  sizeRatio: number;
  /** Informative: the same bundle with the AWS SDK left to the Lambda runtime (not what CDK builds). */
  kbWithRuntimeSdk: number;
  loadMs: number[];
  loadMedianMs: number;
  loadRatio: number;
}

export interface BundleFigures {
  bundling: string;
  baseline: { bytes: number; kb: number; loadMs: number[]; loadMedianMs: number };
  handlers: BundleFigure[];
  runs: number;
}

/** One fresh process: performance.now() around `await import()` of the bundle. */
async function loadOnce(file: string): Promise<number> {
  const url = pathToFileURL(file).href;
  const script = `const t = performance.now(); await import(${JSON.stringify(url)}); process.stdout.write(String(performance.now() - t));`;
  const env = {
    PATH: process.env.PATH ?? '',
    AWS_REGION: 'eu-west-2',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env, cwd: join(file, '..') });
  const ms = Number(stdout);
  if (!Number.isFinite(ms)) throw new Error(`loading ${file} printed ${stdout}`);
  return ms;
}

export async function benchBundles(outRoot: string, log: (s: string) => void, runs = 10): Promise<BundleFigures> {
  const { options, source } = await cdkBundling();
  const handlers = readdirSync(handlersDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
  const build = async (name: string, entry: string, external: string[] = []) => {
    const outdir = join(outRoot, external.length ? `${name}.runtime-sdk` : name);
    mkdirSync(outdir, { recursive: true });
    const opts = esbuildOptions(options, entry, outdir, external);
    await esbuild.build(opts);
    return opts.outfile!;
  };
  const files = new Map<string, { file: string; bytes: number; runtimeSdkBytes: number }>();
  const sdk = ['@aws-sdk/*', '@smithy/*'];
  const baselineFile = await build('baseline', baselineEntry);
  for (const h of handlers) {
    const file = await build(h, join(handlersDir, `${h}.ts`));
    const lean = await build(h, join(handlersDir, `${h}.ts`), sdk);
    files.set(h, { file, bytes: statSync(file).size, runtimeSdkBytes: statSync(lean).size });
  }
  log(`  built ${handlers.length} handlers and the baseline (${source})`);

  // Rounds interleave every bundle, so drift in the machine's speed hits all alike.
  const times = new Map<string, number[]>([['baseline', []], ...handlers.map((h) => [h, []] as [string, number[]])]);
  await loadOnce(baselineFile); // warm the file cache and node itself
  for (let r = 0; r < runs; r++) {
    times.get('baseline')!.push(await loadOnce(baselineFile));
    for (const h of handlers) times.get(h)!.push(await loadOnce(files.get(h)!.file));
  }
  const baseMs = median(times.get('baseline')!);
  const baselineBytes = statSync(baselineFile).size;
  return {
    bundling: source,
    runs,
    baseline: {
      bytes: baselineBytes,
      kb: round(baselineBytes / 1024, 1),
      loadMs: times.get('baseline')!.map((x) => round(x, 1)),
      loadMedianMs: round(baseMs, 1),
    },
    handlers: handlers.map((h) => {
      const f = files.get(h)!;
      const ms = times.get(h)!;
      return {
        handler: h,
        bytes: f.bytes,
        kb: round(f.bytes / 1024, 1),
        sizeRatio: round(f.bytes / baselineBytes, 2),
        kbWithRuntimeSdk: round(f.runtimeSdkBytes / 1024, 1),
        loadMs: ms.map((x) => round(x, 1)),
        loadMedianMs: round(median(ms), 1),
        loadRatio: round(median(ms) / baseMs, 2),
      };
    }),
  };
}
