// A small typed client for the parts of the Ragtime API the web app uses. Every route
// it calls is listed in `clientRoutes`; test/web/api-client.test.ts checks each against
// /openapi.json, so the app cannot call a route the API does not document.

import type * as z from 'zod/mini';
import { xlsxMediaType } from '../../lambdas/domain/media-types';
import type { responseSchemas } from '../../lambdas/domain/responses';
import type { ActionDefinition, MeasureDefinition } from '../../lambdas/domain/types';

/**
 * What a route answers, inferred from its response schema (lambdas/domain/responses.ts):
 * the one contract /openapi.json publishes and the API tests check every 2xx answer
 * against. No answer's type is written by hand here.
 */
type Answered<K extends keyof typeof responseSchemas> = z.output<(typeof responseSchemas)[K]>;

export type Settings = Answered<'settings'>;
export type RemedialAction = Answered<'remedialAction'>;

/**
 * The report as GET /reports/{quarter} answers it: a live one says when its close is due;
 * a closed one when its email went out and, per critical item, the remedial action that
 * email carried.
 */
export type Report = Answered<'report'>;
export type ReportBody = Report;
/** A report asked for with `?trend=N`: each measure carries its last N quarters (`quarters`, docs/rules.md#trend-lines). */
export type TrendReport = Report;
export type TrendPoint = NonNullable<Report['measures'][number]['quarters']>[number];

