import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { logger } from '../observability/logger';
import { metrics } from '../observability/metrics';
import { scheduledClose } from '../services/close';

export interface CloseJobEvent {
  /** Absent on the schedule: close the quarter that just ended (Europe/London). */
  quarter?: string;
}

/** The scheduled close. Failures throw, so EventBridge Scheduler retries, then dead-letters. */
export const handler = middy(async (event: CloseJobEvent = {}) => {
  const outcome = await scheduledClose(event.quarter, new Date());
  const quarter = outcome.quarter;
  metrics.addMetric('QuarterFrozen', MetricUnit.Count, outcome.froze ? 1 : 0);
  metrics.addMetric('CloseEmailQueued', MetricUnit.Count, outcome.froze ? 1 : 0);
  metrics.addMetric('CriticalItems', MetricUnit.Count, outcome.report.criticalItems.length);
  logger.info('close job done', {
    quarter,
    froze: outcome.froze,
    email: outcome.email.state,
    overall: outcome.report.overall,
  });
  // The email is the mailer's (the outbox); the watchdog an hour later checks that it went.
  return { quarter, froze: outcome.froze, email: outcome.email.state, overall: outcome.report.overall };
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
