import { buildReport, effectiveBands, quarterOfPeriod } from '../domain';
import { NotFound } from '../domain/errors';
import type { MeasureDefinition, ResultValue } from '../domain/types';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { batchGet, keyId } from '../store/batch';
import { readSubjectHistory, stripKeys } from '../store/definitions';
import { definitionsPk, measureGsiPk, measureSk, settingsSk } from '../store/keys';
import { settingsFromItem } from '../store/settings';

export const handler = httpHandler(routeTable.getMeasure, async ({ params }) => {
  const measureKey = { pk: definitionsPk, sk: measureSk(params.id) };
  const settingsKey = { pk: definitionsPk, sk: settingsSk };
  const [items, history] = await Promise.all([
    batchGet([measureKey, settingsKey]),
    readSubjectHistory(measureGsiPk(params.id)),
  ]);
  const item = items.get(keyId(measureKey));
  if (!item) throw new NotFound(`There is no measure ${params.id}.`);
  const measure = stripKeys<MeasureDefinition>(item);
  const settings = settingsFromItem(items.get(keyId(settingsKey)));
  const results = history.map((r) => {
    const { measureId, period, value, commentary, breakdown, version, by, at, amendment } =
      r as unknown as ResultValue & { by: string; at: string; amendment?: boolean };
    return { measureId, period, value, commentary, breakdown, version, by, at, amendment };
  });
  // Each quarter with a result or a quarter target, assessed by the same rules as the report.
  const quarters = [
    ...new Set([
      ...results.map((r) => quarterOfPeriod(r.period)),
      ...Object.keys(measure.targets).filter((k) => k.includes('-Q')),
    ]),
  ].sort();
  const statuses = quarters.map((quarter) => {
    const row = buildReport({
      quarter,
      measures: [measure],
      actions: [],
      results,
      actionUpdates: [],
      remedialActions: {},
      settings,
    }).measures[0];
    return row
      ? {
          quarter,
          status: row.status,
          actual: row.actual,
          target: row.target,
          shortfallPercent: row.shortfallPercent,
          trend: row.trend,
          directorates: row.directorates,
        }
      : {
          quarter,
          status: 'not-due' as const,
          actual: null,
          target: null,
          shortfallPercent: null,
          trend: { previousQuarter: 'no-comparison' as const, sameQuarterLastYear: 'no-comparison' as const },
          directorates: [],
        };
  });
  // The bands in force let a client rate a value as it is typed with the domain's own code (the web app).
  return json(200, { measure, results, quarters: statuses, bands: effectiveBands(measure, settings) });
});
