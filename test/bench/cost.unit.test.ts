// The cost model's arithmetic (bench/cost-model.ts), and the README's cost section
// against the committed bench/results.json (README "What it costs a council").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { costEnd, costStart, figuresEnd, figuresStart, measuredFrom } from '../../bench/cost';
import {
  assumptions,
  type Council,
  closeAt,
  costByService,
  largeCouncil,
  lineCost,
  type MeasuredFigures,
  monthlyUsage,
  prices,
  quantity,
  replaceBetween,
  totalUsd,
  typicalCouncil,
  usd,
} from '../../bench/cost-model';

const measured: MeasuredFigures = {
  apiRequestMs: 100,
  apiColdStartMs: 200,
  saveRequests: { BatchGetItem: 2, PutItem: 1, UpdateItem: 1 },
  readRequests: 2,
  functions: 40,
  apiRequestsPerPage: 2,
  dashboardApiRequests: 3,
  dashboardBodyKb: 400,
  dashboardMeasures: 1000,
  webAppKb: 100,
  closes: [
    { measures: 1000, ms: 600, itemsRead: 4000, snapshotChunks: 1, requests: 9 },
    { measures: 10_000, ms: 3000, itemsRead: 40_000, snapshotChunks: 2, requests: 18 },
  ],
};

/** Round figures: 300 measures all quarterly (100 returns a month), no planned work, 10 staff. */
const small: Council = {
  name: 'small',
  staff: 10,
  measures: 300,
  actions: 0,
  monthlyShare: 0,
  closesPerYear: 12,
  closeEmailMb: 1,
  emtRecipients: 4,
  directorates: 2,
  documentDownloads: 10,
  renderMs: 1000,
};

describe('unit prices', () => {
  it('price a quantity per their unit', () => {
    expect(lineCost('lambdaRequests', 1e6)).toBeCloseTo(0.2, 10);
    expect(lineCost('sesEmails', 1000)).toBeCloseTo(0.1, 10);
    expect(lineCost('cloudFrontRequests', 10_000)).toBeCloseTo(0.012, 10);
    expect(lineCost('cognitoPlus', 200)).toBeCloseTo(4, 10);
    expect(lineCost('lambdaCompute', 1000)).toBeCloseTo(0.0133334, 10);
  });

  it('give WAF as the docs say: USD 7 a month and 0.60 per million requests', () => {
    const waf = lineCost('wafWebAcl', 1) + lineCost('wafRules', assumptions.wafRules) + lineCost('wafRequests', 1e6);
    expect(waf).toBeCloseTo(7.6, 10);
  });

  it('each name a service, a unit and an https source', () => {
    for (const price of Object.values(prices)) {
      expect(price.usd).toBeGreaterThan(0);
      expect(price.per).toBeGreaterThan(0);
      expect(price.source).toMatch(/^https:\/\/aws\.amazon\.com\/[a-z0-9-]+\/pricing\/$/);
    }
  });
});

describe('monthly usage', () => {
  const usage = monthlyUsage(small, measured);
  // 100 returns, 200 saves; 60 sessions; 20 dashboard views; 1 close a month.
  const pageRequests = (60 + 200 * 2) * 2;
  const apiRequests = pageRequests + 200 + 20 * 3 + 10;

  it('counts API requests from sessions, saves (with their pages), dashboards and downloads', () => {
    expect(usage.apiRequests).toBeCloseTo(apiRequests, 9);
    // CloudFront and WAF see the same requests, plus two app files a session.
    expect(usage.cloudFrontRequests).toBeCloseTo(apiRequests + 120, 9);
    expect(usage.wafRequests).toBe(usage.cloudFrontRequests);
  });

  it('counts Lambda invocations and GB-seconds from the measured times and the configured memory', () => {
    const tokens = 120;
    const jobRuns = 2 / 3 + 2 / 3;
    const renders = 1 + 10;
    expect(usage.lambdaRequests).toBeCloseTo(apiRequests + tokens + jobRuns + renders, 9);
    // 512 MB: (requests × (100 ms + 10% of a 200 ms cold start) + the close's 600 ms at 1,000 measures, scaled to 300: no, the next size up) …
    const apiSeconds = ((apiRequests + tokens) * (100 + 0.1 * 200)) / 1000 + 600 / 1000;
    // … plus the document writer, 1 s at 2 GB per render.
    expect(usage.lambdaCompute).toBeCloseTo(apiSeconds * 0.5 + renders * 1 * 2, 6);
  });

  it('counts DynamoDB request units from the bench commands, the report size and the close', () => {
    const saves = 200;
    const rru =
      saves * 2 * 4 + // two BatchGetItem of four items each
      pageRequests * 2 + // a page's read: 2 requests
      120 + // the sign-in trigger's GetItem per token
      20 * Math.ceil(400 / 4) * 0.3 + // dashboards: the report's 400 KB at 1,000 measures, scaled to 300
      Math.ceil((4000 * 0.5) / 4); // the close reads 4,000 items of 0.5 KB
    expect(usage.dynamoReads).toBeCloseTo(rru, 6);
    // PutItem + UpdateItem of 2 KB per save; the close's 400 KB snapshot chunk and its 9 requests.
    expect(usage.dynamoWrites).toBeCloseTo(saves * 2 * 2 + (400 + 9), 6);
  });

  it('sends the close to each EMT address and the reminders to each directorate', () => {
    expect(usage.sesEmails).toBeCloseTo(4 + (2 / 3) * 2 * 3, 9);
    expect(usage.sesAttachments).toBeCloseTo(4 / 1024, 12);
  });

  it('counts alarms per function, and bills every member of staff as a monthly active user', () => {
    expect(usage.alarms).toBe(40 * 2 + 3);
    expect(usage.cognitoPlus).toBe(10);
  });

  it('grows with the council: the large one costs more than the typical one in every usage-driven service', () => {
    const typical = costByService(monthlyUsage(typicalCouncil, measured));
    const large = costByService(monthlyUsage(largeCouncil, measured));
    for (const service of ['Lambda', 'API Gateway', 'DynamoDB', 'Cognito', 'CloudFront', 'X-Ray'])
      expect(large.find((s) => s.service === service)!.usd, service).toBeGreaterThan(
        typical.find((s) => s.service === service)!.usd,
      );
    expect(totalUsd(large)).toBeGreaterThan(totalUsd(typical));
  });
});

