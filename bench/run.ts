// `npm run bench`: DynamoDB requests per API call and per close, close time against
// the raw-Query floor, API throughput and latency against a bare route, and Lambda
// bundle sizes and load times against a baseline bundle. Prints one table and writes
// bench/results.json. Everything runs in this process on free ports (plus short-lived
// child processes), in memory; it leaves no file but bench/results.json.
import './env';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type ApiFigures, bareRoute, benchApi } from './api';
import { type BundleFigures, benchBundles, documentWriter } from './bundles';
import { benchClose, type CloseFigures } from './close';
import { writeCostTable, writeFiguresSection } from './cost';
import type { DashboardFigures } from './dashboard';
import { round, startHarness } from './harness';
import { type CallCount, countSamplePlanCalls } from './requests';
import type { WebAppFigures } from './web-app';

const log = (s: string) => process.stderr.write(`${s}\n`);

/** A bench script (bench/web-app.ts, bench/dashboard.ts) run as its own process, its figures read from its standard output. */
function figuresInChildProcess<T>(name: string): Promise<T> {
  const script = fileURLToPath(new URL(name, import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (stderr) process.stderr.write(stderr);
        if (error) reject(error);
        else resolve(JSON.parse(stdout.slice(stdout.lastIndexOf('\n{\n') + 1)) as T); // logs may come first
      },
    );
  });
}
const resultsFile = fileURLToPath(new URL('./results.json', import.meta.url));

interface Goal {
  goal: string;
  value: number;
  limit: number;
  met: boolean;
  detail: string;
}

