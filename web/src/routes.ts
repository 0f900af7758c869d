import { type ComponentChild, h } from 'preact';
import type { Api, Me, Role } from './api';
import type { StartPageLink } from './components';
import { appBase } from './config';
import { lazyPage } from './lazy';
import { ActionForm } from './pages/ActionForm';
import { Dashboard } from './pages/Dashboard';
import { ResultForm } from './pages/ResultForm';
import { YourReturns } from './pages/YourReturns';

// The web app's pages, as lambdas/http/routes.ts is the API's: one table drives the routing
// (main.tsx), the navigation (in this order) and who may open each page. Adding a page is
// one entry here plus the page (docs/web-app.md "Adding a page").

/** What every page is given: its path's `{name}` segments (decoded) and the query. */
export interface PageProps {
  api: Api;
  me: Me;
  params: Record<string, string>;
  query: URLSearchParams;
}

export interface PageRoute {
  /** Under /app/; `{name}` matches one path segment. */
  path: string;
  /**
   * Who may open it: the same roles the API's route table grants (it still answers 403
   * whatever the app offers). Anyone else is not offered it in the navigation and, typing
   * it in, is told "You do not have access".
   */
  access: readonly Role[] | 'anyone';
  page: (props: PageProps) => ComponentChild;
  /** In the navigation, under this label (shown to those with access, and when `navWhen` says so). */
  nav?: string;
  navWhen?: (me: Me) => boolean;
}

/** Admin-only pages load on first use (web/src/lazy.tsx), so what every officer downloads stays small. */
const People = lazyPage(() => import('./pages/People').then((m) => m.People));
const Definitions = lazyPage(() => import('./pages/Definitions').then((m) => m.Definitions));
// Approvers' and admins' page: most people never open it.
const SignOffs = lazyPage(() => import('./pages/SignOffs').then((m) => m.SignOffs));
const Settings = lazyPage(() => import('./pages/Settings').then((m) => m.Settings));
const CloseQuarter = lazyPage(() => import('./pages/CloseQuarter').then((m) => m.CloseQuarter));
const CloseConfirm = lazyPage(() => import('./pages/CloseConfirm').then((m) => m.CloseConfirm));
const Reissue = lazyPage(() => import('./pages/Reissue').then((m) => m.Reissue));
const MeasureList = lazyPage(() => import('./pages/MeasureList').then((m) => m.MeasureList));
// Pages most visits never open (a measure's history, an upload, EMT's critical item): loaded
// on first use too, so the initial JavaScript stays within its 60 KB (docs/web-app.md "Size").
const MeasurePage = lazyPage(() => import('./pages/MeasurePage').then((m) => m.MeasurePage));
const UploadResults = lazyPage(() => import('./pages/UploadResults').then((m) => m.UploadResults));
const CriticalItem = lazyPage(() => import('./pages/CriticalItem').then((m) => m.CriticalItem));
const MeasureEditor = lazyPage(() => import('./pages/MeasureEditor').then((m) => m.MeasureEditor));
const ActionList = lazyPage(() => import('./pages/ActionList').then((m) => m.ActionList));
const ActionEditor = lazyPage(() => import('./pages/ActionEditor').then((m) => m.ActionEditor));

const returnsRoles: Role[] = ['officer', 'approver', 'admin'];
const admin: Role[] = ['admin'];
const newOrId = (id: string | undefined) => (id === 'new' || id === undefined ? null : id);

