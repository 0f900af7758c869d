import { render, type VNode } from 'preact';
import { useEffect, useMemo, useReducer } from 'preact/hooks';
import { type Access, canUse } from './access';
import { type Api, createApi, type Me } from './api';
import { localAuth } from './auth/local';
import { mustSignIn, nextSession, returnTo, signInPage, startSession } from './auth/session';
import type { Auth } from './auth/types';
import { Loading, ProblemPage } from './components';
import { type AppConfig, appBase, loadConfig } from './config';
import { lazyPage } from './lazy';
import { ActionForm } from './pages/ActionForm';
import { CouncilSignIn } from './pages/CouncilSignIn';
import { CriticalItem } from './pages/CriticalItem';
import { Dashboard } from './pages/Dashboard';
import { MeasurePage } from './pages/MeasurePage';
import { ResultForm } from './pages/ResultForm';
import { SignIn } from './pages/SignIn';
import { UploadResults } from './pages/UploadResults';
import { YourReturns } from './pages/YourReturns';
import { navigate, onLinkClick, useLocation } from './router';

// Admin-only pages: loaded on first use (web/src/lazy.tsx).
const People = lazyPage(() => import('./pages/People').then((m) => m.People));
const Definitions = lazyPage(() => import('./pages/Definitions').then((m) => m.Definitions));
// Approvers' and admins' page: most people never open it.
const SignOffs = lazyPage(() => import('./pages/SignOffs').then((m) => m.SignOffs));
const Settings = lazyPage(() => import('./pages/Settings').then((m) => m.Settings));
const CloseQuarter = lazyPage(() => import('./pages/CloseQuarter').then((m) => m.CloseQuarter));
const CloseConfirm = lazyPage(() => import('./pages/CloseQuarter').then((m) => m.CloseConfirm));
const Reissue = lazyPage(() => import('./pages/CloseQuarter').then((m) => m.Reissue));
const MeasureList = lazyPage(() => import('./pages/MeasureList').then((m) => m.MeasureList));
const MeasureEditor = lazyPage(() => import('./pages/MeasureEditor').then((m) => m.MeasureEditor));
const ActionList = lazyPage(() => import('./pages/ActionList').then((m) => m.ActionList));
const ActionEditor = lazyPage(() => import('./pages/ActionEditor').then((m) => m.ActionEditor));

function Header({ me, title, onSignOut }: { me: Me | null; title: string; onSignOut?: () => void }) {
  return (
    <header class="govuk-generic-header">
      <div class="govuk-generic-header__container govuk-width-container">
        <div class="govuk-generic-header__logo">
          <a href={appBase} class="govuk-generic-header__homepage-link app-header__title">
            {title}
          </a>
        </div>
        {me && (
          <div class="app-header__account">
            <span>
              Signed in as {me.email ?? 'unknown'} ({me.roles.join(', ') || 'no role'}
              {me.directorate ? `, ${me.directorate}` : ''})
            </span>
            <button type="button" class="app-link-button" onClick={onSignOut}>
              Sign out
            </button>
          </div>
        )}
      </div>
    </header>
  );
}

function Nav({ path, me }: { path: string; me: Me }) {
  const item = (href: string, text: string) => (
    <li>
      <a class="govuk-link govuk-link--no-visited-state" href={href} aria-current={path === href ? 'page' : undefined}>
        {text}
      </a>
    </li>
  );
  // In the order of a quarter's work: returns, sign-off, definitions, settings, close; then who may do it.
  return (
    <nav aria-label="Pages">
      <ul class="app-nav">
        {canUse(me, 'returns') && item(landsOnDashboard(me) ? `${appBase}returns` : appBase, 'Your returns')}
        {item(`${appBase}dashboard`, 'Dashboard')}
        {canUse(me, 'upload') && item(`${appBase}upload`, 'Upload results')}
        {canUse(me, 'sign-off') && me.signOff === 'on' && item(`${appBase}sign-offs`, 'Awaiting sign-off')}
        {canUse(me, 'admin-definitions') && item(`${appBase}admin/measures`, 'Measures')}
        {canUse(me, 'admin-definitions') && item(`${appBase}admin/actions`, 'Planned work')}
        {me.roles.includes('admin') && item(`${appBase}definitions`, 'Definitions')}
        {canUse(me, 'settings') && item(`${appBase}settings`, 'Settings')}
        {canUse(me, 'close') && item(`${appBase}close`, 'Close quarter')}
        {me.roles.includes('admin') && item(`${appBase}people`, 'People')}
      </ul>
    </nav>
  );
}

const segment = (s: string | undefined) => {
  try {
    return s === undefined ? undefined : decodeURIComponent(s);
  } catch {
    return undefined;
  }
};

