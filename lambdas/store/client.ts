import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Unavailable } from '../domain/errors';
import { logger } from '../observability/logger';
import { isRetryableAwsError } from './retryable';

let documentClient: DynamoDBDocumentClient | undefined;

/** One document client per process; the endpoint comes from the SDK's own env (AWS_ENDPOINT_URL_DYNAMODB locally). */
export function db(): DynamoDBDocumentClient {
  if (documentClient) return documentClient;
  documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    // convertClassInstanceToMap: the marshaller tells a map by `value.constructor.name`, so
    // a record with a key named `constructor` (a plan, a directorate) was refused with a
    // 500; as a map it is stored like any other. docs/deploy.md "Security baseline".
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
  });
  // Outermost (initialize), so it sees the error left after the SDK's own retries: a
  // throttled or unavailable DynamoDB becomes the domain's Unavailable, which the HTTP
  // layer answers as 503 with Retry-After without knowing AWS's error names.
  documentClient.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (!isRetryableAwsError(error)) throw error;
        logger.warn('dependency throttled or unavailable', { error: (error as Error).name });
        throw new Unavailable('The service is busy; nothing was changed. Retry shortly.', 1, { cause: error });
      }
    },
    { step: 'initialize', priority: 'high', name: 'retryableToUnavailable' },
  );
  return documentClient;
}

export { tableName } from '../config/environment';