/** In the order of a quarter's work: returns, sign-off, definitions, settings, close; then who may do it. */
export const pageRoutes: PageRoute[] = [
  {
    path: '',
    access: returnsRoles,
    nav: 'Your returns',
    page: ({ api, query }) => h(YourReturns, { api, quarter: query.get('quarter') ?? undefined }),
  },
  // Your returns for those who land on the dashboard (admins), whose /app/ is the dashboard.
  {
    path: 'returns',
    access: returnsRoles,
    page: ({ api, query }) => h(YourReturns, { api, quarter: query.get('quarter') ?? undefined }),
  },
  {
    path: 'dashboard',
    access: 'anyone',
    nav: 'Dashboard',
    page: ({ api, me, query }) => h(Dashboard, { api, query, title: me.reportTitle }),
  },
  { path: 'upload', access: ['officer', 'admin'], nav: 'Upload results', page: ({ api }) => h(UploadResults, { api }) },
  {
    path: 'sign-offs',
    access: ['approver', 'admin'],
    nav: 'Awaiting sign-off',
    navWhen: (me) => me.signOff === 'on',
    page: ({ api, me, query }) => h(SignOffs, { api, me, query }),
  },
  {
    path: 'admin/measures',
    access: admin,
    nav: 'Measures',
    page: ({ api, query }) => h(MeasureList, { api, plan: query.get('plan') ?? undefined }),
  },
  {
    path: 'admin/measures/{id}',
    access: admin,
    page: ({ api, me, params }) =>
      h(MeasureEditor, { api, id: newOrId(params.id), directorates: me.directorates, plans: me.plans }),
  },
  {
    path: 'admin/actions',
    access: admin,
    nav: 'Planned work',
    page: ({ api, query }) => h(ActionList, { api, plan: query.get('plan') ?? undefined }),
  },
  {
    path: 'admin/actions/{id}',
    access: admin,
    page: ({ api, me, params }) =>
      h(ActionEditor, { api, id: newOrId(params.id), directorates: me.directorates, plans: me.plans }),
  },
  { path: 'definitions', access: admin, nav: 'Definitions', page: ({ api }) => h(Definitions, { api }) },
  { path: 'settings', access: admin, nav: 'Settings', page: ({ api }) => h(Settings, { api }) },
  { path: 'close', access: admin, nav: 'Close quarter', page: ({ api }) => h(CloseQuarter, { api }) },
  {
    path: 'close/{quarter}',
    access: admin,
    page: ({ api, params }) => h(CloseConfirm, { api, quarter: params.quarter! }),
  },
  {
    path: 'reissue/{quarter}',
    access: admin,
    page: ({ api, params }) => h(Reissue, { api, quarter: params.quarter! }),
  },
  {
    path: 'people',
    access: admin,
    nav: 'People',
    page: ({ api, me }) => h(People, { api, directorates: me.directorates }),
  },
  {
    path: 'reports/{quarter}/critical-items/{itemId}',
    access: ['emt', 'admin'],
    page: ({ api, params }) => h(CriticalItem, { api, quarter: params.quarter!, itemId: params.itemId! }),
  },
  { path: 'measures/{id}', access: 'anyone', page: ({ api, params }) => h(MeasurePage, { api, id: params.id! }) },
  {
    path: 'measures/{id}/results/{period}',
    access: 'anyone',
    page: ({ api, me, params }) =>
      h(ResultForm, {
        api,
        id: params.id!,
        period: params.period!,
        signOff: me.signOff === 'on',
        admin: me.roles.includes('admin'),
      }),
  },
  {
    path: 'actions/{id}/updates/{quarter}',
    access: 'anyone',
    page: ({ api, me, params }) =>
      h(ActionForm, {
        api,
        id: params.id!,
        quarter: params.quarter!,
        signOff: me.signOff === 'on',
        admin: me.roles.includes('admin'),
      }),
  },
];

export const canOpen = (me: Me, route: PageRoute): boolean =>
  route.access === 'anyone' || me.roles.some((r) => route.access.includes(r));

/** EMT and admins land on the dashboard (docs/web-app.md); officers and approvers on their returns. */
export const landsOnDashboard = (me: Me): boolean =>
  me.roles.includes('admin') || !me.roles.some((r) => returnsRoles.includes(r));

/**
 * Approvers (not admins) while sign-off is on land on `Awaiting sign-off` when something
 * awaits them, else on `Your returns` (web/src/pages/Landing.tsx decides at /app/).
 */
export const landsOnSignOffs = (me: Me): boolean =>
  me.signOff === 'on' && me.roles.includes('approver') && !landsOnDashboard(me);

/**
 * Where a problem page sends a person back to (`Go to …`), named as the page they land on:
 * the dashboard for EMT and admins, `Your returns` for officers and approvers (an approver
 * who may land on `Awaiting sign-off` at /app/ is sent to /app/returns, which the words name);
 * none for someone with no role yet, whose landing page is the problem itself.
 */
export function startPage(me: Me): StartPageLink | null {
  if (me.roles.length === 0) return null;
  if (landsOnDashboard(me)) return { href: `${appBase}dashboard`, to: 'dashboard' };
  return { href: landsOnSignOffs(me) ? `${appBase}returns` : appBase, to: 'returns' };
}

const decode = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/** The route a browser path opens, with its `{name}` segments decoded; undefined: no such page. */
export function matchRoute(
  path: string,
  routes: readonly PageRoute[] = pageRoutes,
): { route: PageRoute; params: Record<string, string> } | undefined {
  if (path === '/app') path = appBase;
  if (!path.startsWith(appBase)) return undefined;
  const segments = path.slice(appBase.length).split('/');
  for (const route of routes) {
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((part, i) => {
      const segment = segments[i]!;
      if (!part.startsWith('{')) return part === segment;
      const value = decode(segment);
      if (!value) return false;
      params[part.slice(1, -1)] = value;
      return true;
    });
    if (fits) return { route, params };
  }
  return undefined;
}

/** The navigation: the routes with a label this person may open, as links. */
export function navigation(me: Me, routes: readonly PageRoute[] = pageRoutes): { label: string; href: string }[] {
  return routes.flatMap((route) =>
    route.nav && canOpen(me, route) && (route.navWhen?.(me) ?? true)
      ? [
          {
            label: route.nav,
            // Those who may land elsewhere find their returns at /app/returns.
            href:
              route.path === '' && (landsOnDashboard(me) || landsOnSignOffs(me))
                ? `${appBase}returns`
                : `${appBase}${route.path}`,
          },
        ]
      : [],
  );
}
