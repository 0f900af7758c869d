import { appBase } from '../config';
import type { Auth } from './types';

// Local mode: the local server mints a token for the chosen role and directorate
// (POST /local/sign-in exists only there). The token lives for this tab (sessionStorage).
const key = 'ragtime.local.token';

export function localAuth(navigate: (to: string) => void): Auth & {
  signInAs(role: string, directorate: string): Promise<string | null>;
} {
  return {
    token: async () => sessionStorage.getItem(key),
    signIn: async (returnTo) => navigate(`${appBase}sign-in?returnTo=${encodeURIComponent(returnTo)}`),
    signOut: async () => {
      sessionStorage.removeItem(key);
      navigate(`${appBase}sign-in`);
    },
    async signInAs(role, directorate) {
      const res = await fetch('/local/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role, directorate }),
      });
      if (!res.ok) return `Sign-in failed (${res.status}).`;
      const { token } = (await res.json()) as { token: string };
      sessionStorage.setItem(key, token);
      return null;
    },
  };
}
