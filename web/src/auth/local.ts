import { appBase } from '../config';
import type { Auth } from './types';

// Local mode: the local server mints a token for the chosen role and directorate
// (POST /local/sign-in exists only there). The token lives for this tab (sessionStorage).
const key = 'ragtime.local.token';

/** A person in the table, as the local sign-in page lists them. */
export interface LocalPerson {
  email: string;
  name?: string;
  roles: string[];
  directorate: string | null;
}

export function localAuth(navigate: (to: string) => void): Auth & {
  signInAs(role: string, directorate: string): Promise<string | null>;
  signInAsPerson(email: string): Promise<string | null>;
  people(): Promise<LocalPerson[]>;
} {
  const mint = async (request: Record<string, string>) => {
    const res = await fetch('/local/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    if (!res.ok) return `Sign-in failed (${res.status}).`;
    const { token } = (await res.json()) as { token: string };
    sessionStorage.setItem(key, token);
    return null;
  };
  return {
    token: async () => sessionStorage.getItem(key),
    signIn: async (returnTo) => navigate(`${appBase}sign-in?returnTo=${encodeURIComponent(returnTo)}`),
    signOut: async () => {
      sessionStorage.removeItem(key);
      navigate(`${appBase}sign-in`);
    },
    signInAs: (role, directorate) => mint({ role, directorate }),
    signInAsPerson: (email) => mint({ email }),
    async people() {
      const res = await fetch('/local/people', { cache: 'no-store' });
      return res.ok ? ((await res.json()) as { people: LocalPerson[] }).people : [];
    },
  };
}
