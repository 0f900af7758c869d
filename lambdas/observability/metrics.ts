import { Metrics } from '@aws-lambda-powertools/metrics';
import { environment } from '../config/environment';

/** CloudWatch metrics (EMF) for the scheduled jobs; the alarms in lib/ read some of them. */
export const metrics = new Metrics({
  namespace: environment().metricsNamespace,
  serviceName: 'ragtime',
});
