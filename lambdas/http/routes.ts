// The one route table: the local server, the CDK API stack and /openapi.json all read
// it, and each handler validates with the schemas named here, so the routes served
// locally, deployed in AWS and documented cannot drift. It imports no handler code.

import type { $ZodType } from 'zod/v4/core';
import type { Role } from '../domain/caller';
import { docxMediaType, xlsxMediaType } from '../domain/media-types';
import type { ResponseSchemaName } from '../domain/responses';
import * as s from './schemas';

export type { Role } from '../domain/caller';

/** DynamoDB reads a handler sends. No Scan (every read is by key or Query) and no transactions. */
export type TableRead = 'GetItem' | 'BatchGetItem' | 'Query';
/** DynamoDB writes a handler sends. */
export type TableWrite = 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'BatchWriteItem';
/**
 * Exactly the DynamoDB requests a handler's code sends: its IAM role gets these actions
 * and no others (lib/function.ts), and test/lib/dynamodb-commands.test.ts checks them
 * against what the bundled handler really sends.
 */
export interface TableUse {
  read?: readonly TableRead[];
  write?: readonly TableWrite[];
}
export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface RouteDef {
  method: HttpMethod;
  /** API Gateway path syntax, e.g. `/measures/{id}`. */
  path: string;
  /** Module name under `lambdas/handlers/` exporting `handler`. */
  handler: string;
  /**
   * `public`: no token; `any-caller`: any ID token, even one with no known role (only
   * `GET /me`, so the web app can say "Ask your performance team for access");
   * `signed-in`: any known role; else the roles allowed.
   */
  access: 'public' | 'any-caller' | 'signed-in' | readonly Role[];
  /**
   * The path parameters', query string's and JSON body's schemas are getters (http/schemas.ts),
   * built when the route first parses a request: a function builds only its own route's.
   */
  params?: () => $ZodType<Record<string, string>, Record<string, string>>;
  query?: () => $ZodType;
  /** A JSON body's schema, `csv` for a text/csv body, `spreadsheet` for CSV or .xlsx; absent: the route takes no body. */
  body?: (() => $ZodType) | 'csv' | 'spreadsheet';
  /** A JSON body the caller may leave out (absent or empty: the handler gets undefined). */
  optionalBody?: true;
  /** Success statuses and what they carry (for /openapi.json). */
  /** Response body schemas by name (domain/responses.ts), so handlers never build them. */
  responses: Record<number, { description: string; schema?: ResponseSchemaName; contentTypes?: readonly string[] }>;
  /** Client errors the route can answer besides the common ones (401, 403, 413, 415, 429). */
  errors: readonly number[];
  /** The DynamoDB requests the handler sends, for least-privilege IAM ('none': no table at all). */
  table: 'none' | TableUse;
  /** Sends email through SES. */
  sendsEmail?: boolean;
  /** Invokes the render-document function (the Word and Excel writers); only these may. */
  rendersDocuments?: boolean;
  summary: string;
}

const ok = (description: string, schema?: ResponseSchemaName) => ({ description, schema });