/** EMT and admins land on the dashboard (docs/web-app.md); officers and approvers on their returns. */
const landsOnDashboard = (me: Me) => me.roles.includes('admin') || !canUse(me, 'returns');

function NoAccess() {
  return (
    <ProblemPage
      title="You do not have access"
      detail="Your role does not allow you to use this page. Ask the performance team if you need it."
    />
  );
}

function Page({ api, me, path, query }: { api: Api; me: Me; path: string; query: URLSearchParams }) {
  if (me.roles.length === 0)
    return (
      <ProblemPage
        title="Ask your performance team for access"
        detail="You are signed in, but you have no role in Ragtime yet. Your performance team gives people their roles."
      />
    );
  if (path === `${appBase}people`)
    return me.roles.includes('admin') ? <People api={api} directorates={me.directorates} /> : <NoAccess />;
  if (path === `${appBase}definitions`) return me.roles.includes('admin') ? <Definitions api={api} /> : <NoAccess />;
  const allowed = (access: Access, page: () => VNode) => (canUse(me, access) ? page() : <NoAccess />);
  if ((path === appBase || path === '/app') && query.size === 0 && landsOnDashboard(me)) {
    navigate(`${appBase}dashboard`, { replace: true });
    return <Loading />;
  }
  if (path === appBase || path === '/app' || path === `${appBase}returns`)
    // A new quarter is a new page: its own focus, and no banner from the page before.
    return allowed('returns', () => (
      <YourReturns key={query.get('quarter') ?? ''} api={api} quarter={query.get('quarter') ?? undefined} />
    ));
  if (path === `${appBase}dashboard`)
    return <Dashboard key={query.toString()} api={api} query={query} title={me.reportTitle} />;
  if (path === `${appBase}upload`) return allowed('upload', () => <UploadResults api={api} />);
  if (path === `${appBase}sign-offs`)
    return allowed('sign-off', () => <SignOffs key={query.toString()} api={api} me={me} query={query} />);
  if (path === `${appBase}settings`) return allowed('settings', () => <Settings api={api} />);
  if (path === `${appBase}close`) return allowed('close', () => <CloseQuarter api={api} />);
  const close = /^\/app\/close\/([^/]+)$/.exec(path);
  if (close && segment(close[1]))
    return allowed('close', () => <CloseConfirm key={path} api={api} quarter={segment(close[1])!} />);
  const reissue = /^\/app\/reissue\/([^/]+)$/.exec(path);
  if (reissue && segment(reissue[1]))
    return allowed('close', () => <Reissue key={path} api={api} quarter={segment(reissue[1])!} />);
  if (path === `${appBase}admin/measures`)
    return allowed('admin-definitions', () => (
      <MeasureList key={query.toString()} api={api} plan={query.get('plan') ?? undefined} />
    ));
  const measureEditor = /^\/app\/admin\/measures\/([^/]+)$/.exec(path);
  if (measureEditor && segment(measureEditor[1]))
    return allowed('admin-definitions', () => {
      const id = segment(measureEditor[1])!;
      return <MeasureEditor key={path} api={api} id={id === 'new' ? null : id} directorates={me.directorates} />;
    });
  if (path === `${appBase}admin/actions`)
    return allowed('admin-definitions', () => (
      <ActionList key={query.toString()} api={api} plan={query.get('plan') ?? undefined} />
    ));
  const actionEditor = /^\/app\/admin\/actions\/([^/]+)$/.exec(path);
  if (actionEditor && segment(actionEditor[1]))
    return allowed('admin-definitions', () => {
      const id = segment(actionEditor[1])!;
      return <ActionEditor key={path} api={api} id={id === 'new' ? null : id} directorates={me.directorates} />;
    });
  const critical = /^\/app\/reports\/([^/]+)\/critical-items\/([^/]+)$/.exec(path);
  if (critical && segment(critical[1]) && segment(critical[2]))
    return allowed('critical-items', () => (
      <CriticalItem key={path} api={api} quarter={segment(critical[1])!} itemId={segment(critical[2])!} />
    ));
  const measure = /^\/app\/measures\/([^/]+)$/.exec(path);
  if (measure && segment(measure[1])) return <MeasurePage key={path} api={api} id={segment(measure[1])!} />;
  const result = /^\/app\/measures\/([^/]+)\/results\/([^/]+)$/.exec(path);
  if (result && segment(result[1]) && segment(result[2]))
    return (
      <ResultForm
        key={path}
        api={api}
        id={segment(result[1])!}
        period={segment(result[2])!}
        signOff={me.signOff === 'on'}
      />
    );
  const update = /^\/app\/actions\/([^/]+)\/updates\/([^/]+)$/.exec(path);
  if (update && segment(update[1]) && segment(update[2]))
    return (
      <ActionForm
        key={path}
        api={api}
        id={segment(update[1])!}
        quarter={segment(update[2])!}
        signOff={me.signOff === 'on'}
      />
    );
  return <ProblemPage title="Page not found" detail="If you typed the web address, check it is correct." />;
}

