// GET /imports/results/template (SPEC §12 "Words, not data"): an officer's own returns for
// a quarter, ready to fill in and upload on `Upload results`: a CSV of results
// (`measureId,period,value,commentary` and reference columns), a CSV of planned work
// (`actionId,quarter,status,commentary` and reference columns), or an .xlsx with both
// sheets and a Notes sheet (written by the render-document function).
import { actionDueIn, returnPeriods } from '../domain';
import { type Caller, hasRole } from '../domain/caller';
import { NotFound, TooLarge } from '../domain/errors';
import { quarterValue, targetFor } from '../domain/measure-status';
import { xlsxMediaType } from '../domain/media-types';
import { previousQuarter } from '../domain/periods';
import { type ResultsTemplate, type TemplateKind, templateGrids } from '../render/results-template';
import { readDefinitions } from '../store/definitions';
import { readQuarter } from '../store/quarter';
import { gridCsv, invokeWorkbook } from './definition-spreadsheets';
import { offeredQuarters } from './returns';

const byTitle = (a: { title: string; id: string }, b: { title: string; id: string }) =>
  a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

/**
 * The caller's returns for the quarter (default: the one Your returns opens on): an
 * officer's directorate's live measures and planned work, an admin's every directorate's.
 * Reads: the definitions, the offered quarters' close records, this quarter and the one before.
 */
export async function resultsTemplate(caller: Caller, asked?: string): Promise<ResultsTemplate> {
  const definitions = await readDefinitions();
  const { quarter } = await offeredQuarters(definitions, asked);
  if (quarter === null) throw new NotFound('No quarter has targets yet, so there is nothing to return.');
  const directorate = hasRole(caller, 'admin') ? null : caller.directorate;
  const ours = (owner: string) => directorate === null || owner === directorate;
  const before = previousQuarter(quarter);
  const lastData = await readQuarter(before);
  const lastStatus = new Map(lastData.actionUpdates.map((u) => [u.actionId, u.status]));
  const measures = definitions.measures
    .filter((m) => ours(m.ownerDirectorate))
    .sort(byTitle)
    .flatMap((m) => {
      // Last quarter's value (an annual measure has none: its last value is a year back).
      const last = m.frequency === 'annual' ? null : (quarterValue(m, before, lastData.results)?.value ?? null);
      return returnPeriods(m, quarter).map((period) => ({
        measureId: m.id,
        title: m.title,
        unit: m.unit,
        period,
        target: targetFor(m, quarter),
        lastValue: last,
      }));
    });
  const actions = definitions.actions
    .filter((a) => ours(a.ownerDirectorate) && actionDueIn(a, quarter))
    .sort(byTitle)
    .map((a) => ({ actionId: a.id, title: a.title, quarter, lastStatus: lastStatus.get(a.id) ?? null }));
  return { quarter, measures, actions };
}

export interface TemplateFile {
  name: string;
  contentType: string;
  body: Buffer;
}

export async function resultsTemplateFile(
  caller: Caller,
  options: { quarter?: string; format: 'csv' | 'xlsx'; kind?: TemplateKind },
): Promise<TemplateFile> {
  const template = await resultsTemplate(caller, options.quarter);
  const base = `ragtime-template-${template.quarter}`;
  if (options.format === 'csv') {
    const kind = options.kind ?? 'results';
    const grids = templateGrids(template);
    return {
      name: `${base}-${kind === 'actions' ? 'planned-work' : 'results'}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: Buffer.from(gridCsv(kind === 'actions' ? grids.actions : grids.results), 'utf8'),
    };
  }
  const result = await invokeWorkbook({ workbook: 'write-template', template });
  if (!('contentBase64' in result)) throw new TooLarge('The template is larger than 6 MB.');
  return {
    name: `${base}.xlsx`,
    contentType: xlsxMediaType,
    body: Buffer.from(result.contentBase64, 'base64'),
  };
}
