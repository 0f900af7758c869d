// GET /reports/{quarter}?format=docx|xlsx through the local API: get-report invokes the
// render-document function through the Lambda SDK (the local Lambda endpoint runs the
// same handler in process) and answers the file as API Gateway v2 would, base64-decoded.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { docxMediaType as docxType, xlsxMediaType as xlsxType } from '../../lambdas/domain/media-types';
import { DocumentTooLarge, renderDocument } from '../../lambdas/services/documents';
import type { QuarterReport } from '../../lambdas/services/report';
import { useTestStack } from '../support/api-test';
import { readDocx, readXlsx, rowCells } from '../support/office';

const t = useTestStack({ seed: true, tokens: { admin: 'admin' } });
const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());

/** A measure of its own in `plan`, with a red result for `quarter`. */
async function ownMeasure(plan: string, quarter: string): Promise<string> {
  const id = `doc-${randomUUID().slice(0, 8)}`;
  const put = await t.call('PUT', `/measures/${id}`, {
    token: t.tokens.admin,
    body: {
      plan,
      programme: 'Learning',
      title: `Measure ${id}`,
      unit: '',
      polarity: 'higher',
      frequency: 'quarterly',
      directorates: [],
      ownerDirectorate: 'People',
      targets: { [quarter]: 10 },
    },
  });
  expect(put.status).toBe(201);
  const result = await t.call('PUT', `/measures/${id}/results/${quarter}`, {
    token: t.tokens.admin,
    body: { value: 2, commentary: 'Well short.' },
  });
  expect(result.status).toBe(201);
  return id;
}

describe('GET /reports/{quarter}?format=docx', () => {
  it("answers the live quarter's Word draft as an attachment, in the seed's layout", async () => {
    const res = await t.call('GET', '/reports/2017-18-Q4?format=docx', { token: t.tokens.admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(docxType);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ragtime-2017-18-Q4.docx"');
    const lines = readDocx(await bytes(res)).paragraphs.map((p) => p.text);
    expect(lines).toContain(
      '1.3 At the end of March 2018 (Q4), 75% of planned work received a BRAG status of blue or green with 25% indicating amber or red.',
    );
    expect(lines).toContain('The overall RAG status of the Corporate Improvement Plan for 2017-18 quarter 4 is AMBER');
    expect(lines.join('\n')).toContain('this quarter is not closed yet');
  });

  it('answers a closed quarter from its frozen snapshot', async () => {
    const quarter = '2031-32-Q2';
    const id = await ownMeasure('cip', quarter);
    expect(
      (await t.call('POST', `/reports/${quarter}/close`, { token: t.tokens.admin, body: { early: true } })).status,
    ).toBe(200);
    // A later result does not change the frozen figures; it is listed as an amendment.
    await t.call('PUT', `/measures/${id}/results/${quarter}`, { token: t.tokens.admin, body: { value: 11 } });
    const res = await t.call('GET', `/reports/${quarter}?format=docx`, { token: t.tokens.admin });
    expect(res.status).toBe(200);
    const draft = readDocx(await bytes(res));
    const lines = draft.paragraphs.map((p) => p.text);
    expect(lines.join('\n')).toContain("frozen at the quarter's close");
    expect(lines).toContain(`Measure - Measure ${id}`);
    expect(lines).toContain('Amendments since close');
  });
});

describe('the reissue email', () => {
  it('attaches a Word draft marked Reissued, with the amended figure', async () => {
    const quarter = '2032-33-Q3';
    const id = await ownMeasure('cip', quarter);
    expect(
      (await t.call('POST', `/reports/${quarter}/close`, { token: t.tokens.admin, body: { early: true } })).status,
    ).toBe(200);
    await t.call('PUT', `/measures/${id}/results/${quarter}`, { token: t.tokens.admin, body: { value: 11 } });
    expect((await t.call('POST', `/reports/${quarter}/reissue`, { token: t.tokens.admin })).status).toBe(200);
    const email = (await t.emails()).find(
      (e) => e.subject.startsWith('Reissued: ') && e.subject.includes('2032-33 Q3'),
    )!;
    const docx = email.attachments.find((a) => a.filename === `ragtime-${quarter}.docx`)!;
    const draft = readDocx(Buffer.from(docx.content, 'base64'));
    const lines = draft.paragraphs.map((p) => p.text);
    expect(lines).toContain('Reissued: revision 2. This replaces the report issued earlier for this quarter.');
    const row = draft.blocks
      .flatMap((b) => (b.kind === 'table' ? b.rows : []))
      .map(rowCells)
      .find((cells) => cells[0] === `Measure ${id}`);
    expect(row?.slice(1, 4)).toEqual(['GREEN', '11', '10']);
  });
});

describe('GET /reports/{quarter}?format=xlsx', () => {
  it('answers the workbook, and ?plan= narrows it to that plan and names the file after it', async () => {
    const id = await ownMeasure(`other${randomUUID().slice(0, 6)}`, '2017-18-Q4');
    const all = await t.call('GET', '/reports/2017-18-Q4?format=xlsx', { token: t.tokens.admin });
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toBe(xlsxType);
    expect(all.headers.get('content-disposition')).toBe('attachment; filename="ragtime-2017-18-Q4.xlsx"');
    const ids = async (res: Response) => {
      const sheet = (await readXlsx(await bytes(res))).getWorksheet('Measures')!;
      return (sheet.getColumn(1).values as unknown[]).slice(2);
    };
    const allIds = await ids(all);
    expect(allIds).toContain(id);

    const cip = await t.call('GET', '/reports/2017-18-Q4?format=xlsx&plan=cip', { token: t.tokens.admin });
    expect(cip.status).toBe(200);
    expect(cip.headers.get('content-disposition')).toBe('attachment; filename="ragtime-2017-18-Q4-cip.xlsx"');
    const cipIds = await ids(cip);
    expect(cipIds).toEqual(allIds.filter((x) => x !== id));
  });

  it('refuses an unknown format with a 422 naming the query field', async () => {
    const res = await t.call('GET', '/reports/2017-18-Q4?format=pdf', { token: t.tokens.admin });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { path: string }[] };
    expect(problem.errors[0]!.path).toBe('/query/format');
  });
});

describe('the render-document invocation', () => {
  it('gives up on a writer slower than its wait, as too large to write in time', async () => {
    const report = (await (
      await t.call('GET', '/reports/2017-18-Q4', { token: t.tokens.admin })
    ).json()) as QuarterReport;
    await expect(renderDocument('docx', report, 'Corporate Improvement Plan', 1)).rejects.toThrow(DocumentTooLarge);
    // With the usual wait it answers the file.
    const bytes = await renderDocument('docx', report, 'Corporate Improvement Plan');
    expect(readDocx(bytes).paragraphs.filter((p) => p.style === 'Title')).toHaveLength(1);
  });
});

describe('/openapi.json', () => {
  it('documents the Word and Excel forms of the report', async () => {
    const doc = (await (await t.call('GET', '/openapi.json')).json()) as {
      paths: Record<string, { get: { responses: Record<string, { content: Record<string, unknown> }> } }>;
    };
    const content = doc.paths['/reports/{quarter}']!.get.responses['200']!.content;
    expect(Object.keys(content)).toEqual(expect.arrayContaining([docxType, xlsxType]));
  });
});