/** The report's formats (GET /reports/{quarter}?format=…), each a download on the dashboard. */
export const reportFormats = ['json', 'html', 'md', 'csv', 'docx', 'xlsx'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const clientRoutes = {
  me: { method: 'GET', path: '/me' },
  putMyLanguage: { method: 'PUT', path: '/me/language' },
  returns: { method: 'GET', path: '/returns' },
  measure: { method: 'GET', path: '/measures/{id}' },
  putResult: { method: 'PUT', path: '/measures/{id}/results/{period}' },
  action: { method: 'GET', path: '/actions/{id}' },
  putActionUpdate: { method: 'PUT', path: '/actions/{id}/updates/{quarter}' },
  importResults: { method: 'POST', path: '/imports/results' },
  resultsTemplate: { method: 'GET', path: '/imports/results/template' },
  resultHistory: { method: 'GET', path: '/measures/{id}/results/{period}/history' },
  measureResults: { method: 'GET', path: '/measures/{id}/results' },
  report: { method: 'GET', path: '/reports/{quarter}' },
  putRemedialAction: { method: 'PUT', path: '/reports/{quarter}/critical-items/{itemId}/remedial-action' },
  people: { method: 'GET', path: '/people' },
  person: { method: 'GET', path: '/people/{email}' },
  putPerson: { method: 'PUT', path: '/people/{email}' },
  deletePerson: { method: 'DELETE', path: '/people/{email}' },
  settings: { method: 'GET', path: '/settings' },
  definitions: { method: 'GET', path: '/definitions' },
  importDefinitions: { method: 'POST', path: '/imports/definitions' },
  rollForward: { method: 'POST', path: '/plans/{plan}/roll-forward' },
  signOffs: { method: 'GET', path: '/sign-offs' },
  signOffResult: { method: 'POST', path: '/measures/{id}/results/{period}/sign-off' },
  signOffActionUpdate: { method: 'POST', path: '/actions/{id}/updates/{quarter}/sign-off' },
  actionUpdateHistory: { method: 'GET', path: '/actions/{id}/updates/{quarter}/history' },
  putSettings: { method: 'PUT', path: '/settings' },
  settingsHistory: { method: 'GET', path: '/settings/history' },
  closeReport: { method: 'POST', path: '/reports/{quarter}/close' },
  reissueReport: { method: 'POST', path: '/reports/{quarter}/reissue' },
  closePreview: { method: 'GET', path: '/reports/{quarter}/close-preview' },
  reissuePreview: { method: 'GET', path: '/reports/{quarter}/reissue-preview' },
  closeEmail: { method: 'GET', path: '/reports/{quarter}/email' },
  sendCloseEmailAgain: { method: 'POST', path: '/reports/{quarter}/email' },
  // The admin's measure and planned-work editors (web/src/pages/MeasureEditor.tsx, ActionEditor.tsx).
  listMeasures: { method: 'GET', path: '/measures' },
  putMeasure: { method: 'PUT', path: '/measures/{id}' },
  retireMeasure: { method: 'DELETE', path: '/measures/{id}' },
  retireAction: { method: 'DELETE', path: '/actions/{id}' },
  measureHistory: { method: 'GET', path: '/measures/{id}/history' },
  listActions: { method: 'GET', path: '/actions' },
  putAction: { method: 'PUT', path: '/actions/{id}' },
  actionHistory: { method: 'GET', path: '/actions/{id}/history' },
} as const;

/** A write to a closed quarter after its close (GET /reports/{quarter}'s `amendments`). */
export type Amendment = NonNullable<Answered<'report'>['amendments']>[number];

/** A closed quarter's report as GET /reports/{quarter} answers it. */
export type ClosedReport = ReportBody;

/** Returns missing at close, by owner directorate (as the email lists them). */
export type MissingReturns = Answered<'closeAnswer'>['missingReturns'][number];

/**
 * The EMT email of a closed quarter's revision: queued by the close (or reissue), sent by
 * the mailer (sentAt: when SES accepted it), or failed (retried; an admin may Send again).
 */
export type EmailState = Answered<'emailState'>;

/** POST close and reissue: the frozen report and the state of its EMT email. */
export type CloseAnswer = Answered<'closeAnswer'>;

/** GET close-preview and reissue-preview: exactly what the close (reissue) would freeze now, and its email. */
export type FreezePreview = Answered<'freezePreview'>;

export type SettingsVersion = Answered<'settingsHistory'>['versions'][number];

/** The two kinds of definitions a spreadsheet holds: the CSV's `?kind=`, the workbook's two sheets. */
export type DefinitionKind = 'measures' | 'actions';
export { xlsxMediaType as xlsxContentType } from '../../lambdas/domain/media-types';

export type DefinitionsImport = Answered<'definitionsImport'>;
export type ResultsImport = Answered<'import'>;
export type ImportCounts = DefinitionsImport['measures'];
export type RollForwardCounts = Answered<'rollForward'>;

/** What PUT /measures/{id} takes: the definition without its id and what the store keeps (lambdas/domain/definition-schemas.ts). */
export type MeasureBody = Omit<
  MeasureDefinition,
  'id' | 'sample' | 'retiredFrom' | 'targetsChangedAt' | 'rolledForward'
>;
/** What PUT /actions/{id} takes. */
export type ActionBody = Omit<ActionDefinition, 'id' | 'sample' | 'retiredFrom'>;

/** One version of a definition (GET /measures/{id}/history, GET /actions/{id}/history), oldest first. */
export type DefinitionVersion = Answered<'definitionHistory'>['versions'][number];

export type Person = Answered<'person'>;
export type Role = Person['roles'][number];
/** The caller; `signOff`: whether returns need an approver's sign-off (docs/sign-off.md). */
export type Me = Answered<'me'>;

/** An approver's decision on a version (docs/sign-off.md). */
export type SignOffDecision = NonNullable<ResultHistory['versions'][number]['signOff']>;

/** GET /sign-offs: the returns awaiting a decision in a quarter. */
export type SignOffs = Answered<'signOffs'>;

export type ActionUpdateHistory = Answered<'actionUpdateHistory'>;

export type Returns = Answered<'returns'>;
export type ReturnState = Returns['measures'][number]['state'];

/** GET /measures/{id}: the definition, its results, its status in each quarter and the bands that apply. */
export type MeasureDetail = Answered<'measureDetail'>;
export type ResultVersion = MeasureDetail['results'][number];

export type ResultHistory = Answered<'history'>;

/** Every period's versions of a measure's result, newest period first (GET /measures/{id}/results). */
export type MeasureResults = Answered<'measureResults'>;

export type SavedResult = Answered<'result'>;

/** GET /actions/{id}: the definition and its update in each quarter. */
export type ActionDetail = Answered<'actionDetail'>;

export type SavedUpdate = Answered<'actionUpdate'>;

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

export type Answer<T> =
  | { ok: true; status: number; data: T; etag: string | null }
  | { ok: false; status: number; problem: Problem };

export interface ApiOptions {
  baseUrl: string;
  /** The bearer token (the ID token), or null when signed out. */
  token(): Promise<string | null>;
  /** Called on 401: the session ended. */
  onUnauthorized?(): void;
  /** The language shown: sent as `Accept-Language`, so the API's problems come in it (docs/cymraeg.md). */
  language?(): 'en' | 'cy';
  fetch?: typeof fetch;
}

type Params = Record<string, string>;

/** `/measures/{id}` with `{ id: 'a b' }` → `/measures/a%20b`. */
export function fillPath(template: string, params: Params = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

export function createApi(options: ApiOptions) {
  const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));

  async function call<T>(
    route: keyof typeof clientRoutes,
    params: Params = {},
    init: {
      query?: Record<string, string | undefined>;
      body?: string | ArrayBuffer;
      contentType?: string;
      ifMatch?: string;
    } = {},
  ): Promise<Answer<T>> {
    const { method, path } = clientRoutes[route];
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(init.query ?? {})) if (v !== undefined && v !== '') query.set(k, v);
    const url = `${options.baseUrl}${fillPath(path, params)}${query.size ? `?${query}` : ''}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.language) headers['accept-language'] = options.language();
    const token = await options.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (init.body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
    if (init.ifMatch !== undefined) headers['if-match'] = init.ifMatch;
    let res: Response;
    try {
      res = await doFetch(url, { method, headers, body: init.body });
    } catch {
      return { ok: false, status: 0, problem: { status: 0, detail: 'The service could not be reached. Try again.' } };
    }
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    if (res.ok) return { ok: true, status: res.status, data: body as T, etag: res.headers.get('etag') };
    if (res.status === 401) options.onUnauthorized?.();
    const problem: Problem =
      body && typeof body === 'object' && 'detail' in body
        ? (body as Problem)
        : { status: res.status, detail: (body as { message?: string } | null)?.message ?? res.statusText };
    return { ok: false, status: res.status, problem };
  }

  /** A document as a Blob: the request needs the bearer token, so a plain link cannot fetch it. */
  async function fetchDocument(path: string, query: URLSearchParams): Promise<Blob | null> {
    const token = await options.token();
    try {
      const res = await doFetch(`${options.baseUrl}${path}?${query}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      if (res.status === 401) options.onUnauthorized?.();
      return res.ok ? await res.blob() : null;
    } catch {
      return null;
    }
  }

  function reportDocument(quarter: string, format: ReportFormat, plan?: string): Promise<Blob | null> {
    const query = new URLSearchParams({ format });
    if (plan) query.set('plan', plan);
    return fetchDocument(fillPath(clientRoutes.report.path, { quarter }), query);
  }

  /** The definitions spreadsheet: the .xlsx (both sheets), or one kind's CSV; one plan's or every plan's. */
  function definitionsDocument(format: 'xlsx' | 'csv', kind?: DefinitionKind, plan?: string): Promise<Blob | null> {
    const query = new URLSearchParams({ format });
    if (kind) query.set('kind', kind);
    if (plan) query.set('plan', plan);
    return fetchDocument(clientRoutes.definitions.path, query);
  }

  /** The caller's returns to fill in (`Download a template`): the .xlsx, or one CSV. */
  function resultsTemplate(
    format: 'xlsx' | 'csv',
    kind?: 'results' | 'actions',
    quarter?: string,
  ): Promise<Blob | null> {
    const query = new URLSearchParams({ format });
    if (kind) query.set('kind', kind);
    if (quarter) query.set('quarter', quarter);
    return fetchDocument(clientRoutes.resultsTemplate.path, query);
  }

  const json = (value: unknown) => JSON.stringify(value);
  return {
    me: () => call<Me>('me'),
    /** The header's switch, remembered for the person (their People `language`, docs/cymraeg.md). */
    putMyLanguage: (language: 'en' | 'cy') =>
      call<Answered<'myLanguage'>>('putMyLanguage', {}, { body: json({ language }) }),
    returns: (query: { quarter?: string; directorate?: string }) => call<Returns>('returns', {}, { query }),
    /** `quarter`: a form's, so `closedQuarters` says whether it is closed. */
    measure: (id: string, quarter?: string) => call<MeasureDetail>('measure', { id }, { query: { quarter } }),
    putResult: (
      id: string,
      period: string,
      body: { value: number; commentary?: string; breakdown?: Record<string, number> },
      /** The version the form loaded (`"3"`, `"0"` for none yet); a 412 means someone else saved since. */
      ifMatch?: string,
    ) => call<SavedResult>('putResult', { id, period }, { body: json(body), ifMatch }),
    /** `quarter`: a form's, so `closedQuarters` says whether it is closed. */
    action: (id: string, quarter?: string) => call<ActionDetail>('action', { id }, { query: { quarter } }),
    putActionUpdate: (
      id: string,
      quarter: string,
      body: { status: SavedUpdate['status']; commentary?: string },
      /** The version the form loaded (`"3"`, `"0"` for none yet); a 412 means someone else saved since. */
      ifMatch?: string,
    ) => call<SavedUpdate>('putActionUpdate', { id, quarter }, { body: json(body), ifMatch }),
    /** A results or planned-work CSV as text, the template workbook as its bytes. */
    /** `quarter`: the quarter chosen; a row of another quarter is refused with the other mistakes. */
    importResults: (file: { csv: string } | { xlsx: ArrayBuffer }, quarter?: string) =>
      call<ResultsImport>(
        'importResults',
        {},
        {
          query: { quarter },
          ...('xlsx' in file
            ? { body: file.xlsx, contentType: xlsxMediaType }
            : { body: file.csv, contentType: 'text/csv' }),
        },
      ),
    resultsTemplate,
    resultHistory: (id: string, period: string) => call<ResultHistory>('resultHistory', { id, period }),
    measureResults: (id: string) => call<MeasureResults>('measureResults', { id }),
    report: (quarter: string) => call<ReportBody>('report', { quarter }),
    /** The report with each measure's last `trend` quarters (1 to 8), in the same one request. */
    trendReport: (quarter: string, trend: number) =>
      call<TrendReport>('report', { quarter }, { query: { trend: String(trend) } }),
    reportDocument,
    putRemedialAction: (quarter: string, itemId: string, body: { text: string; owner?: string; dueDate?: string }) =>
      call<RemedialAction>('putRemedialAction', { quarter, itemId }, { body: json(body) }),
    people: () => call<Answered<'people'>>('people'),
    person: (email: string) => call<Answered<'personDetail'>>('person', { email }),
    /** `ifMatch`: the version the page loaded (`"3"`); a 412 means someone else changed the person since. */
    putPerson: (email: string, body: { roles: Role[]; directorate?: string; name?: string }, ifMatch?: string) =>
      call<Person>('putPerson', { email }, { body: json(body), ifMatch }),
    deletePerson: (email: string) => call<Person>('deletePerson', { email }),
    settings: () => call<Settings>('settings'),
    /** `ifMatch`: GET /settings's ETag when the page loaded; a 412 means another admin saved since. */
    putSettings: (settings: Settings, ifMatch?: string) =>
      call<Settings>('putSettings', {}, { body: json(settings), ifMatch }),
    settingsHistory: () => call<Answered<'settingsHistory'>>('settingsHistory'),
    closedReport: (quarter: string) => call<ClosedReport>('report', { quarter }),
    /** `early`: the quarter has not ended, and the admin said to close it anyway. */
    closeReport: (quarter: string, early = false) =>
      call<CloseAnswer>('closeReport', { quarter }, early ? { body: json({ early: true }) } : {}),
    reissueReport: (quarter: string) => call<CloseAnswer>('reissueReport', { quarter }),
    closePreview: (quarter: string) => call<FreezePreview>('closePreview', { quarter }),
    reissuePreview: (quarter: string) => call<FreezePreview>('reissuePreview', { quarter }),
    /** The EMT email of the quarter's current revision: queued, sent or failed (the close's page polls it). */
    closeEmail: (quarter: string) => call<EmailState>('closeEmail', { quarter }),
    /** Send again (admin): the failed email's same outbox record, queued again. */
    sendCloseEmailAgain: (quarter: string) => call<EmailState>('sendCloseEmailAgain', { quarter }),
    definitionsDocument,
    /** An .xlsx goes as its bytes; a CSV as text with the kind it holds. */
    importDefinitions: (file: { xlsx: ArrayBuffer } | { csv: string; kind: DefinitionKind }) =>
      'xlsx' in file
        ? call<DefinitionsImport>('importDefinitions', {}, { body: file.xlsx, contentType: xlsxMediaType })
        : call<DefinitionsImport>(
            'importDefinitions',
            {},
            { body: file.csv, contentType: 'text/csv', query: { kind: file.kind } },
          ),
    rollForward: (plan: string, body: { from: string; to: string }) =>
      call<RollForwardCounts>('rollForward', { plan }, { body: json(body) }),
    signOffs: (query: { quarter?: string; directorate?: string }) => call<SignOffs>('signOffs', {}, { query }),
    /** The decision on `version` (sent as If-Match): a 412 means a newer version was submitted meanwhile. */
    signOff: (
      item: { kind: 'measure' | 'action'; id: string; period: string },
      body: { decision: 'approve' | 'return'; reason?: string },
      version: number,
    ) =>
      item.kind === 'measure'
        ? call<Answered<'signOff'>>(
            'signOffResult',
            { id: item.id, period: item.period },
            { body: json(body), ifMatch: `"${version}"` },
          )
        : call<Answered<'signOff'>>(
            'signOffActionUpdate',
            { id: item.id, quarter: item.period },
            { body: json(body), ifMatch: `"${version}"` },
          ),
    actionUpdateHistory: (id: string, quarter: string) =>
      call<ActionUpdateHistory>('actionUpdateHistory', { id, quarter }),
    listMeasures: (query: { limit?: string; next?: string } = {}) =>
      call<Answered<'measureList'>>('listMeasures', {}, { query }),
    /** `ifMatch`: the version the editor loaded (GET /measures/{id}/history's ETag); a 412 means someone else saved since. */
    putMeasure: (id: string, body: MeasureBody, ifMatch?: string) =>
      call<Answered<'measure'>>('putMeasure', { id }, { body: json(body), ifMatch }),
    retireMeasure: (id: string) => call<Answered<'measure'>>('retireMeasure', { id }),
    measureHistory: (id: string) => call<Answered<'definitionHistory'>>('measureHistory', { id }),
    listActions: (query: { limit?: string; next?: string } = {}) =>
      call<Answered<'actionList'>>('listActions', {}, { query }),
    putAction: (id: string, body: ActionBody, ifMatch?: string) =>
      call<Answered<'action'>>('putAction', { id }, { body: json(body), ifMatch }),
    retireAction: (id: string) => call<Answered<'action'>>('retireAction', { id }),
    actionHistory: (id: string) => call<Answered<'definitionHistory'>>('actionHistory', { id }),
  };
}

export type Api = ReturnType<typeof createApi>;
