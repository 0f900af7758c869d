import { describe, expect, it } from 'vitest';
import {
  mustSignIn,
  nextSession,
  returnTo,
  type Session,
  type SessionEvent,
  signInPage,
  startSession,
} from '../../web/src/auth/session';

// The web app's sign-in state machine (web/src/auth/session.ts): local mode and Cognito alike.
type Me = { email: string };
const me: Me = { email: 'officer.place@council.example' };
const run = (events: SessionEvent<Me>[], from: Session<Me> = startSession) => events.reduce(nextSession<Me>, from);

describe('the sign-in state machine', () => {
  it('starts by establishing a session, and sends nobody to sign in meanwhile', () => {
    expect(startSession).toEqual({ state: 'signing-in' });
    expect(mustSignIn(startSession)).toBe(false);
  });

  it('with no stored token, is signed out and sends the person to sign in', () => {
    const session = run([{ type: 'no-token' }]);
    expect(session).toEqual({ state: 'signed-out' });
    expect(mustSignIn(session)).toBe(true);
  });

  it('a finished sign-in is signing in at once, so the page asked for is not bounced back to sign-in', () => {
    const session = run([{ type: 'no-token' }, { type: 'signed-in' }]);
    expect(session).toEqual({ state: 'signing-in' });
    expect(mustSignIn(session)).toBe(false);
    expect(run([{ type: 'me', me }], session)).toEqual({ state: 'signed-in', me });
  });

  it('a token from before the sign-in (read late) cannot sign the person out again', () => {
    // The sign-in page's done() came first; the answer "no token" from the read before it is ignored once signed in.
    const signedIn = run([{ type: 'no-token' }, { type: 'signed-in' }, { type: 'me', me }]);
    expect(run([{ type: 'no-token' }], signedIn)).toBe(signedIn);
  });

  it('a 401 ends the session, and signing in again asks /me afresh (maybe as someone else)', () => {
    const ended = run([{ type: 'me', me }, { type: 'unauthorized' }]);
    expect(ended).toEqual({ state: 'session-ended' });
    expect(mustSignIn(ended)).toBe(true);
    const other = { email: 'admin@council.example' };
    expect(run([{ type: 'signed-in' }, { type: 'me', me: other }], ended)).toEqual({ state: 'signed-in', me: other });
  });

  it('ignores /me answering when no session is being established, and a 401 when already signed out', () => {
    const out = run([{ type: 'no-token' }]);
    expect(run([{ type: 'me', me }], out)).toBe(out);
    expect(run([{ type: 'unauthorized' }], out)).toBe(out);
    const signedIn = run([{ type: 'me', me }]);
    expect(run([{ type: 'me', me: { email: 'x@council.example' } }], signedIn)).toBe(signedIn);
  });

  it("signing in again while signed in (another role on local mode's page) asks /me afresh", () => {
    expect(run([{ type: 'me', me }, { type: 'signed-in' }])).toEqual({ state: 'signing-in' });
  });
});

describe('the sign-in page', () => {
  it("is local mode's own page, the council page with federation, else the managed sign-in at once", () => {
    expect(signInPage({ auth: 'local' })).toBe('local');
    expect(signInPage({ auth: 'cognito', councilProvider: 'CouncilAccount' })).toBe('council');
    expect(signInPage({ auth: 'cognito' })).toBe('managed');
  });

  it("returns to the page asked for when it is one of the app's, else to the start", () => {
    expect(returnTo(new URLSearchParams('returnTo=%2Fapp%2Fupload%3Fx%3D1'))).toBe('/app/upload?x=1');
    expect(returnTo(new URLSearchParams(''))).toBe('/app/');
    expect(returnTo(new URLSearchParams('returnTo=https%3A%2F%2Fevil.example%2Fapp%2F'))).toBe('/app/');
    expect(returnTo(new URLSearchParams('returnTo=%2Fother'))).toBe('/app/');
  });
});
