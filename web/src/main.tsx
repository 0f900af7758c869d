import { Fragment, render } from 'preact';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { Language } from '../../lambdas/domain/language';
import { type Api, createApi, type Me } from './api';
import { localAuth } from './auth/local';
import { mustSignIn, nextSession, returnTo, signInPage, startSession } from './auth/session';
import type { Auth } from './auth/types';
import { Loading, ProblemPage, StartPage } from './components';
import { type AppConfig, appBase, loadConfig } from './config';
import { useData } from './hooks/use-data';
import {
  applyLanguage,
  browserLanguage,
  fill,
  loadWords,
  storedLanguage,
  storeLanguage,
  tokenLanguage,
  useWords,
  type WebWords,
  type Words,
  WordsProvider,
} from './i18n';
import { en } from './i18n/en';
import { setNames } from './names';
import { CouncilSignIn } from './pages/CouncilSignIn';
import { SignIn } from './pages/SignIn';
import { YourReturns } from './pages/YourReturns';
import { navigate, onLinkClick, useLocation } from './router';
import { canOpen, landsOnDashboard, landsOnSignOffs, matchRoute, navigation, startPage } from './routes';

/** The language switch (the GOV.UK / HMRC language select): each language named in itself, the one shown marked current. */
function LanguageSwitch() {
  const { language, t, choose } = useWords();
  const names: [Language, string][] = [
    ['en', 'English'],
    ['cy', 'Cymraeg'],
  ];
  return (
    <nav class="app-language-switch" aria-label={t.shell.language}>
      <ul class="app-language-switch__list">
        {names.map(([code, name]) => (
          <li key={code} class="app-language-switch__item">
            {code === language ? (
              <span aria-current="true" lang={code}>
                {name}
              </span>
            ) : (
              <button type="button" class="app-link-button" lang={code} onClick={() => choose(code)}>
                {name}
              </button>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Header({ me, title, onSignOut }: { me: Me | null; title: string; onSignOut?: () => void }) {
  const { language, t } = useWords();
  // The report title in Welsh when there is one; else the English, marked as English.
  const welshTitle = language === 'cy' ? me?.reportTitleCy : undefined;
  const roles = me?.roles.map((role) => t.roles[role] ?? role).join(', ');
  return (
    <header class="govuk-generic-header">
      <div class="govuk-generic-header__container govuk-width-container">
        <div class="govuk-generic-header__logo">
          <a
            href={appBase}
            class="govuk-generic-header__homepage-link app-header__title"
            lang={language === 'cy' && !welshTitle ? 'en' : undefined}
          >
            {welshTitle ?? title}
          </a>
        </div>
        <div class="app-header__account">
          {me && (
            <>
              {/* By name (SPEC §12), the email on hover. */}
              <span title={me.email ?? undefined}>
                {fill(t.shell.signedInAs, {
                  email: me.name ?? me.email ?? t.shell.unknown,
                  roles: roles || t.shell.noRole,
                  directorate: me.directorate ? `, ${me.directorate}` : '',
                })}
              </span>
              <button type="button" class="app-link-button" onClick={onSignOut}>
                {t.shell.signOut}
              </button>
            </>
          )}
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}

/** GOV.UK service navigation (govuk-frontend 6): the pages this person's roles may use, from web/src/routes.ts. */
function Nav({ path, me }: { path: string; me: Me }) {
  const { t } = useWords();
  return (
    <section aria-label={t.shell.serviceInformation} class="govuk-service-navigation">
      <div class="govuk-width-container">
        <div class="govuk-service-navigation__container">
          <nav aria-label={t.shell.pages} class="govuk-service-navigation__wrapper">
            <ul class="govuk-service-navigation__list" id="navigation">
              {navigation(me).map(({ label: english, href }) => {
                const current = path === href;
                const label = t.nav[english as keyof WebWords['nav']] ?? english;
                return (
                  <li
                    key={href}
                    class={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}
                  >
                    <a class="govuk-service-navigation__link" href={href} aria-current={current ? 'page' : undefined}>
                      {current ? <strong class="govuk-service-navigation__active-fallback">{label}</strong> : label}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </div>
    </section>
  );
}

/**
 * Where an approver lands at /app/ while sign-off is on (docs/web-app.md "Navigation by role"):
 * `Awaiting sign-off` when something in their directorate awaits a decision, else `Your
 * returns`, shown here so the address stays /app/.
 */
function Landing({ api, me }: { api: Api; me: Me }) {
  const { t } = useWords();
  const awaiting = useData(() => api.signOffs({ directorate: me.directorate ?? undefined }), [api, me]);
  if (awaiting.failed)
    return <ProblemPage title={t.problems.problemTitle} detail={awaiting.failed.problem.detail ?? ''} />;
  if (!awaiting.data) return <Loading />;
  if (awaiting.data.items.length > 0) {
    navigate(`${appBase}sign-offs`, { replace: true });
    return <Loading />;
  }
  return <YourReturns api={api} quarter={undefined} />;
}

function Page({ api, me, path, query }: { api: Api; me: Me; path: string; query: URLSearchParams }) {
  const { t } = useWords();
  if (me.roles.length === 0) return <ProblemPage title={t.problems.noRoleTitle} detail={t.problems.noRoleDetail} />;
  if ((path === appBase || path === '/app') && query.size === 0 && landsOnDashboard(me)) {
    navigate(`${appBase}dashboard`, { replace: true });
    return <Loading />;
  }
  if ((path === appBase || path === '/app') && query.size === 0 && landsOnSignOffs(me))
    return <Landing api={api} me={me} />;
  const match = matchRoute(path);
  if (!match) return <ProblemPage title={t.problems.notFoundTitle} detail={t.problems.notFoundDetail} />;
  if (!canOpen(me, match.route))
    return <ProblemPage title={t.problems.noAccessTitle} detail={t.problems.noAccessDetail} />;
  // Another path or query is another page: its own focus, and no banner from the page before.
  return <Fragment key={`${path}?${query}`}>{match.route.page({ api, me, params: match.params, query })}</Fragment>;
}

function Layout(props: { me: Me | null; title: string; onSignOut?: () => void; nav?: string; children: unknown }) {
  const { t } = useWords();
  return (
    <>
      <a href="#main-content" class="govuk-skip-link">
        {t.shell.skipLink}
      </a>
      <Header me={props.me} title={props.title} onSignOut={props.onSignOut} />
      {props.nav !== undefined && props.me && props.me.roles.length > 0 && <Nav path={props.nav} me={props.me} />}
      <div class="govuk-width-container">
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
  // The language shown, for the API's problems (Accept-Language): read at each call.
  const shownLanguage = useRef<Language>('en');
  const api = useMemo(
    () =>
      createApi({
        baseUrl: config.apiUrl,
        token: () => auth.token(),
        onUnauthorized: () => dispatch({ type: 'unauthorized' }),
        language: () => shownLanguage.current,
      }),
    [config, auth],
  );
  const me = session.state === 'signed-in' ? session.me : null;
  // The language (docs/cymraeg.md): once signed in, the person's People language (the
  // switch writes it, so it follows them to any browser), else the switch's choice in
  // this browser (also the fallback when that write fails or the app is offline), else
  // the token's locale claim, else the browser's. Changing it re-renders the page in
  // place: nothing reloads and nothing typed is lost.
  const [shown, setShown] = useState<{ language: Language; t: WebWords }>({ language: 'en', t: en });
  const show = useCallback(async (language: Language) => {
    const t = await loadWords(language);
    applyLanguage(language, t);
    shownLanguage.current = language;
    setShown({ language, t });
  }, []);
  const remembers = me?.languageRemembered === true;
  const choose = useCallback(
    (language: Language) => {
      storeLanguage(language);
      void show(language);
      // Remembered for the person (PUT /me/language) when they have a People record; a
      // failure (no network) leaves the browser's choice.
      if (remembers) void api.putMyLanguage(language);
    },
    [show, api, remembers],
  );
  const words: Words = useMemo(() => ({ ...shown, choose }), [shown, choose]);

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

  useEffect(() => {
    const chosen = storedLanguage();
    if (me?.language) {
      if (chosen !== me.language) storeLanguage(me.language);
      void show(me.language);
    } else if (chosen) void show(chosen);
    else
      void auth
        .token()
        .then((token) => show(tokenLanguage(token) ?? browserLanguage()))
        .catch(() => show(browserLanguage()));
  }, [me, auth, show]);
  setNames(me);
  const title = me?.reportTitle ?? fallbackTitle;
  const signInVia = auth.signInVia;
  return <WordsProvider value={words}>{screen()}</WordsProvider>;

  function screen() {
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
        <StartPage.Provider value={startPage(me)}>
          <Page api={api} me={me} path={path} query={query} />
        </StartPage.Provider>
      </Layout>
    );
  }
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
