import { describe, expect, it } from 'vitest';
import { useSweep } from '../support/sweep';

// The sweep in English (issue #25's first acceptance bullet, SPEC §12 "Words, not data"):
// every page and state each role can reach on the sample plan at 1,280 px and at 320 px
// (test/support/sweep.ts says what is checked). The Welsh walks are sweep-cy.test.ts.
const { officerWalk, approverWalk, emtWalk, adminWalk, expectNoProblems, pagesChecked } = useSweep();

// Generous per role: on a shared, busy machine a page's two axe runs take seconds.
describe('the sweep: every page and state each role reaches, at 1,280 px and 320 px', { timeout: 900_000 }, () => {
  it('an officer (Place)', async () => expectNoProblems(await officerWalk('en')));
  it('an approver (Place, with returns awaiting; Resources, with none)', async () =>
    expectNoProblems(await approverWalk('en')));
  it('EMT', async () => expectNoProblems(await emtWalk('en')));
  it('an admin', async () => expectNoProblems(await adminWalk('en')));
  it('looked at every page at both widths', () => {
    // A sweep that silently skipped pages (one that did not open is a problem above) would fail here.
    expect(pagesChecked()).toBeGreaterThanOrEqual(2 * 60);
  });
});
