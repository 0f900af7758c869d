import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { isQuarterId, quarterJustEnded } from '../domain';
import { logger } from '../observability/logger';
import { metrics } from '../observability/metrics';
import { sendReminders } from '../services/reminders';

export interface ReminderJobEvent {
  daysBeforeClose: number;
  /** Absent on the schedule: the quarter that just ended, whose close is coming. */
  quarter?: string;
}

/** The scheduled late-return reminder; failures throw so the scheduler retries (sent ones are skipped). */
export const handler = middy(async (event: ReminderJobEvent) => {
  const now = new Date();
  const quarter = event.quarter ?? quarterJustEnded(now);
  if (!isQuarterId(quarter)) throw new Error(`not a quarter id: ${quarter}`);
  if (!Number.isInteger(event.daysBeforeClose) || event.daysBeforeClose < 0)
    throw new Error('daysBeforeClose must be a whole number of days');
  const outcome = await sendReminders({
    quarter,
    daysBeforeClose: event.daysBeforeClose,
    now,
  });
  metrics.addMetric('RemindersSent', MetricUnit.Count, outcome.sent.length);
  logger.info('reminder job done', { quarter, sent: outcome.sent.length, skipped: outcome.skipped.length });
  return { quarter, sent: outcome.sent.map((s) => s.directorate), skipped: outcome.skipped };
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
