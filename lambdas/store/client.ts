import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let documentClient: DynamoDBDocumentClient | undefined;

/** One document client per process; the endpoint comes from the SDK's own env (AWS_ENDPOINT_URL_DYNAMODB locally). */
export function db(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    // convertClassInstanceToMap: the marshaller tells a map by `value.constructor.name`, so
    // a record with a key named `constructor` (a plan, a directorate) was refused with a
    // 500; as a map it is stored like any other. docs/deploy.md "Security baseline".
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
  });
  return documentClient;
}

export { tableName } from '../config/environment';
