// The ZIP64 bypass of the workbook check (second review, finding 3), through real HTTP:
// the test crafts the review's file from the API's own export (a decoy directory for
// readers that ignore ZIP64, a ZIP64 record pointing at a 200 MB entry for exceljs's
// reader). It was imported (201) while the server's memory grew by half a gigabyte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxMediaType as xlsxType } from '../../lambdas/domain/media-types';
import { useTestStack } from '../support/api-test';
import { placeMeasure } from '../support/route-samples';
import { type TableDumper, tableDumper } from '../support/table-dump';
import { zip64Decoy } from '../support/zip-bomb';

const mb = 1024 * 1024;
const t = useTestStack({ tokens: { admin: 'admin' } });
let dumper: TableDumper;

beforeAll(async () => {
  dumper = tableDumper(t.stack.dynamodbUrl, process.env.TABLE_NAME!);
  expect((await t.call('PUT', '/measures/planning', { token: t.tokens.admin, body: placeMeasure })).status).toBe(201);
});
afterAll(async () => {
  dumper?.close();
});

/** The highest resident memory seen while `work` runs (sampled every 10 ms), less what it was before. */
async function peakGrowth(work: () => Promise<void>): Promise<number> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, process.memoryUsage().rss) - before;
}

describe('POST /imports/definitions with the ZIP64 decoy', () => {
  it('answers 422, stores nothing, and never inflates the 200 MB entry (memory stays flat)', async () => {
    const exported = await t.call('GET', '/definitions?format=xlsx', { token: t.tokens.admin });
    expect(exported.status).toBe(200);
    const crafted = await zip64Decoy(new Uint8Array(await exported.arrayBuffer()), 200 * mb);
    expect(crafted.length).toBeLessThan(256 * 1024);
    const before = await dumper.dump();
    let res: Response | undefined;
    const growth = await peakGrowth(async () => {
      res = await fetch(`${t.url}/imports/definitions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': xlsxType },
        body: new Uint8Array(crafted),
      });
      await res.clone().text();
    });
    expect(res!.status, await res!.clone().text()).toBe(422);
    expect(res!.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await res!.json()).detail).toMatch(/inflates to more than 40 MB/);
    expect(await dumper.dump()).toBe(before);
    // Loosely: the check inflates at most ~56 MB in passing chunks; exceljs holding 200 MB grew it by ~550 MB.
    expect(growth, `resident memory grew by ${Math.round(growth / mb)} MB`).toBeLessThan(150 * mb);
  });
});
