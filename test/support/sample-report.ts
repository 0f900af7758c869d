// The sample plan's report of a quarter as the domain builds it (every result and update
// at version 1, no remedial actions, the default status settings): the seed report's
// figures, for the render and domain tests.
import { buildReport } from '../../lambdas/domain/report';
import { defaultStatusSettings, type Report, type ReportInput } from '../../lambdas/domain/types';
import { samplePlan } from '../../lambdas/local/sample-plan';

export const sampleReportInput = (quarter = '2017-18-Q4'): ReportInput => ({
  quarter,
  measures: samplePlan.measures,
  actions: samplePlan.actions,
  results: samplePlan.results.map((r) => ({ ...r, version: 1 })),
  actionUpdates: samplePlan.actionUpdates.map((u) => ({ ...u, version: 1 })),
  remedialActions: {},
  settings: defaultStatusSettings,
});

export const sampleReport = (quarter = '2017-18-Q4'): Report => buildReport(sampleReportInput(quarter));
