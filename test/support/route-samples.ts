// One fixture for the tests that walk every route: a Place measure and action, and a
// request each route accepts from an allowed caller (so a refusal is about the caller).

export const placeMeasure = {
  plan: 'cip',
  programme: 'Developing the economy',
  title: 'Planning applications determined in time (%)',
  unit: '%',
  polarity: 'higher',
  frequency: 'quarterly',
  directorates: ['Place'],
  ownerDirectorate: 'Place',
  targets: { '2017-18': 80 },
};
export const placeAction = {
  plan: 'cip',
  programme: 'Developing the economy',
  title: 'Adopt the LDP',
  ownerDirectorate: 'Place',
  startQuarter: '2017-18-Q1',
};

export interface SampleRequest {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A route's sample: by its route key where its handler serves more than one route, else by handler. */
export const sampleOf = (
  samples: Record<string, SampleRequest>,
  route: { method: string; path: string; handler: string },
) => samples[`${route.method} ${route.path}`] ?? samples[route.handler];

/**
 * Valid requests by handler, against `/measures/planning` and `/actions/ldp` (which the
 * test creates), the person planning.officer@example.org (ditto) and a closed 2016-17-Q1; `overrides` changes what a suite needs changed
 * (e.g. which measure to retire, the current settings as PUT /settings' body).
 */
export function routeSamples(overrides: Record<string, SampleRequest> = {}): Record<string, SampleRequest> {
  return {
    'get-me': { path: '/me' },
    // GET /me's function serves this route too: a sample by route where a handler serves two.
    'PUT /me/language': { path: '/me/language', body: { language: 'cy' } },
    'get-returns': { path: '/returns?directorate=Place&quarter=2017-18-Q2' },
    'put-measure': { path: '/measures/planning', body: placeMeasure },
    'list-measures': { path: '/measures' },
    'get-measure': { path: '/measures/planning' },
    'retire-measure': { path: '/measures/planning' },
    'put-result': { path: '/measures/planning/results/2017-18-Q2', body: { value: 85 } },
    'result-history': { path: '/measures/planning/results/2017-18-Q2/history' },
    'measure-history': { path: '/measures/planning/history' },
    'measure-results': { path: '/measures/planning/results' },
    'put-action': { path: '/actions/ldp', body: placeAction },
    'action-history': { path: '/actions/ldp/history' },
    // A plan with no measures: the roll forward answers its counts and changes nothing.
    'roll-forward': { path: '/plans/no-such-plan/roll-forward', body: { from: '2017-18', to: '2018-19' } },
    'list-actions': { path: '/actions' },
    'get-action': { path: '/actions/ldp' },
    'retire-action': { path: '/actions/ldp' },
    'put-action-update': { path: '/actions/ldp/updates/2017-18-Q2', body: { status: 'green' } },
    'action-update-history': { path: '/actions/ldp/updates/2017-18-Q2/history' },
    // With sign-off off (the test stacks' default) these answer 409; the contract test turns it on.
    'sign-off-result': {
      path: '/measures/planning/results/2017-18-Q2/sign-off',
      body: { decision: 'approve' },
      headers: { 'if-match': '"1"' },
    },
    'sign-off-action-update': {
      path: '/actions/ldp/updates/2017-18-Q2/sign-off',
      body: { decision: 'approve' },
      headers: { 'if-match': '"1"' },
    },
    'get-sign-offs': { path: '/sign-offs?directorate=Place&quarter=2017-18-Q2' },
    'get-report': { path: '/reports/2017-18-Q2' },
    'close-report': { path: '/reports/2017-18-Q1/close' },
    'reissue-report': { path: '/reports/2016-17-Q1/reissue' },
    'close-preview': { path: '/reports/2017-18-Q1/close-preview' },
    'reissue-preview': { path: '/reports/2016-17-Q1/reissue-preview' },
    'close-email': { path: '/reports/2016-17-Q1/email' },
    'send-close-email': { path: '/reports/2016-17-Q1/email' },
    'put-remedial-action': {
      path: '/reports/2017-18-Q2/critical-items/planning/remedial-action',
      body: { text: 'Recruit two planning officers.' },
    },
    'list-people': { path: '/people' },
    'get-person': { path: '/people/planning.officer@example.org' },
    'put-person': { path: '/people/planning.officer@example.org', body: { roles: ['officer'], directorate: 'Place' } },
    'delete-person': { path: '/people/planning.officer@example.org' },
    'get-settings': { path: '/settings' },
    'put-settings': { path: '/settings' },
    'settings-history': { path: '/settings/history' },
    'import-results': {
      path: '/imports/results',
      body: 'measureId,period,value,commentary\nplanning,2017-18-Q3,90,\n',
      headers: { 'content-type': 'text/csv' },
    },
    'results-template': { path: '/imports/results/template?quarter=2017-18-Q2&format=csv&kind=results' },
    'get-definitions': { path: '/definitions?format=csv&kind=measures' },
    // The Place measure as it stands: imported, it is unchanged.
    'import-definitions': {
      path: '/imports/definitions?kind=measures',
      body:
        'id,plan,programme,title,unit,polarity,frequency,ownerDirectorate,directorates,target 2017-18\n' +
        'planning,cip,Developing the economy,Planning applications determined in time (%),%,higher,quarterly,Place,Place,80\n',
      headers: { 'content-type': 'text/csv' },
    },
    health: { path: '/health' },
    openapi: { path: '/openapi.json' },
    ...overrides,
  };
}
