import { describe, expect, it } from 'vitest';
import { useWebApp } from '../support/web-app';

// Signing in from the address `npm start` prints (`Web app http://localhost:3000/app/`), as a
// newcomer does: signed out, the app sends them to the local sign-in page, and ONE `Sign in`
// lands them on their role's page (web/src/auth/session.ts; once, a stale token check sent
// the first sign-in back to /app/sign-in?returnTo=%2Fapp%2F).
const web = useWebApp({ seed: true });

const roles = [
  { role: 'officer', directorate: 'Place', lands: 'Your returns', path: '/app/' },
  { role: 'approver', directorate: 'Place', lands: 'Your returns', path: '/app/' },
  { role: 'emt', lands: 'Dashboard', path: '/app/dashboard' },
  { role: 'admin', lands: 'Dashboard', path: '/app/dashboard' },
];

describe('signing in from the printed address', () => {
  for (const { role, directorate, lands, path } of roles) {
    it(`signs an ${role} in with one "Sign in" and lands on ${lands}`, async () => {
      const { page, errors } = await web.open();
      await page.goto(web.app);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/app/sign-in');
      await page.getByLabel('Role').selectOption(role);
      if (directorate) await page.getByLabel('Directorate').selectOption(directorate);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      // Either the role's page or (the bug) the sign-in page again: whichever shows first decides.
      const landed = page.getByRole('heading', { level: 1, name: lands });
      const bounced = page.locator('h1', { hasText: 'Sign in' });
      await landed.or(bounced).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.locator('h1').first().textContent()).toBe(lands);
      expect(new URL(page.url()).pathname).toBe(path);
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      expect(errors).toEqual([]);
    });
  }
});
