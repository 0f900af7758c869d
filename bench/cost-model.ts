// What Ragtime costs a council per month in AWS (README "What it costs a council"): a
// usage model of a typical council and a large one, the bench's measured figures
// (bench/results.json) for what each request costs in Lambda time and DynamoDB
// requests, and eu-west-2 unit prices written down once. Pure: bench/cost.ts reads the
// results and writes the README; test/bench/cost.unit.test.ts checks the arithmetic.

/** When the unit prices below were written down. */
export const pricesRecorded = '6 December 2026';

export interface UnitPrice {
  service: string;
  item: string;
  /** USD, excluding VAT, per `per` units of `unit`. */
  usd: number;
  per: number;
  unit: string;
  source: string;
}

/** One unit price; `path` names the service's pricing page, https://aws.amazon.com/<path>/pricing/. */
const price = (service: string, item: string, usd: number, per: number, unit: string, path: string): UnitPrice => ({
  service,
  item,
  usd,
  per,
  unit,
  source: `https://aws.amazon.com/${path}/pricing/`,
});

/**
 * eu-west-2 (London) list prices, USD excluding VAT, on-demand, no free tier applied
 * (the free tiers are listed beside the table). Check each against its page before
 * budgeting: AWS changes prices, and the figures here are as recorded on
 * `pricesRecorded`.
 */
export const prices = {
  lambdaRequests: price('Lambda', 'requests', 0.2, 1e6, 'requests', 'lambda'),
  lambdaCompute: price('Lambda', 'compute, arm64', 0.0000133334, 1, 'GB-second', 'lambda'),
  apiRequests: price('API Gateway', 'HTTP API requests (first 300 million)', 1.11, 1e6, 'requests', 'api-gateway'),
  dynamoWrites: price(
    'DynamoDB',
    'on-demand write request units (Standard table class)',
    0.7068,
    1e6,
    'WRU',
    'dynamodb',
  ),
  dynamoReads: price('DynamoDB', 'on-demand read request units (Standard table class)', 0.1415, 1e6, 'RRU', 'dynamodb'),
  dynamoStorage: price('DynamoDB', 'table storage', 0.2972, 1, 'GB-month', 'dynamodb'),
  dynamoPitr: price('DynamoDB', 'point-in-time recovery', 0.2377, 1, 'GB-month', 'dynamodb'),
  cognitoPlus: price('Cognito', 'Plus tier (threat protection)', 0.02, 1, 'monthly active user', 'cognito'),
  sesEmails: price('SES', 'outbound email', 0.1, 1000, 'emails', 'ses'),
  sesAttachments: price('SES', 'attachments sent', 0.12, 1, 'GB', 'ses'),
  cloudFrontRequests: price('CloudFront', 'HTTPS requests (Europe)', 0.012, 10_000, 'requests', 'cloudfront'),
  cloudFrontTransfer: price(
    'CloudFront',
    'data out to the internet (Europe, first 10 TB)',
    0.085,
    1,
    'GB',
    'cloudfront',
  ),
  wafWebAcl: price('WAF', 'web ACL', 5, 1, 'web ACL-month', 'waf'),
  wafRules: price('WAF', 'rules', 1, 1, 'rule-month', 'waf'),
  wafRequests: price('WAF', 'requests inspected', 0.6, 1e6, 'requests', 'waf'),
  kmsKey: price('KMS', 'customer managed key', 1, 1, 'key-month', 'kms'),
  kmsRequests: price('KMS', 'requests', 0.03, 10_000, 'requests', 'kms'),
  logsIngestion: price('CloudWatch', 'logs ingested', 0.5985, 1, 'GB', 'cloudwatch'),
  logsStorage: price('CloudWatch', 'logs stored', 0.0315, 1, 'GB-month', 'cloudwatch'),
  alarms: price('CloudWatch', 'standard alarms', 0.1, 1, 'alarm-month', 'cloudwatch'),
  customMetrics: price('CloudWatch', 'custom metrics', 0.3, 1, 'metric-month', 'cloudwatch'),
  dashboards: price('CloudWatch', 'dashboard', 3, 1, 'dashboard-month', 'cloudwatch'),
  xrayTraces: price('X-Ray', 'traces recorded', 5, 1e6, 'traces', 'xray'),
  secrets: price('Secrets Manager', 'secret', 0.4, 1, 'secret-month', 'secrets-manager'),
  s3Storage: price('S3', 'Standard storage', 0.024, 1, 'GB-month', 's3'),
  s3Puts: price('S3', 'PUT requests', 0.0053, 1000, 'requests', 's3'),
} as const;

