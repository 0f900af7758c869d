import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { importResults } from '../services/import-results';

/** Every row valid → every row stored (201); any row invalid → 422 naming every bad row, nothing stored. */
export const handler = httpHandler(routeTable.importResults, async ({ body, query, caller }) =>
  json(201, await importResults(body, caller, new Date(), query.quarter)),
);