async function main() {
  const started = performance.now();
  const machine = {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
  };
  log(`ragtime bench on ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`);

  // Bundles first, while no server competes for the CPU.
  // Inside the project, so the AWS SDK the bundles leave out resolves from node_modules,
  // as it does from the Lambda runtime's own copy in AWS.
  const outRoot = mkdtempSync(fileURLToPath(new URL('../.bench-bundles-', import.meta.url)));
  let bundles: BundleFigures;
  try {
    log('bundles: build and load time');
    bundles = await benchBundles(outRoot, log);
  } finally {
    rmSync(outRoot, { recursive: true, force: true });
  }

  // The web app in its own process (its own local stack and Chromium): the store's
  // DynamoDB client is one per process, bound to the first stack's endpoint, so a stack
  // started here first would leave the harness below talking to a stopped engine.
  const web = await figuresInChildProcess<WebAppFigures>('./web-app.ts');
  // The dashboard at 1,000 measures likewise: its own stack, table and Chromium.
  const dashboard = await figuresInChildProcess<DashboardFigures>('./dashboard.ts');

  log('local stack');
  const h = await startHarness([bareRoute]);
  let calls: CallCount[];
  let api: ApiFigures;
  const closes: CloseFigures[] = [];
  try {
    log('requests per call (sample plan)');
    calls = await countSamplePlanCalls(h);
    log('API: PUT result, full vs bare');
    api = await benchApi(h, log);
    for (const [measures, reps] of [
      // More closes at 1,000 and 10,000: their medians are the close-time goal's.
      [35, 5],
      [1000, 7],
      [10000, 5],
    ] as const) {
      log(`close: ${measures} measures`);
      closes.push(await benchClose(h, measures, reps, log));
    }
  } finally {
    await h.stop();
  }

  const submit = calls[0]!;
  const report = calls[2]!;
  const close1k = closes.find((c) => c.measures === 1000)!;
  const close10k = closes.find((c) => c.measures === 10000)!;
  // The Word and Excel writers live in their own function by design (docs/documents.md):
  // the goals hold for every other function; the writer's figures are reported beside them.
  // So do SES, nodemailer and the close email's rendering: the mailer alone carries them (docs/architecture.md "The outbox").
  const apart = [documentWriter, 'mailer'];
  const others = bundles.handlers.filter((b) => !apart.includes(b.handler));
  const writerNote = bundles.handlers
    .filter((b) => apart.includes(b.handler))
    .map(
      (b) => `; ${b.handler} (own function, not held to this goal) ${b.kb} KB, ${b.loadMedianMs} ms (×${b.loadRatio})`,
    )
    .join('');
  const worstSize = others.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const worstLoad = others.reduce((a, b) => (b.loadRatio > a.loadRatio ? b : a));
  const scaling = round(close10k.requests / close1k.requests, 2);
  const n = (x: number) => x.toLocaleString('en-GB');
  const goals: Goal[] = [
    {
      goal: 'submit-requests',
      value: submit.requests,
      limit: 3,
      met: submit.requests <= 3,
      detail: `${submit.requests} requests (${Object.entries(submit.byCommand)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}); the floor is 2${submit.requests === 2 ? ', reached' : ''}`,
    },
    {
      goal: 'report-requests',
      value: report.requests,
      limit: 6,
      met: report.requests <= 6,
      detail: `${report.requests} requests (${Object.entries(report.byCommand)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')})`,
    },
    {
      goal: 'close-requests-scaling',
      value: scaling,
      limit: 10,
      met: close10k.requests <= 10 * close1k.requests,
      detail: `${close10k.requests} requests at 10,000 measures / ${close1k.requests} at 1,000`,
    },
    {
      goal: 'close-time-ratio',
      value: Math.max(close10k.ratio, close1k.ratio),
      limit: 1.5,
      met: close10k.ratio <= 1.5 && close1k.ratio <= 1.5,
      detail: `close ${close10k.closeMedianMs} ms / raw-Query floor ${close10k.floorMedianMs} ms at 10,000 measures (×${close10k.ratio}), ${close1k.closeMedianMs} / ${close1k.floorMedianMs} ms at 1,000 (×${close1k.ratio}); the email follows through the outbox, in the store ${closes.map((c) => `${c.emailMedianMs} ms`).join(', ')} after the answer at ${closes.map((c) => n(c.measures)).join(', ')} measures; steps timed alone at 10,000: reads ${close10k.breakdownMs.reads}, report ${close10k.breakdownMs.buildReport}, snapshot JSON+gzip ${close10k.breakdownMs.snapshotJsonGzip}, (the mailer's) email render ${close10k.breakdownMs.emailRender}, email send ${close10k.breakdownMs.emailSend} ms; the process's CPU time over the close against over the floor (informative: steadier on a loaded machine) ×${close10k.cpuRatio} at 10,000, ×${close1k.cpuRatio} at 1,000`,
    },
    {
      goal: 'api-throughput-ratio',
      value: api.throughputRatio,
      limit: 0.85,
      met: api.throughputRatio >= 0.85,
      detail: `${api.full.throughput} / ${api.bare.throughput} req/s (median of ${api.runs.length / 2} runs each)`,
    },
    {
      goal: 'api-p99-ratio',
      value: api.p99Ratio,
      limit: 1.3,
      met: api.p99Ratio <= 1.3,
      detail: `p99 ${api.full.p99} / ${api.bare.p99} ms`,
    },
    {
      goal: 'bundle-size',
      value: worstSize.kb,
      limit: 250,
      met: worstSize.kb <= 250,
      detail: `largest: ${worstSize.handler} ${worstSize.kb} KB; the baseline (DynamoDB document client only) is ${bundles.baseline.kb} KB; with the AWS SDK left to the Lambda runtime the largest would be ${Math.max(...others.map((x) => x.kbWithRuntimeSdk))} KB${writerNote}`,
    },
    {
      goal: 'load-time-ratio',
      value: worstLoad.loadRatio,
      limit: 1.3,
      met: worstLoad.loadRatio <= 1.3,
      detail: `worst: ${worstLoad.handler} ${worstLoad.loadMedianMs} ms / baseline ${bundles.baseline.loadMedianMs} ms${writerNote}`,
    },
    {
      goal: 'web-initial-js-gzip-kb',
      value: web.initialJsGzipKb,
      limit: 60,
      met: web.initialJsGzipKb <= 60,
      detail: `${web.initialJsFiles.join(' + ')}; the admin pages and the Cognito sign-in code (${web.lazyJsGzipKb} KB) load only when used`,
    },
    {
      goal: 'web-css-gzip-kb',
      value: web.cssGzipKb,
      limit: 25,
      met: web.cssGzipKb <= 25,
      detail: 'GOV.UK Frontend (only the components used) and the app’s own styles',
    },
    {
      goal: 'web-api-requests-per-page',
      value: web.maxRequestsPerPage,
      limit: 3,
      met: web.maxRequestsPerPage <= 3,
      detail: web.requestsPerPage.map((p) => `${p.page}: ${p.calls.join(', ')}`).join('; '),
    },
    {
      goal: 'dashboard-1000-api-requests',
      value: dashboard.apiRequests,
      limit: 3,
      met: dashboard.apiRequests <= 3 && dashboard.trendLinesShown === dashboard.measures,
      detail: `the dashboard in Chromium at ${n(dashboard.measures)} measures × ${dashboard.quarters} quarters: ${dashboard.calls.join(', ')}; ${n(dashboard.rowsShown)} rows and ${n(dashboard.trendLinesShown)} trend lines shown in ${dashboard.pageLoadMs} ms; the report with ?trend=8 took ${dashboard.trend.medianMs} ms against ${dashboard.plain.medianMs} ms without (×${dashboard.timeRatio}; ${dashboard.trend.dynamodbRequests} Queries against ${dashboard.plain.dynamodbRequests}, ${dashboard.trend.bodyKb} KB against ${dashboard.plain.bodyKb} KB of JSON)`,
    },
  ];

  const elapsedSeconds = round((performance.now() - started) / 1000, 1);
  const rows: string[][] = [];
  const floors: Record<string, number> = { submit: 2, measure: 2, report: 4 };
  for (const [key, c] of [
    ['submit', calls[0]!],
    ['measure', calls[1]!],
    ['report', calls[2]!],
  ] as const) {
    rows.push([
      `DynamoDB requests: ${c.operation}`,
      String(c.requests),
      `${floors[key]} (floor)`,
      String(round(c.requests / floors[key]!, 2)),
    ]);
  }
  for (const c of closes) {
    rows.push([
      `DynamoDB requests: close, ${n(c.measures)} measures`,
      String(c.requests),
      `${c.floorPages} Query pages (floor reads)`,
      '-',
    ]);
  }
  for (const c of closes) {
    rows.push([
      `close time, ${n(c.measures)} measures (ms, median of ${c.closeMs.length})`,
      String(c.closeMedianMs),
      `${c.floorMedianMs} (raw Query floor)`,
      String(c.ratio),
    ]);
  }
  for (const c of closes) {
    rows.push([
      `close's answer to its email in the SES emulator, ${n(c.measures)} measures (ms, median of ${c.emailMs.length})`,
      String(c.emailMedianMs),
      '-',
      '-',
    ]);
  }
  rows.push([
    `API PUT result throughput (req/s, median of ${api.runs.length / 2})`,
    String(api.full.throughput),
    `${api.bare.throughput} (bare route)`,
    String(api.throughputRatio),
  ]);
  rows.push([
    `API PUT result p50 latency (ms, median of ${api.runs.length / 2})`,
    String(api.full.p50),
    `${api.bare.p50} (bare route)`,
    String(api.p50Ratio),
  ]);
  rows.push([
    `API PUT result p99 latency (ms, median of ${api.runs.length / 2})`,
    String(api.full.p99),
    `${api.bare.p99} (bare route)`,
    String(api.p99Ratio),
  ]);
  rows.push(['bundle KB minified: baseline (document client only)', String(bundles.baseline.kb), '-', '-']);
  rows.push([`load ms: baseline (median of ${bundles.runs})`, String(bundles.baseline.loadMedianMs), '-', '-']);
  for (const b of bundles.handlers) {
    rows.push([
      `${b.handler}: KB minified / load ms`,
      `${b.kb} / ${b.loadMedianMs}`,
      `${bundles.baseline.kb} / ${bundles.baseline.loadMedianMs}`,
      `${b.sizeRatio} / ${b.loadRatio}`,
    ]);
  }
  rows.push(['web app initial JS, KB gzipped', String(web.initialJsGzipKb), '60 (goal)', '-']);
  rows.push(['web app CSS, KB gzipped', String(web.cssGzipKb), '25 (goal)', '-']);
  for (const p of web.requestsPerPage)
    rows.push([`web app API requests: ${p.page}`, String(p.requests), '3 (goal)', '-']);
  rows.push([
    `web app API requests: Dashboard, ${n(dashboard.measures)} measures × ${dashboard.quarters} quarters`,
    String(dashboard.apiRequests),
    '3 (goal)',
    '-',
  ]);
  rows.push([
    `DynamoDB requests: report ?trend=8, ${n(dashboard.measures)} measures`,
    String(dashboard.trend.dynamodbRequests),
    `${dashboard.plain.dynamodbRequests} (without trend)`,
    String(round(dashboard.trend.dynamodbRequests / dashboard.plain.dynamodbRequests, 2)),
  ]);
  rows.push([
    `GET report ?trend=8 time, ${n(dashboard.measures)} measures (ms, median of ${dashboard.trend.ms.length})`,
    String(dashboard.trend.medianMs),
    `${dashboard.plain.medianMs} (same report without trend)`,
    String(dashboard.timeRatio),
  ]);
  const table = markdownTable(['figure', 'value', 'baseline', 'ratio'], rows);
  const goalTable = markdownTable(
    ['goal', 'value', 'limit', 'met', 'detail'],
    goals.map((g) => [g.goal, String(g.value), String(g.limit), g.met ? 'met' : 'MISSED', g.detail]),
  );
  process.stdout.write(
    `\n${table}\n\n${goalTable}\n\nmachine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.date}; run time ${elapsedSeconds} s\n`,
  );

  const results = {
    machine,
    runSeconds: elapsedSeconds,
    goals: goals.map(({ goal, value, limit, met }) => ({ goal, value, limit, met })),
    goalDetails: Object.fromEntries(goals.map((g) => [g.goal, g.detail])),
    requests: {
      calls: calls.map((c, i) => ({
        ...c,
        floor: Object.values(floors)[i],
        ratio: round(c.requests / Object.values(floors)[i]!, 2),
      })),
      close: closes.map((c) => ({
        measures: c.measures,
        requests: c.requests,
        byCommand: c.requestsByCommand,
        floorQueryPages: c.floorPages,
      })),
    },
    close: closes,
    api,
    bundles,
    web,
    dashboard,
    table,
  };
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${resultsFile}`);
  writeFiguresSection(
    `Latest run (\`npm run bench\` rewrites this part; the goals with what lies behind them follow it): ${machine.cpu}, ${machine.cores} cores, Node ${machine.node} (${machine.platform}), ${machine.date}, ${elapsedSeconds} s, the web app and dashboard parts in their own processes.\n\n${table}`,
    log,
  );
  // The README's "What it costs a council", from these figures (npm run bench:cost alone); formats the README.
  writeCostTable(log);
}

function markdownTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

// If anything were left holding the event loop, say what and fail rather than hang.
main().then(
  () => {
    setTimeout(() => {
      log(`bench finished but the process is still held by: ${process.getActiveResourcesInfo().join(', ')}`);
      process.exit(1);
    }, 10_000).unref();
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 10_000).unref();
  },
);