export type PriceName = keyof typeof prices;

/** What the bench measured that the cost depends on (bench/results.json). */
export interface MeasuredFigures {
  /** Median Lambda time of one API request (the bench's API p50 for a result write). */
  apiRequestMs: number;
  /** Median module load time over the API handlers (what a cold start adds, billed since Aug 2025). */
  apiColdStartMs: number;
  /** DynamoDB requests of one save, by command (the bench's submit). */
  saveRequests: Record<string, number>;
  /** DynamoDB requests of one page's read (the bench's read of a measure). */
  readRequests: number;
  /** Lambda functions deployed (one per handler). */
  functions: number;
  /** API requests the web app makes per page, and the dashboard's. */
  apiRequestsPerPage: number;
  dashboardApiRequests: number;
  /** The dashboard's report JSON with trends at `dashboardMeasures` measures, KB. */
  dashboardBodyKb: number;
  dashboardMeasures: number;
  /** The web app's JavaScript and CSS, gzipped KB (a first visit's download). */
  webAppKb: number;
  /** The close at the measured sizes: ms, items its Queries read, snapshot chunks, by measure count. */
  closes: { measures: number; ms: number; itemsRead: number; snapshotChunks: number; requests: number }[];
}

/** A council's size and habits (README "What it costs a council"). */
export interface Council {
  name: string;
  /** Staff who sign in during a month (Cognito's monthly active users). */
  staff: number;
  measures: number;
  /** Items of planned work (actions), each updated once a quarter. */
  actions: number;
  /** The share of measures reported monthly; the rest quarterly. */
  monthlyShare: number;
  closesPerYear: number;
  /** The close email's size (Word draft and summary), MB, and how many it goes to. */
  closeEmailMb: number;
  emtRecipients: number;
  directorates: number;
  /** Word and Excel downloads a month (each runs the document writer). */
  documentDownloads: number;
  /** The document writer's time for one Word draft (not in the bench: assumed). */
  renderMs: number;
}

/** Habits the model assumes, the same for both councils (README lists them). */
export const assumptions = {
  /** Times a member of staff opens Ragtime in a month. */
  sessionsPerStaff: 6,
  /** Dashboard views per member of staff a month. */
  dashboardViewsPerStaff: 2,
  /** Each return is saved this many times (drafts, corrections). */
  savesPerReturn: 2,
  /** Pages around each save: its form, then back to Your returns. */
  pagesPerSave: 2,
  /** Share of API requests that start a fresh Lambda instance (sparse traffic). */
  coldStartShare: 0.1,
  /** Items read by one BatchGetItem (a save reads its measure, result, close record and marker). */
  itemsPerBatchGet: 4,
  /** Size of a stored result or update version, KB (value, breakdown, up to 1,000 characters of commentary). */
  itemKb: 2,
  /** Average size of a stored item a report reads, KB. */
  reportItemKb: 0.5,
  /** A snapshot chunk is at most a DynamoDB item (400 KB): 400 WRUs. */
  snapshotChunkKb: 400,
  /** ID tokens per session: the sign-in and one refresh (the sign-in trigger runs for each). */
  tokensPerSession: 2,
  /** Files the browser fetches from CloudFront per session (index.html, config.json; the rest cached). */
  appRequestsPerSession: 2,
  /** An API answer other than the dashboard, KB; a Word or Excel download, KB. */
  apiAnswerKb: 4,
  downloadKb: 500,
  /** Log written per API request (access log line, Lambda's START/END/REPORT, the request log), KB. */
  logKbPerRequest: 1.5,
  /** Log retention (logRetentionDays 365): a year of logs is stored at any time. */
  logMonthsKept: 12,
  /** CloudFront and S3 access logs per request, KB, kept 365 days. */
  accessLogKbPerRequest: 0.5,
  /** Years of data in the table (every version is kept). */
  yearsOfData: 5,
  /** Reminder days per quarter (reminderDays 5,1) and addresses per directorate each time. */
  reminderDaysPerQuarter: 2,
  reminderAddressesPerDirectorate: 3,
  /** Scheduled job runs a quarter besides reminders: the close and its watchdog. */
  jobRunsPerQuarter: 2,
  /** Lambda memory, MB (lib/function.ts 512 default; lib/documents.ts 2048 for the document writer). */
  functionMemoryMb: 512,
  documentWriterMemoryMb: 2048,
  /** CloudWatch: alarms per function (Errors, Throttles) plus the API 5xx, API throttled and dead-letter alarms. */
  alarmsPerFunction: 2,
  otherAlarms: 3,
  /** Custom metrics: 5 from the jobs (EMF), 1 from the access-log metric filter. */
  customMetrics: 6,
  /** The web ACL's rules (lib/waf.ts): the rate limit and the common rule set. */
  wafRules: 2,
  /** The alarm topic's key (lib/alarms.ts); the table uses the AWS-managed key. */
  kmsKeys: 1,
  kmsRequests: 1000,
  /** Only with OIDC federation: the client secret (docs/people.md). */
  secrets: 1,
} as const;

