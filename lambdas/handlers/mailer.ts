import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent, SNSEvent } from 'aws-lambda';
import { logger } from '../observability/logger';
import { metrics } from '../observability/metrics';
import {
  type Delivery,
  deliver,
  deliverClose,
  type OutboxRef,
  recordSendEvent,
  type SesSendEvent,
} from '../services/mailer';

// The one function that sends email (docs/architecture.md "The outbox"). Two sources:
// the table's stream, filtered to outbox records that became `queued` (a close's or
// reissue's, a reminder, a return, or the sweep queueing one again) and to a close's
// commit carrying its email's seed (made the revision's record here), and SES's Send
// events through SNS, which record what SES accepted. Locally lambdas/local/outbox.ts
// emulates both.

export type MailerEvent = DynamoDBStreamEvent | SNSEvent | OutboxRef;

/** What a stream record names: an outbox record, or a close's seed (its commit, whose email has no record yet). */
function refOf(record: DynamoDBRecord): OutboxRef | { quarter: string; seq: number } | null {
  const image = record.dynamodb?.NewImage;
  const quarter = image?.quarter?.S;
  const seed = Number(image?.outboxSeq?.N);
  if (quarter && image?.outboxSeq && Number.isInteger(seed)) return { quarter, seq: seed };
  const pk = image?.pk?.S;
  const sk = image?.sk?.S;
  const seq = Number(image?.mailSeq?.N);
  return pk && sk && Number.isInteger(seq) ? { pk, sk, seq } : null;
}

const count = (outcomes: Delivery[], outcome: Delivery) => outcomes.filter((o) => o === outcome).length;

export const handler = middy(async (event: MailerEvent): Promise<DynamoDBBatchResponse | { delivery: Delivery }> => {
  if ('pk' in event) return { delivery: await deliver(event) };
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  const outcomes: Delivery[] = [];
  for (const record of event.Records) {
    if ('Sns' in record) {
      await recordSendEvent(JSON.parse(record.Sns.Message) as SesSendEvent);
      continue;
    }
    const ref = refOf(record);
    if (!ref) continue;
    // One record at a time, in stream order: the batch is a handful of emails.
    const outcome = 'quarter' in ref ? await deliverClose(ref.quarter, ref.seq) : await deliver(ref);
    outcomes.push(outcome);
    // Given up: failed here too, so the stream's retries end in the dead-letter queue (alarmed).
    if (outcome === 'gave-up') batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
  }
  if (outcomes.length > 0) {
    metrics.addMetric('EmailsSent', MetricUnit.Count, count(outcomes, 'sent'));
    metrics.addMetric('EmailsFailed', MetricUnit.Count, count(outcomes, 'failed') + count(outcomes, 'gave-up'));
    logger.info('mailer batch done', { records: outcomes.length, sent: count(outcomes, 'sent') });
  }
  return { batchItemFailures };
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
