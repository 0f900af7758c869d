import { appBase } from '../config';

// Sign-in as one small state machine, the same for local mode and Cognito (docs/web-app.md
// "Sign-in"). Only the machine decides when the person is sent to sign in, so a sign-in that
// has just finished can never be mistaken for "no token yet" (the bounce back to the sign-in
// page that a stale token check once caused):
//
//   signing-in ──no token──▶ signed-out ──sign-in done──▶ signing-in ──/me──▶ signed-in
//   signed-in ──the API answers 401──▶ session-ended ──sign-in done──▶ signing-in
//
// `signing-in` is also where the app starts: the stored token is read and /me asked.
// Signing out is the Auth's own (it leaves the page: local mode for its sign-in page,
// Cognito for its /logout), so it is no event here.

export type Session<M> =
  | { state: 'signing-in' }
  | { state: 'signed-out' }
  | { state: 'signed-in'; me: M }
  | { state: 'session-ended' };

export type SessionEvent<M> =
  /** The stored token was read and there is none. */
  | { type: 'no-token' }
  /** GET /me answered: who the token is. */
  | { type: 'me'; me: M }
  /** A sign-in finished (the local page, or Cognito's redirect back): a new token is stored. */
  | { type: 'signed-in' }
  /** The API answered 401: the token expired or was revoked. */
  | { type: 'unauthorized' };

export const startSession: Session<never> = { state: 'signing-in' };

export function nextSession<M>(session: Session<M>, event: SessionEvent<M>): Session<M> {
  switch (event.type) {
    case 'no-token':
      return session.state === 'signing-in' ? { state: 'signed-out' } : session;
    case 'me':
      return session.state === 'signing-in' ? { state: 'signed-in', me: event.me } : session;
    case 'signed-in':
      // Always a fresh establishment: the new token may be another person's (a new /me).
      return { state: 'signing-in' };
    case 'unauthorized':
      return session.state === 'signed-out' ? session : { state: 'session-ended' };
  }
}

/** Whether the person must now be sent to sign in (the app does so from any page but sign-in's own). */
export const mustSignIn = (session: Session<unknown>): boolean =>
  session.state === 'signed-out' || session.state === 'session-ended';

/**
 * What `/app/sign-in` shows: local mode's own page; with federation the council's page;
 * otherwise (Cognito without federation) it starts the managed sign-in at once.
 */
export function signInPage(config: {
  auth: 'local' | 'cognito';
  councilProvider?: string;
}): 'local' | 'council' | 'managed' {
  if (config.auth === 'local') return 'local';
  return config.councilProvider ? 'council' : 'managed';
}

/** Where to go after signing in: the `returnTo` asked for when it is one of the app's pages, else the app's start. */
export const returnTo = (query: URLSearchParams): string => {
  const to = query.get('returnTo');
  return to?.startsWith(appBase) ? to : appBase;
};
