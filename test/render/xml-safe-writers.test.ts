// The Word and Excel writers drop what XML cannot hold (docs/rules.md "Text"): the API
// refuses such characters now, but text stored before the rule may hold them, and one
// U+FFFE in a commentary made files Word refuses or "repairs".
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../lambdas/domain';
import { isXmlText } from '../../lambdas/domain/text';
import { defaultStatusSettings } from '../../lambdas/domain/types';
import { samplePlan } from '../../lambdas/local/sample-plan';
import { measuresGrid } from '../../lambdas/render/definition-sheets';
import { definitionsXlsx } from '../../lambdas/render/definitions-xlsx';
import { reportDocx } from '../../lambdas/render/report-docx';
import { reportXlsx } from '../../lambdas/render/report-xlsx';
import type { QuarterReport } from '../../lambdas/services/report';
import { malformedXmlParts, readDocx, readXlsx } from '../support/office';

// The finding's commentary, then every other kind: C0 controls, U+FFFE, U+FFFF, lone surrogates.
const hostile = 'ctl\u0000nul\u0001soh\u000bvt\ufffeend\uffff\ud800\udc00x\udfff\ud800';
const cleaned = 'ctlnulsohvtend\u{10000}x';

function oldReport(): QuarterReport {
  const report = buildReport({
    quarter: '2017-18-Q4',
    measures: samplePlan.measures.map((m, i) => (i === 0 ? { ...m, title: `Title ${hostile}` } : m)),
    actions: samplePlan.actions,
    results: samplePlan.results.map((r) => ({ ...r, version: 1, ...(r.commentary ? { commentary: hostile } : {}) })),
    actionUpdates: samplePlan.actionUpdates.map((u) => ({ ...u, version: 1, commentary: hostile })),
    remedialActions: {},
    settings: defaultStatusSettings,
  });
  return report as QuarterReport;
}

describe('text stored before the one text rule', () => {
  it('the Word draft drops the characters XML cannot hold and keeps the rest', async () => {
    const bytes = await reportDocx(oldReport(), { title: `Plan \u0002${hostile}` });
    expect(malformedXmlParts(bytes)).toEqual([]);
    const text = readDocx(bytes).text('word/document.xml');
    expect(text).toContain(cleaned);
    expect(isXmlText(text)).toBe(true);
  });

  it('the report workbook drops them too', async () => {
    const bytes = await reportXlsx(oldReport(), { title: `Plan ${hostile}` });
    expect(malformedXmlParts(bytes)).toEqual([]);
    const workbook = await readXlsx(bytes);
    const values = workbook.worksheets.flatMap((sheet) => {
      const out: string[] = [];
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          out.push(String(cell.value));
        });
      });
      return out;
    });
    expect(values.some((v) => v.includes(cleaned))).toBe(true);
  });

  it('the definitions workbook drops them too', async () => {
    const measures = samplePlan.measures.map((m) => ({ ...m, title: `${m.title} ${hostile}` }));
    const bytes = await definitionsXlsx([measuresGrid(measures), { name: 'Planned work', rows: [['id']] }]);
    expect(malformedXmlParts(bytes)).toEqual([]);
    const titles = (await readXlsx(bytes)).getWorksheet('Measures')!.getColumn(4).values.map(String);
    expect(titles.some((title) => title.endsWith(cleaned))).toBe(true);
  });
});
