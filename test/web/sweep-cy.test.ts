import { describe, expect, it } from 'vitest';
import { sampleReportSettings } from '../../lambdas/local/sample-report-settings';
import { useSweep } from '../support/sweep';

// The sweep in Cymraeg (issue #27's acceptance: "with Cymraeg chosen, no interface string on
// any page is English"): the same walks as sweep.test.ts, each person choosing Cymraeg at
// the header, at 1,280 px only (the words do not change with the width): `<html lang="cy">`,
// no English string of web/src/i18n/en.ts outside lang="en" user data, no machine data,
// zero axe violations and no console errors (test/support/sweep.ts).
// The settings name the directorates in Welsh, as a Welsh council's would (the sample's
// Welsh names, lambdas/local/sample-report-settings.ts), and no programme: so both paths
// show, a name in Welsh and an English one marked lang="en". (A directorate with no Welsh
// name inside a Welsh sentence, "… a phob cyfarwyddiaeth (People, Place)", would be English
// the page cannot mark: docs/cymraeg.md "Remaining".)
const namesCy = { ...sampleReportSettings.namesCy, programmes: {} };
const { officerWalk, approverWalk, emtWalk, adminWalk, expectNoProblems, pagesChecked } = useSweep({
  settings: { namesCy },
});

describe('the sweep in Cymraeg: every page and state each role reaches, at 1,280 px', { timeout: 900_000 }, () => {
  it('an officer (Place)', async () => expectNoProblems(await officerWalk('cy')));
  it('an approver (Place, with returns awaiting; Resources, with none)', async () =>
    expectNoProblems(await approverWalk('cy')));
  it('EMT', async () => expectNoProblems(await emtWalk('cy')));
  it('an admin', async () => expectNoProblems(await adminWalk('cy')));
  it('looked at every page', () => {
    // A sweep that silently skipped pages (one that did not open is a problem above) would fail here.
    expect(pagesChecked()).toBeGreaterThanOrEqual(60);
  });
});
