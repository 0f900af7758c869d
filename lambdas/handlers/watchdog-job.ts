import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { logger } from '../observability/logger';
import { metrics } from '../observability/metrics';
import { closeRecordOf } from '../services/close';
import { sweepOutbox } from '../services/outbox';

export class QuarterNotClosed extends Error {}
export class EmailsGivenUp extends Error {}

export interface WatchdogEvent {
  quarter?: string;
  /** The frequent run: only sweep the outbox (no quarter check). */
  sweep?: boolean;
}

/**
 * Every few minutes (`sweep`), and an hour after the scheduled close: queues again every
 * outbox record that is due (a failed send after its backoff, a claim whose mailer died,
 * a lost trigger), so nothing is left unsent; fails (its errors alarm fires) when emails
 * were given up. After the close it also fails when the quarter that just ended has no
 * close record, or its EMT email has not gone.
 */
export const handler = middy(async (event: WatchdogEvent = {}) => {
  const now = new Date();
  const swept = await sweepOutbox(now);
  metrics.addMetric('EmailsRequeued', MetricUnit.Count, swept.requeued);
  metrics.addMetric('EmailsGivenUp', MetricUnit.Count, swept.gaveUp.length);
  if (event.sweep) {
    if (swept.gaveUp.length > 0) {
      throw new EmailsGivenUp(
        `${swept.gaveUp.length} email(s) failed every attempt (${swept.gaveUp.map((r) => r.kind).join(', ')}); an admin may Send again`,
      );
    }
    return { swept: swept.pending, requeued: swept.requeued };
  }
  const { quarter, close } = await closeRecordOf(event.quarter, now);
  metrics.addDimension('quarter', quarter);
  metrics.addMetric('QuarterNotClosed', MetricUnit.Count, close ? 0 : 1);
  if (!close) {
    logger.error('quarter not closed after its scheduled close', { quarter });
    throw new QuarterNotClosed(`${quarter} has no close after its scheduled close time`);
  }
  logger.info('quarter closed on time', { quarter, closedAt: close.closedAt, emailSentAt: close.emailSentAt });
  if ((close.emailSentRevision ?? 0) < close.revision) {
    throw new QuarterNotClosed(
      `${quarter} is closed but its EMT email has not been sent (queued again if it was due: ${swept.requeued} requeued)`,
    );
  }
  return { quarter, closed: true };
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