export const typicalCouncil: Council = {
  name: 'typical',
  staff: 200,
  measures: 1000,
  actions: 400,
  monthlyShare: 0.3,
  closesPerYear: 4,
  closeEmailMb: 5,
  emtRecipients: 10,
  directorates: 6,
  documentDownloads: 20,
  renderMs: 2500,
};

/** Ten times the staff, measures, planned work and downloads; the same closes, a larger email. */
export const largeCouncil: Council = {
  ...typicalCouncil,
  name: 'large',
  staff: 2000,
  measures: 10_000,
  actions: 4000,
  closeEmailMb: 10,
  directorates: 10,
  documentDownloads: 200,
  renderMs: 10_000,
};

/** How much of each priced thing a council uses in a month. */
export type Usage = Record<PriceName, number>;

/** The close figures for a council's size: the measured size at or above it (or the largest), scaled linearly beyond it. */
export function closeAt(measured: MeasuredFigures['closes'], measures: number): MeasuredFigures['closes'][number] {
  if (measured.length === 0) throw new Error('bench results have no close figures');
  const sorted = [...measured].sort((a, b) => a.measures - b.measures);
  const at = sorted.find((c) => c.measures >= measures) ?? sorted.at(-1)!;
  const scale = Math.max(1, measures / at.measures);
  return {
    measures,
    ms: at.ms * scale,
    itemsRead: at.itemsRead * scale,
    snapshotChunks: Math.ceil(at.snapshotChunks * scale),
    requests: at.requests * scale,
  };
}

const gb = (kb: number) => kb / (1024 * 1024);

