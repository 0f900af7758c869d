// `node --import tsx bench/close-only.ts [measures...]`: only the close rows of `npm run bench`
// (benchClose of bench/close.ts in its own local stack), for measuring a change to the close
// without the rest of the bench. Default: 35 and 1,000 measures (10,000 is heavy: pass it).
// Prints one JSON line per size: the close's and the floor's medians, their ratio, the email.
import './env';
import { loadavg } from 'node:os';
import { bareRoute } from './api';
import { benchClose } from './close';
import { startHarness } from './harness';

const log = (s: string) => process.stderr.write(`${s}\n`);
const sizes = process.argv.slice(2).map(Number);
/** CLOSE_REPETITIONS: more closes a size for steadier medians on a loaded machine. */
const repetitions = process.env.CLOSE_REPETITIONS ? Number(process.env.CLOSE_REPETITIONS) : undefined;

async function main() {
  const h = await startHarness([bareRoute]);
  try {
    for (const measures of sizes.length > 0 ? sizes : [35, 1000]) {
      const c = await benchClose(h, measures, repetitions ?? (measures >= 10_000 ? 3 : 5), log);
      const { closeMedianMs: close, floorMedianMs: floor, ratio, emailMedianMs: email, requests } = c;
      const load = loadavg().map((x) => x.toFixed(2));
      console.log(
        JSON.stringify({
          measures,
          close,
          floor,
          ratio,
          cpuRatio: c.cpuRatio,
          email,
          requests,
          closeMs: c.closeMs,
          floorMs: c.floorMs,
          closeCpuMs: c.closeCpuMs,
          floorCpuMs: c.floorCpuMs,
          load,
        }),
      );
    }
  } finally {
    await h.stop();
  }
}
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
