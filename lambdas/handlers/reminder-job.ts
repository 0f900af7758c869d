import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { logger } from '../observability/logger';
import { metrics } from '../observability/metrics';
import { scheduledReminders } from '../services/reminders';

export interface ReminderJobEvent {
  daysBeforeClose: number;
  /** Absent on the schedule: the quarter that just ended, whose close is coming. */
  quarter?: string;
}

/** The scheduled late-return reminder; failures throw so the scheduler retries (sent ones are skipped). */
export const handler = middy(async (event: ReminderJobEvent) => {
  const outcome = await scheduledReminders(event.quarter, event.daysBeforeClose, new Date());
  const quarter = outcome.quarter;
  metrics.addMetric('RemindersSent', MetricUnit.Count, outcome.sent.length);
  logger.info('reminder job done', { quarter, sent: outcome.sent.length, skipped: outcome.skipped.length });
  return { quarter, sent: outcome.sent.map((s) => s.directorate), skipped: outcome.skipped };
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
