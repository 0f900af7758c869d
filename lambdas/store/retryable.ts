/** AWS errors the SDK already retried with backoff: the dependency is busy, nothing was written, a later retry may succeed. */
const retryableAwsErrors = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'LimitExceededException',
]);

export const isRetryableAwsError = (error: unknown) => error instanceof Error && retryableAwsErrors.has(error.name);