describe('the close at a council size', () => {
  it('takes the measured size at or above it, and scales beyond the largest', () => {
    expect(closeAt(measured.closes, 500)).toMatchObject({ ms: 600, itemsRead: 4000 });
    expect(closeAt(measured.closes, 10_000)).toMatchObject({ ms: 3000, snapshotChunks: 2 });
    expect(closeAt(measured.closes, 20_000)).toMatchObject({ ms: 6000, itemsRead: 80_000, snapshotChunks: 4 });
    expect(() => closeAt([], 1)).toThrow(/no close figures/);
  });
});

describe('cost by service', () => {
  it('prices every line, groups lines by service in price order, and totals them', () => {
    const services = costByService(monthlyUsage(small, measured));
    expect(services.map((s) => s.service)).toEqual([...new Set(Object.values(prices).map((p) => p.service))]);
    expect(services.flatMap((s) => s.lines.map((l) => l.name))).toEqual(Object.keys(prices));
    for (const service of services) {
      expect(service.usd).toBeCloseTo(
        service.lines.reduce((sum, l) => sum + l.usd, 0),
        12,
      );
      for (const line of service.lines) expect(line.usd).toBeCloseTo(lineCost(line.name, line.quantity), 12);
    }
    expect(totalUsd(services)).toBeCloseTo(
      services.reduce((sum, s) => sum + s.usd, 0),
      12,
    );
  });
});

describe('formatting', () => {
  it('writes dollars to the cent, and "< 0.01" for less than half a cent above nothing', () => {
    expect(usd(1234.5)).toBe('1,234.50');
    expect(usd(0.004)).toBe('< 0.01');
    expect(usd(0)).toBe('0.00');
    expect(usd(0.006)).toBe('0.01');
  });

  it('writes quantities whole with separators, small ones to 3 significant figures', () => {
    expect(quantity(12_708.4)).toBe('12,708');
    expect(quantity(0.016_34)).toBe('0.0163');
    expect(quantity(15.33)).toBe('15.3');
    expect(quantity(0)).toBe('0');
  });

  it('replaces only what is between the markers, and fails when one is missing', () => {
    const text = `before\n${costStart}\nold\n${costEnd}\nafter`;
    expect(replaceBetween(text, costStart, costEnd, 'new')).toBe(`before\n${costStart}\nnew\n${costEnd}\nafter`);
    expect(() => replaceBetween('no markers', costStart, costEnd, 'x')).toThrow(/cost:start/);
    expect(() => replaceBetween(costStart, costStart, costEnd, 'x')).toThrow(/cost:end/);
  });
});

describe('the README', () => {
  it('shows the totals the model gives for the committed bench results', () => {
    const results = JSON.parse(readFileSync(new URL('../../bench/results.json', import.meta.url), 'utf8'));
    const figures = measuredFrom(results);
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf(costStart), readme.indexOf(costEnd));
    for (const council of [typicalCouncil, largeCouncil])
      expect(section).toContain(`**${usd(totalUsd(costByService(monthlyUsage(council, figures))))}**`);
  });

  it('shows the figures table of the committed bench results, between the markers the bench rewrites', () => {
    const results = JSON.parse(readFileSync(new URL('../../bench/results.json', import.meta.url), 'utf8'));
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const from = readme.indexOf(figuresStart);
    expect(from).toBeGreaterThan(0);
    const section = readme.slice(from, readme.indexOf(figuresEnd));
    expect(section).toContain(results.machine.date);
    // The table as the bench printed it (Biome may only re-pad its columns).
    const squeeze = (t: string) => t.replace(/ +/g, ' ').replace(/ ?-{3,} ?/g, '---');
    expect(squeeze(section)).toContain(squeeze(results.table));
  });
});
