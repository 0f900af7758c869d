import { Metrics } from '@aws-lambda-powertools/metrics';

/** CloudWatch metrics (EMF) for the scheduled jobs; the alarms in lib/ read some of them. */
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Ragtime',
  serviceName: 'ragtime',
});
