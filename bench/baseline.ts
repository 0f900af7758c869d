// The load-time baseline: a bundle that only creates the DynamoDB document client,
// bundled exactly like the handlers. Never tuned.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