function Layout(props: { me: Me | null; title: string; onSignOut?: () => void; nav?: string; children: unknown }) {
  return (
    <>
      <a href="#main-content" class="govuk-skip-link">
        Skip to main content
      </a>
      <Header me={props.me} title={props.title} onSignOut={props.onSignOut} />
      <div class="govuk-width-container">
        {props.nav !== undefined && props.me && props.me.roles.length > 0 && <Nav path={props.nav} me={props.me} />}
        <main class="govuk-main-wrapper" id="main-content">
          {props.children as never}
        </main>
      </div>
    </>
  );
}

const fallbackTitle = 'Ragtime';

function App({
  config,
  auth,
}: {
  config: AppConfig;
  auth: Auth & Partial<Pick<Local, 'signInAs' | 'signInAsPerson' | 'people'>>;
}) {
  const { path, query } = useLocation();
  const [session, dispatch] = useReducer(nextSession<Me>, startSession);
  const api = useMemo(
    () =>
      createApi({
        baseUrl: config.apiUrl,
        token: () => auth.token(),
        onUnauthorized: () => dispatch({ type: 'unauthorized' }),
      }),
    [config, auth],
  );

  const isSignIn = path === `${appBase}sign-in`;
  const isCallback = path === `${appBase}callback`;
  const away = isSignIn || isCallback;
  const ownPage = signInPage(config);
  // Establishing a session: read the stored token, then ask the API who it is.
  useEffect(() => {
    if (session.state !== 'signing-in' || away) return;
    let live = true;
    auth.token().then(async (token) => {
      if (!live) return;
      if (!token) return dispatch({ type: 'no-token' });
      const answer = await api.me();
      if (live && answer.ok) dispatch({ type: 'me', me: answer.data });
    });
    return () => {
      live = false;
    };
  }, [session, away, api]);
  useEffect(() => {
    if (mustSignIn(session) && !away) auth.signIn(path + window.location.search);
  }, [session, away]);
  useEffect(() => {
    if (isCallback && auth.completeSignIn) {
      auth.completeSignIn().then(
        (to) => {
          dispatch({ type: 'signed-in' });
          navigate(to, { replace: true });
        },
        () => navigate(appBase, { replace: true }),
      );
    }
    // Cognito without federation has no page of its own: a typed /app/sign-in starts the managed sign-in.
    if (isSignIn && ownPage === 'managed') auth.signIn(returnTo(query));
  }, [auth, isSignIn, isCallback]);

  const me = session.state === 'signed-in' ? session.me : null;
  const title = me?.reportTitle ?? fallbackTitle;
  const signInVia = auth.signInVia;
  if (isSignIn && signInVia && ownPage === 'council') {
    return (
      <Layout me={null} title={title}>
        <CouncilSignIn signInVia={(via) => signInVia(returnTo(query), via)} />
      </Layout>
    );
  }
  if (isSignIn && auth.signInAs && config.auth === 'local') {
    return (
      <Layout me={null} title={title}>
        <SignIn
          directorates={config.directorates}
          signInAs={auth.signInAs}
          signInAsPerson={auth.signInAsPerson}
          people={auth.people}
          done={() => {
            dispatch({ type: 'signed-in' });
            navigate(returnTo(query));
          }}
        />
      </Layout>
    );
  }
  if (!me)
    return (
      <Layout me={null} title={title}>
        <Loading />
      </Layout>
    );
  return (
    // Signing out leaves the page (local mode: for its sign-in page; Cognito: for its /logout).
    <Layout me={me} title={title} nav={path} onSignOut={() => auth.signOut()}>
      <Page api={api} me={me} path={path} query={query} />
    </Layout>
  );
}

type Local = ReturnType<typeof localAuth>;

async function start() {
  const root = document.getElementById('app')!;
  document.addEventListener('click', onLinkClick);
  let config: AppConfig;
  try {
    config = await loadConfig();
  } catch {
    render(
      <Layout me={null} title={fallbackTitle}>
        <ProblemPage title="Sorry, the service is unavailable" detail="The app's configuration could not be loaded." />
      </Layout>,
      root,
    );
    return;
  }
  const auth: Auth =
    config.auth === 'local'
      ? localAuth((to) => navigate(to))
      : (await import('./auth/cognito')).cognitoAuth(config, (to) => navigate(to));
  render(<App config={config} auth={auth} />, root);
}

start();
