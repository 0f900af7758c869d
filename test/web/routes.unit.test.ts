import { describe, expect, it } from 'vitest';
import type { Me, Role } from '../../web/src/api';
import { canOpen, matchRoute, navigation, pageRoutes, startPage } from '../../web/src/routes';

// The web app's page table (web/src/routes.ts): routing, navigation and access from one list.
const me = (roles: Role[], signOff: 'on' | 'off' = 'off'): Me => ({
  email: 'someone@council.example',
  roles,
  directorate: 'Place',
  reportTitle: 'Report',
  directorates: ['Place'],
  plans: [{ id: 'cip', name: 'Report' }],
  signOff,
});

describe('matchRoute', () => {
  it('finds a page by its path, decoding each {name} segment', () => {
    const match = matchRoute('/app/measures/a%20b/results/2017-18-Q4');
    expect(match?.route.path).toBe('measures/{id}/results/{period}');
    expect(match?.params).toEqual({ id: 'a b', period: '2017-18-Q4' });
    expect(matchRoute('/app/')?.route.path).toBe('');
    expect(matchRoute('/app')?.route.path).toBe('');
    expect(matchRoute('/app/admin/measures/new')?.params).toEqual({ id: 'new' });
  });

  it('answers nothing for a path that is no page, or a segment that does not decode', () => {
    expect(matchRoute('/app/nowhere')).toBeUndefined();
    expect(matchRoute('/app/measures/x/')).toBeUndefined();
    expect(matchRoute('/app/measures/%E0%A4%A')).toBeUndefined();
    expect(matchRoute('/elsewhere/')).toBeUndefined();
  });

  it('has one route per path', () => {
    const paths = pageRoutes.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe('access and navigation', () => {
  it("offers each role the pages it may use, in the order of a quarter's work", () => {
    const labels = (m: Me) => navigation(m).map((n) => n.label);
    expect(labels(me(['officer']))).toEqual(['Your returns', 'Dashboard', 'Upload results']);
    expect(labels(me(['approver'], 'on'))).toEqual(['Your returns', 'Dashboard', 'Awaiting sign-off']);
    expect(labels(me(['approver'], 'off'))).toEqual(['Your returns', 'Dashboard']);
    expect(labels(me(['emt']))).toEqual(['Dashboard']);
    expect(labels(me(['admin'], 'on'))).toEqual([
      'Your returns',
      'Dashboard',
      'Upload results',
      'Awaiting sign-off',
      'Measures',
      'Planned work',
      'Definitions',
      'Settings',
      'Close quarter',
      'People',
    ]);
  });

  it('links those who land on the dashboard to their returns at /app/returns', () => {
    expect(navigation(me(['admin']))[0]).toEqual({ label: 'Your returns', href: '/app/returns' });
    expect(navigation(me(['officer']))[0]).toEqual({ label: 'Your returns', href: '/app/' });
    // An approver may land on Awaiting sign-off at /app/ while sign-off is on.
    expect(navigation(me(['approver'], 'on'))[0]).toEqual({ label: 'Your returns', href: '/app/returns' });
    expect(navigation(me(['approver'], 'off'))[0]).toEqual({ label: 'Your returns', href: '/app/' });
  });

  it('lets a role open only what the API lets it use', () => {
    const route = (path: string) => matchRoute(path)!.route;
    expect(canOpen(me(['officer']), route('/app/people'))).toBe(false);
    expect(canOpen(me(['admin']), route('/app/people'))).toBe(true);
    expect(canOpen(me(['emt']), route('/app/reports/2017-18-Q4/critical-items/x'))).toBe(true);
    expect(canOpen(me(['officer']), route('/app/reports/2017-18-Q4/critical-items/x'))).toBe(false);
    expect(canOpen(me(['emt']), route('/app/dashboard'))).toBe(true);
    expect(canOpen(me(['emt']), route('/app/upload'))).toBe(false);
  });
});

describe('startPage', () => {
  it('names the page each role lands on, where a problem page sends them back to', () => {
    expect(startPage(me(['officer']))).toEqual({ href: '/app/', to: 'returns' });
    expect(startPage(me(['approver']))).toEqual({ href: '/app/', to: 'returns' });
    // At /app/ an approver may land on Awaiting sign-off while sign-off is on: their returns are at /app/returns.
    expect(startPage(me(['approver'], 'on'))).toEqual({ href: '/app/returns', to: 'returns' });
    expect(startPage(me(['emt']))).toEqual({ href: '/app/dashboard', to: 'dashboard' });
    expect(startPage(me(['admin', 'officer']))).toEqual({ href: '/app/dashboard', to: 'dashboard' });
    expect(startPage(me([]))).toBeNull();
  });
});