export const routeTable = {
  health: {
    method: 'GET',
    path: '/health',
    handler: 'health',
    access: 'public',
    table: 'none',
    summary: 'Liveness check',
    responses: { 200: ok('Alive', 'health') },
    errors: [],
  },
  openapi: {
    method: 'GET',
    path: '/openapi.json',
    handler: 'openapi',
    access: 'public',
    table: 'none',
    summary: 'This API as OpenAPI 3.1',
    responses: { 200: ok('The OpenAPI document') },
    errors: [],
  },
  getMe: {
    method: 'GET',
    path: '/me',
    handler: 'get-me',
    access: 'any-caller',
    table: { read: ['GetItem'] },
    summary: 'The caller (email, roles, directorate) and the report title: the web app header',
    responses: { 200: ok('The caller', 'me') },
    errors: [],
  },
  putMyLanguage: {
    method: 'PUT',
    path: '/me/language',
    // Served by GET /me's function (lib/api.ts groups routes by handler): one function, not a new one (docs/deploy.md).
    handler: 'get-me',
    access: 'signed-in',
    table: { read: ['GetItem'], write: ['PutItem', 'UpdateItem'] },
    summary:
      "The caller's own language (People `language`): the web app and their emails in it, remembered wherever they sign in. A new version of their own record, nothing else changed; 404 when they have no People record",
    body: s.myLanguageSchema,
    responses: { 200: ok('The language now in force', 'myLanguage') },
    errors: [400, 404, 422],
  },
  getReturns: {
    method: 'GET',
    path: '/returns',
    handler: 'get-returns',
    access: 'signed-in',
    table: { read: ['Query', 'BatchGetItem'] },
    summary:
      "A directorate's returns for a quarter (default: the caller's directorate, the latest quarter not closed), with the quarters offered",
    query: s.returnsQuery,
    responses: { 200: ok('The returns', 'returns') },
    errors: [422],
  },
  putMeasure: {
    method: 'PUT',
    path: '/measures/{id}',
    handler: 'put-measure',
    access: ['admin'],
    table: { read: ['BatchGetItem', 'GetItem'], write: ['PutItem', 'UpdateItem'] },
    summary:
      'Create or replace a measure definition (a change is a new version; no change, no version; If-Match honoured; 409: an id planned work uses)',
    params: s.idParams,
    body: s.measureDefinitionSchema,
    responses: { 200: ok('Replaced', 'measure'), 201: ok('Created', 'measure') },
    errors: [400, 409, 412, 422],
  },
  listMeasures: {
    method: 'GET',
    path: '/measures',
    handler: 'list-measures',
    access: 'signed-in',
    table: { read: ['Query'] },
    summary: 'List measures (filters plan, programme, directorate; paginated)',
    query: s.listQuery,
    responses: { 200: ok('A page of measures', 'measureList') },
    errors: [422],
  },
  getMeasure: {
    method: 'GET',
    path: '/measures/{id}',
    handler: 'get-measure',
    access: 'signed-in',
    table: { read: ['Query', 'BatchGetItem'] },
    summary: 'A measure: definition, results by period, statuses and direction of travel',
    params: s.idParams,
    query: s.detailQuery,
    responses: { 200: ok('The measure', 'measureDetail') },
    errors: [404, 422],
  },
  retireMeasure: {
    method: 'DELETE',
    path: '/measures/{id}',
    handler: 'retire-measure',
    access: ['admin'],
    table: { read: ['GetItem'], write: ['PutItem', 'UpdateItem'] },
    summary: 'Retire a measure: it leaves future quarters, its history stays',
    params: s.idParams,
    responses: { 200: ok('Retired', 'measure') },
    errors: [404, 422],
  },
  putResult: {
    method: 'PUT',
    path: '/measures/{id}/results/{period}',
    handler: 'put-result',
    access: ['officer', 'admin'],
    table: { read: ['BatchGetItem', 'GetItem'], write: ['UpdateItem', 'PutItem'] },
    summary: "Submit a measure's result for a period (If-Match honoured)",
    params: s.resultParams,
    body: s.resultSchema,
    responses: { 200: ok('A new version', 'result'), 201: ok('The first version', 'result') },
    errors: [400, 404, 409, 412, 422],
  },
  resultHistory: {
    method: 'GET',
    path: '/measures/{id}/results/{period}/history',
    handler: 'result-history',
    access: 'signed-in',
    table: { read: ['GetItem', 'BatchGetItem', 'Query'] },
    summary: 'Every version of a result, oldest first',
    params: s.resultParams,
    responses: { 200: ok('The versions', 'history') },
    errors: [404, 422],
  },
  measureResults: {
    method: 'GET',
    path: '/measures/{id}/results',
    handler: 'measure-results',
    access: 'signed-in',
    table: { read: ['BatchGetItem', 'Query'] },
    summary:
      "Every period's result history of a measure, newest period first, each with every version (value, commentary, who, when, amendment, sign-off)",
    params: s.idParams,
    responses: { 200: ok('The periods and their versions', 'measureResults') },
    errors: [404, 422],
  },
  measureHistory: {
    method: 'GET',
    path: '/measures/{id}/history',
    handler: 'measure-history',
    access: 'signed-in',
    table: { read: ['GetItem', 'Query'] },
    summary: "Every version of a measure's definition, oldest first: who, when, which fields changed",
    params: s.idParams,
    responses: { 200: ok('The versions', 'definitionHistory') },
    errors: [404, 422],
  },
  putAction: {
    method: 'PUT',
    path: '/actions/{id}',
    handler: 'put-action',
    access: ['admin'],
    table: { read: ['BatchGetItem', 'GetItem'], write: ['PutItem', 'UpdateItem'] },
    summary:
      'Create or replace an item of planned work (a change is a new version; no change, no version; If-Match honoured; 409: an id a measure uses)',
    params: s.idParams,
    body: s.actionDefinitionSchema,
    responses: { 200: ok('Replaced', 'action'), 201: ok('Created', 'action') },
    errors: [400, 409, 412, 422],
  },
  listActions: {
    method: 'GET',
    path: '/actions',
    handler: 'list-actions',
    access: 'signed-in',
    table: { read: ['Query'] },
    summary: 'List planned work (filters plan, programme, directorate; paginated)',
    query: s.listQuery,
    responses: { 200: ok('A page of actions', 'actionList') },
    errors: [422],
  },
  getAction: {
    method: 'GET',
    path: '/actions/{id}',
    handler: 'get-action',
    access: 'signed-in',
    table: { read: ['Query', 'BatchGetItem'] },
    summary: 'An action and every quarterly update',
    params: s.idParams,
    query: s.detailQuery,
    responses: { 200: ok('The action', 'actionDetail') },
    errors: [404, 422],
  },
  retireAction: {
    method: 'DELETE',
    path: '/actions/{id}',
    handler: 'retire-action',
    access: ['admin'],
    table: { read: ['GetItem'], write: ['PutItem', 'UpdateItem'] },
    summary: 'Retire planned work: it leaves future quarters, its history stays',
    params: s.idParams,
    responses: { 200: ok('Retired', 'action') },
    errors: [404, 422],
  },
  actionHistory: {
    method: 'GET',
    path: '/actions/{id}/history',
    handler: 'action-history',
    access: 'signed-in',
    table: { read: ['GetItem', 'Query'] },
    summary: "Every version of an action's definition, oldest first: who, when, which fields changed",
    params: s.idParams,
    responses: { 200: ok('The versions', 'definitionHistory') },
    errors: [404, 422],
  },
  putActionUpdate: {
    method: 'PUT',
    path: '/actions/{id}/updates/{quarter}',
    handler: 'put-action-update',
    access: ['officer', 'admin'],
    table: { read: ['BatchGetItem', 'GetItem'], write: ['UpdateItem', 'PutItem'] },
    summary: "Set an action's BRAG status for a quarter",
    params: s.updateParams,
    body: s.actionUpdateSchema,
    responses: { 200: ok('A new version', 'actionUpdate'), 201: ok('The first update', 'actionUpdate') },
    errors: [400, 404, 409, 412, 422],
  },
  actionUpdateHistory: {
    method: 'GET',
    path: '/actions/{id}/updates/{quarter}/history',
    handler: 'action-update-history',
    access: 'signed-in',
    table: { read: ['GetItem', 'Query'] },
    summary: "Every version of an action's update for a quarter, oldest first, with its sign-off decision",
    params: s.updateParams,
    responses: { 200: ok('The versions', 'actionUpdateHistory') },
    errors: [404, 422],
  },
  signOffResult: {
    method: 'POST',
    path: '/measures/{id}/results/{period}/sign-off',
    handler: 'sign-off-result',
    access: ['approver', 'admin'],
    table: { read: ['GetItem', 'BatchGetItem'], write: ['UpdateItem', 'PutItem'] },
    summary:
      'Approve or return the version of a result named in If-Match (an approver of the owner directorate, or an admin; not its submitter)',
    params: s.resultParams,
    body: s.signOffSchema,
    responses: { 200: ok('The decision, recorded', 'signOff') },
    errors: [400, 404, 409, 412, 422],
  },
  signOffActionUpdate: {
    method: 'POST',
    path: '/actions/{id}/updates/{quarter}/sign-off',
    handler: 'sign-off-action-update',
    access: ['approver', 'admin'],
    table: { read: ['GetItem', 'BatchGetItem'], write: ['UpdateItem', 'PutItem'] },
    summary: 'Approve or return the version of an action update named in If-Match',
    params: s.updateParams,
    body: s.signOffSchema,
    responses: { 200: ok('The decision, recorded', 'signOff') },
    errors: [400, 404, 409, 412, 422],
  },
  getSignOffs: {
    method: 'GET',
    path: '/sign-offs',
    handler: 'get-sign-offs',
    access: ['approver', 'admin'],
    table: { read: ['Query', 'BatchGetItem'] },
    summary: "What awaits sign-off in a quarter (default: the caller's directorate, the latest quarter not closed)",
    query: s.signOffsQuery,
    responses: { 200: ok('The returns awaiting a decision', 'signOffs') },
    errors: [422],
  },
  getReport: {
    method: 'GET',
    path: '/reports/{quarter}',
    handler: 'get-report',
    access: 'signed-in',
    table: { read: ['Query'] },
    rendersDocuments: true,
    summary: "A quarter's report: live before close, frozen after",
    params: s.quarterParams,
    query: s.reportQuery,
    responses: {
      200: {
        description: 'The report',
        schema: 'report',
        contentTypes: ['application/json', 'text/html', 'text/markdown', 'text/csv', docxMediaType, xlsxMediaType],
      },
    },
    errors: [406, 422],
  },
  closeReport: {
    method: 'POST',
    path: '/reports/{quarter}/close',
    handler: 'close-report',
    access: ['admin'],
    table: { read: ['Query', 'BatchGetItem', 'GetItem'], write: ['PutItem', 'UpdateItem'] },
    summary: 'Close the quarter now and queue the EMT email (idempotent; the mailer sends it)',
    params: s.quarterParams,
    body: s.closeRequestSchema,
    optionalBody: true,
    responses: { 200: ok('The frozen report and the state of its EMT email', 'closeAnswer') },
    errors: [400, 409, 422],
  },
  closeEmail: {
    method: 'GET',
    path: '/reports/{quarter}/email',
    handler: 'close-email',
    access: ['admin'],
    table: { read: ['BatchGetItem', 'GetItem'] },
    summary: "The state of a closed quarter's EMT email (queued, sent or failed): the Close quarter page polls it",
    params: s.quarterParams,
    responses: { 200: ok('The email of the current revision', 'emailState') },
    errors: [409, 422],
  },
  sendCloseEmailAgain: {
    method: 'POST',
    path: '/reports/{quarter}/email',
    handler: 'send-close-email',
    access: ['admin'],
    table: { read: ['BatchGetItem', 'GetItem', 'Query'], write: ['PutItem', 'UpdateItem'] },
    summary:
      "Send again: queues a failed EMT email's outbox record again (the same record: a sent email is never sent twice)",
    params: s.quarterParams,
    responses: { 200: ok('The email of the current revision, queued again if it had failed', 'emailState') },
    errors: [409, 422],
  },
  closePreview: {
    method: 'GET',
    path: '/reports/{quarter}/close-preview',
    handler: 'close-preview',
    access: ['admin'],
    table: { read: ['Query'] },
    summary:
      'Exactly what a close now would freeze and email (the same function as the close): the report, the email and the missing returns',
    params: s.quarterParams,
    responses: { 200: ok('What a close now would freeze, and the email it would send', 'freezePreview') },
    errors: [422],
  },
  reissuePreview: {
    method: 'GET',
    path: '/reports/{quarter}/reissue-preview',
    handler: 'reissue-preview',
    access: ['admin'],
    table: { read: ['Query'] },
    summary: 'Exactly what a reissue now would freeze and email (the same function as the reissue)',
    params: s.quarterParams,
    responses: { 200: ok('What a reissue now would freeze, and the email it would send', 'freezePreview') },
    errors: [409, 422],
  },
  reissueReport: {
    method: 'POST',
    path: '/reports/{quarter}/reissue',
    handler: 'reissue-report',
    access: ['admin'],
    table: { read: ['Query', 'BatchGetItem', 'GetItem'], write: ['PutItem', 'UpdateItem'] },
    summary: 'Freeze a new revision of a closed quarter and queue the EMT email again, marked Reissued',
    params: s.quarterParams,
    responses: { 200: ok('The new revision and the state of its EMT email', 'closeAnswer') },
    errors: [409, 422],
  },
  putRemedialAction: {
    method: 'PUT',
    path: '/reports/{quarter}/critical-items/{itemId}/remedial-action',
    handler: 'put-remedial-action',
    access: ['emt', 'admin'],
    table: { read: ['BatchGetItem'], write: ['PutItem'] },
    summary: "Record EMT's remedial action for a critical item",
    params: s.remedialParams,
    query: s.remedialQuery,
    body: s.remedialActionSchema,
    responses: { 200: ok('Recorded', 'remedialAction') },
    errors: [400, 404, 409, 422],
  },
  getSettings: {
    method: 'GET',
    path: '/settings',
    handler: 'get-settings',
    access: ['admin'],
    table: { read: ['GetItem'] },
    summary: 'The settings',
    responses: { 200: ok('The settings', 'settings') },
    errors: [],
  },
  putSettings: {
    method: 'PUT',
    path: '/settings',
    handler: 'put-settings',
    access: ['admin'],
    table: { read: ['GetItem'], write: ['UpdateItem', 'PutItem'] },
    summary:
      'Replace the settings (a new version, recording who and when; If-Match honoured); signOff and unsignedAtClose, when omitted, keep their current values',
    body: s.settingsChangeSchema,
    responses: { 200: ok('The settings', 'settings') },
    errors: [400, 412, 422],
  },
  settingsHistory: {
    method: 'GET',
    path: '/settings/history',
    handler: 'settings-history',
    access: ['admin'],
    table: { read: ['GetItem', 'Query'] },
    summary: 'Every version of the settings, oldest first, with who changed them and when',
    responses: { 200: ok('The versions', 'settingsHistory') },
    errors: [],
  },
  listPeople: {
    method: 'GET',
    path: '/people',
    handler: 'list-people',
    access: ['admin'],
    table: { read: ['Query'] },
    summary: 'Everyone with a record: their roles and directorate (what their next ID token carries)',
    responses: { 200: ok('The people', 'people') },
    errors: [],
  },
  getPerson: {
    method: 'GET',
    path: '/people/{email}',
    handler: 'get-person',
    access: ['admin'],
    table: { read: ['GetItem', 'Query'] },
    summary: "A person's roles and directorate with every version of their record (who, when)",
    params: s.personParams,
    responses: { 200: ok('The person', 'personDetail') },
    errors: [404, 422],
  },
  putPerson: {
    method: 'PUT',
    path: '/people/{email}',
    handler: 'put-person',
    access: ['admin'],
    table: { read: ['GetItem', 'Query'], write: ['PutItem', 'UpdateItem'] },
    summary:
      "Give a person exactly these roles (officer and approver need a directorate); a change is a new version, taking effect at the person's next ID token (If-Match honoured). 409: it would take your own admin role, or the last admin's",
    params: s.personParams,
    body: s.personSchema,
    responses: { 200: ok('Replaced', 'person'), 201: ok('Created', 'person') },
    errors: [400, 409, 412, 422],
  },
  deletePerson: {
    method: 'DELETE',
    path: '/people/{email}',
    handler: 'delete-person',
    access: ['admin'],
    table: { read: ['GetItem', 'Query'], write: ['PutItem', 'UpdateItem'] },
    summary: "Take every role away from a person (kept in the record's history). 409: yourself, or the last admin",
    params: s.personParams,
    responses: { 200: ok('Removed', 'person') },
    errors: [404, 409, 422],
  },
  importResults: {
    method: 'POST',
    path: '/imports/results',
    handler: 'import-results',
    access: ['officer', 'admin'],
    table: { read: ['BatchGetItem', 'GetItem'], write: ['UpdateItem', 'PutItem'] },
    rendersDocuments: true,
    summary:
      'Import results from CSV (measureId,period,value,commentary), planned work from CSV (actionId,quarter,status,commentary), or both from the .xlsx template: all rows or none (with ?quarter=, every row must be of that quarter)',
    query: s.resultsImportQuery,
    body: 'spreadsheet',
    responses: { 201: ok('Every row stored', 'import') },
    errors: [400, 404, 409, 422, 503],
  },
  resultsTemplate: {
    method: 'GET',
    path: '/imports/results/template',
    handler: 'results-template',
    access: ['officer', 'admin'],
    table: { read: ['Query', 'BatchGetItem'] },
    rendersDocuments: true,
    summary:
      "The caller's returns for a quarter (default: the one Your returns opens on) to fill in and upload: an .xlsx with sheets Results, Planned work and Notes, or one CSV (?kind=results|actions)",
    query: s.resultsTemplateQuery,
    responses: {
      200: {
        description: 'The template',
        contentTypes: [xlsxMediaType, 'text/csv'],
      },
    },
    errors: [404, 422],
  },
  rollForward: {
    method: 'POST',
    path: '/plans/{plan}/roll-forward',
    handler: 'roll-forward',
    access: ['admin'],
    table: { read: ['Query', 'GetItem'], write: ['PutItem', 'UpdateItem'] },
    summary:
      "Copy each live measure's targets of year `from` to `to` where `to` has none, marked rolled forward (idempotent)",
    params: s.planParams,
    body: s.rollForwardSchema,
    responses: { 200: ok('What was copied', 'rollForward') },
    errors: [400, 422],
  },
  getDefinitions: {
    method: 'GET',
    path: '/definitions',
    handler: 'get-definitions',
    access: 'signed-in',
    table: { read: ['Query'] },
    rendersDocuments: true,
    summary:
      "The plan's measures and planned work as a spreadsheet: an .xlsx with sheets Measures and Planned work, or one CSV (?kind=)",
    query: s.definitionsQuery,
    responses: {
      200: {
        description: 'The definitions',
        contentTypes: [xlsxMediaType, 'text/csv'],
      },
    },
    errors: [406, 422],
  },
  importDefinitions: {
    method: 'POST',
    path: '/imports/definitions',
    handler: 'import-definitions',
    access: ['admin'],
    table: { read: ['BatchGetItem', 'GetItem'], write: ['PutItem', 'UpdateItem'] },
    rendersDocuments: true,
    summary:
      'Import measures and planned work from CSV (?kind=measures|actions) or an .xlsx (sheets Measures and Planned work): all rows or none',
    query: s.definitionsImportQuery,
    body: 'spreadsheet',
    responses: { 201: ok('Every row created, replaced or unchanged', 'definitionsImport') },
    errors: [400, 422, 503],
  },
} as const satisfies Record<string, RouteDef>;

/** Every request no route matches (`$default` in AWS): a public 404 problem+json. */
export const catchAllRoute = {
  method: 'GET',
  path: '$default',
  handler: 'not-found',
  access: 'public',
  table: 'none',
  summary: 'Unknown routes',
  responses: {},
  errors: [404],
} as const satisfies RouteDef;

export type RouteName = keyof typeof routeTable;
/** The routes as a list: what the CDK stack and the local server iterate. */
export const routes: readonly RouteDef[] = Object.values(routeTable);
