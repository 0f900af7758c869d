import { type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { appBase, type CognitoConfig } from '../config';
import type { Auth } from './types';

// In AWS: Cognito managed login, authorization code with PKCE (oidc-client-ts), tokens in
// sessionStorage, renewal with the refresh token when the ID token has expired (never in
// the background), and sign-out through Cognito's /logout (docs/web-app.md). With
// federation, sign-in starts on the app's own page (pages/CouncilSignIn.tsx): Cognito's
// button would carry the provider's name, which may not contain spaces (docs/people.md).
export function cognitoAuth(
  config: CognitoConfig,
  navigate: (to: string) => void,
  origin = window.location.origin,
): Auth {
  const manager = new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${origin}${appBase}callback`,
    post_logout_redirect_uri: `${origin}${appBase}`,
    response_type: 'code',
    scope: 'openid email profile',
    automaticSilentRenew: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });

  const idToken = (user: User | null) => (user && !user.expired && user.id_token ? user.id_token : null);
  const renew = async () => {
    try {
      // With a refresh token, signinSilent is a refresh_token grant at the token endpoint (no iframe).
      return idToken(await manager.signinSilent());
    } catch {
      await manager.removeUser();
      return null;
    }
  };
  // The calls a page makes at once all find the token expired together: they share one
  // renewal, not one refresh_token grant each (which a pool rotating refresh tokens would
  // answer by ending the session).
  let renewing: Promise<string | null> | null = null;
  return {
    async token() {
      const user = await manager.getUser();
      if (idToken(user)) return idToken(user);
      if (!user?.refresh_token) return null;
      renewing ??= renew().finally(() => {
        renewing = null;
      });
      return renewing;
    },
    async signIn(returnTo) {
      if (config.councilProvider) navigate(`${appBase}sign-in?returnTo=${encodeURIComponent(returnTo)}`);
      else await manager.signinRedirect({ state: returnTo });
    },
    signInVia: (returnTo, via) =>
      manager.signinRedirect({
        state: returnTo,
        // The authorize endpoint sends the user straight to this identity provider's sign-in.
        ...(via === 'council' && config.councilProvider
          ? { extraQueryParams: { identity_provider: config.councilProvider } }
          : {}),
      }),
    async signOut() {
      await manager.removeUser();
      const logout = new URL('/logout', config.cognitoDomain);
      logout.searchParams.set('client_id', config.clientId);
      logout.searchParams.set('logout_uri', `${origin}${appBase}`);
      window.location.assign(logout.toString());
    },
    async completeSignIn() {
      const user = await manager.signinRedirectCallback();
      const state = typeof user.state === 'string' ? user.state : '';
      return state.startsWith(appBase) ? state : appBase;
    },
  };
}
