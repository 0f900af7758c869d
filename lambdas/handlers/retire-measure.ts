import { londonWallClock, quarterOfPeriod } from '../domain';
import { NotFound } from '../domain/errors';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { retireDefinition, stripKeys } from '../store/definitions';
import { measureSk } from '../store/keys';

// Retiring keeps the measure and its history; it leaves the quarter now under way and
// every later one, while the quarters already ended (closed or awaiting close) keep it.
function quarterUnderWay(now: Date): string {
  const { year, month } = londonWallClock(now);
  return quarterOfPeriod(`${year}-${String(month).padStart(2, '0')}`);
}

export const handler = httpHandler(routeTable.retireMeasure, async ({ params }) => {
  const item = await retireDefinition(measureSk(params.id), quarterUnderWay(new Date()));
  if (!item) throw new NotFound(`There is no measure ${params.id}.`);
  return json(200, stripKeys(item));
});
