import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { logger } from '../observability/logger';
import { metrics } from '../observability/metrics';
import { closeRecordOf } from '../services/close';

export class QuarterNotClosed extends Error {}

/**
 * Runs an hour after the scheduled close: if the quarter that just ended has no close
 * record, it fails (the errors alarm fires) and records a metric saying so.
 */
export const handler = middy(async (event: { quarter?: string } = {}) => {
  const { quarter, close } = await closeRecordOf(event.quarter, new Date());
  metrics.addDimension('quarter', quarter);
  metrics.addMetric('QuarterNotClosed', MetricUnit.Count, close ? 0 : 1);
  if (!close) {
    logger.error('quarter not closed after its scheduled close', { quarter });
    throw new QuarterNotClosed(`${quarter} has no close after its scheduled close time`);
  }
  logger.info('quarter closed on time', { quarter, closedAt: close.closedAt, emailSentAt: close.emailSentAt });
  if (close.emailSentAt === undefined) {
    throw new QuarterNotClosed(`${quarter} is closed but its EMT email has not been sent`);
  }
  return { quarter, closed: true };
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