/** A council's monthly usage of everything priced, from its habits and the bench's figures. */
export function monthlyUsage(council: Council, m: MeasuredFigures): Usage {
  const a = assumptions;
  // Returns a month: monthly measures every month, quarterly ones a third of the time; planned work quarterly.
  const returns = council.measures * (council.monthlyShare + (1 - council.monthlyShare) / 3) + council.actions / 3;
  const saves = returns * a.savesPerReturn;
  const sessions = council.staff * a.sessionsPerStaff;
  const dashboardViews = council.staff * a.dashboardViewsPerStaff;
  const closes = council.closesPerYear / 12;
  const quarters = 1 / 3;

  const pageRequests = (sessions + saves * a.pagesPerSave) * m.apiRequestsPerPage;
  const apiRequests = pageRequests + saves + dashboardViews * m.dashboardApiRequests + council.documentDownloads;

  // Lambda: every API request, each sign-in's tokens, the jobs and the document writer.
  const tokens = sessions * a.tokensPerSession;
  const reminderRuns = a.reminderDaysPerQuarter * quarters;
  const jobRuns = a.jobRunsPerQuarter * quarters + reminderRuns;
  const renders = closes + council.documentDownloads;
  const close = closeAt(m.closes, council.measures);
  const apiGb = a.functionMemoryMb / 1024;
  const lambdaSeconds =
    ((apiRequests + tokens) * (m.apiRequestMs + a.coldStartShare * m.apiColdStartMs)) / 1000 +
    (closes * close.ms) / 1000;
  const lambdaGbSeconds =
    lambdaSeconds * apiGb + ((renders * council.renderMs) / 1000) * (a.documentWriterMemoryMb / 1024);

  // DynamoDB: saves by the bench's commands, page reads, dashboards by the size of the report they read, closes.
  const batchGets = m.saveRequests.BatchGetItem ?? 0;
  const saveWrites = (m.saveRequests.PutItem ?? 0) + (m.saveRequests.UpdateItem ?? 0);
  const dashboardRru = Math.ceil(m.dashboardBodyKb / 4) * (council.measures / m.dashboardMeasures);
  const closeRru = Math.ceil((close.itemsRead * a.reportItemKb) / 4);
  const rru =
    saves * batchGets * a.itemsPerBatchGet +
    pageRequests * m.readRequests +
    tokens + // the sign-in trigger's one GetItem
    dashboardViews * dashboardRru +
    closes * closeRru;
  const wru = saves * saveWrites * a.itemKb + closes * (close.snapshotChunks * a.snapshotChunkKb + close.requests);
  // Every saved version is kept (history), and every close's snapshot.
  const storedGb = gb(
    saves * 12 * a.yearsOfData * a.itemKb +
      council.closesPerYear * a.yearsOfData * close.snapshotChunks * a.snapshotChunkKb,
  );

  // Email: the close to EMT, the reminders to each directorate's contacts.
  const closeEmails = closes * council.emtRecipients;
  const reminderEmails = reminderRuns * council.directorates * a.reminderAddressesPerDirectorate;

  // CloudFront (and WAF, which inspects the same requests): the API, the app's files.
  const appRequests = sessions * a.appRequestsPerSession;
  const edgeRequests = apiRequests + appRequests;
  const transferKb =
    (apiRequests - dashboardViews * m.dashboardApiRequests - council.documentDownloads) * a.apiAnswerKb +
    dashboardViews * m.dashboardBodyKb * (council.measures / m.dashboardMeasures) +
    council.documentDownloads * a.downloadKb +
    council.staff * m.webAppKb;

  const logsGb = gb(apiRequests * a.logKbPerRequest + (tokens + jobRuns + renders) * a.logKbPerRequest);
  const accessLogsGb = gb(edgeRequests * a.accessLogKbPerRequest);

  return {
    lambdaRequests: apiRequests + tokens + jobRuns + renders,
    lambdaCompute: lambdaGbSeconds,
    apiRequests,
    dynamoWrites: wru,
    dynamoReads: rru,
    dynamoStorage: storedGb,
    dynamoPitr: storedGb,
    cognitoPlus: council.staff,
    sesEmails: closeEmails + reminderEmails,
    sesAttachments: (closeEmails * council.closeEmailMb) / 1024,
    cloudFrontRequests: edgeRequests,
    cloudFrontTransfer: gb(transferKb),
    wafWebAcl: 1,
    wafRules: a.wafRules,
    wafRequests: edgeRequests,
    kmsKey: a.kmsKeys,
    kmsRequests: a.kmsRequests,
    logsIngestion: logsGb,
    logsStorage: logsGb * a.logMonthsKept,
    alarms: m.functions * a.alarmsPerFunction + a.otherAlarms,
    customMetrics: a.customMetrics,
    dashboards: 1,
    xrayTraces: apiRequests + tokens + jobRuns + renders,
    secrets: a.secrets,
    s3Storage: accessLogsGb * a.logMonthsKept,
    s3Puts: 24 * 30 * 2,
  };
}

/** USD a month for one priced thing. */
export function lineCost(name: PriceName, quantity: number): number {
  const price: UnitPrice = prices[name];
  return (quantity / price.per) * price.usd;
}

export interface ServiceCost {
  service: string;
  usd: number;
  lines: { name: PriceName; quantity: number; usd: number }[];
}

/** Usage priced and grouped by service, in the order of `prices`. */
export function costByService(usage: Usage): ServiceCost[] {
  const services = new Map<string, ServiceCost>();
  for (const name of Object.keys(prices) as PriceName[]) {
    const { service } = prices[name];
    const entry = services.get(service) ?? { service, usd: 0, lines: [] };
    const usd = lineCost(name, usage[name]);
    entry.lines.push({ name, quantity: usage[name], usd });
    entry.usd += usd;
    services.set(service, entry);
  }
  return [...services.values()];
}

export const totalUsd = (services: readonly ServiceCost[]) => services.reduce((sum, s) => sum + s.usd, 0);

/** Dollars for people: cents, and "< 0.01" rather than a misleading 0.00. */
export function usd(value: number): string {
  if (value > 0 && value < 0.005) return '< 0.01';
  return value.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A quantity for people: whole numbers with separators; small ones with up to 3 significant figures. */
export function quantity(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString('en-GB');
  if (value === 0) return '0';
  return Number(value.toPrecision(3)).toLocaleString('en-GB', { maximumSignificantDigits: 3 });
}

/** Replaces the text between two marker lines (kept), or fails naming the missing marker. */
export function replaceBetween(text: string, start: string, end: string, body: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0) throw new Error(`marker ${start} not found`);
  if (to < from) throw new Error(`marker ${end} not found after ${start}`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}
