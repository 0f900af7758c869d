import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { importDefinitions, readSpreadsheet } from '../services/definition-spreadsheets';
import { writerOf } from '../services/writer';

// All rows or none (docs/plan-administration.md "Spreadsheets").
export const handler = httpHandler(routeTable.importDefinitions, async ({ body, query, caller }) =>
  json(201, await importDefinitions(await readSpreadsheet(body, query.kind), writerOf(caller))),
);
