// `npm run bench:bundles`: only the bundle part of the bench (every handler bundled as
// CDK bundles it, its size and its module load time in a fresh Node process against the
// baseline), without the local stack, the API or the close. Writes nothing.
import './env';
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchBundles, documentWriter } from './bundles';

const log = (s: string) => process.stderr.write(`${s}\n`);
const runs = Number(process.argv[2] ?? 10);
const outRoot = mkdtempSync(fileURLToPath(new URL('../.bench-bundles-', import.meta.url)));
try {
  const figures = await benchBundles(outRoot, log, runs);
  const rows = [...figures.handlers].sort((a, b) => b.bytes - a.bytes);
  console.log(`baseline (document client only): ${figures.baseline.kb} KB, load ${figures.baseline.loadMedianMs} ms`);
  console.log(`median of ${runs} loads each (${figures.bundling})`);
  console.log('| handler | KB minified | load ms (median) | load / baseline |');
  console.log('|---|---:|---:|---:|');
  for (const b of rows)
    console.log(
      `| ${b.handler}${b.handler === documentWriter ? ' (document writer)' : ''} | ${b.kb} | ${b.loadMedianMs} | ${b.loadRatio} |`,
    );
} finally {
  rmSync(outRoot, { recursive: true, force: true });
}
