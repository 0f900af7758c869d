// The one DynamoDB table (README.md#storage). Its key schema must match lambdas/store/table.ts
// (which creates the same table locally) and lambdas/store/keys.ts.
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { gsi1 } from '../lambdas/store/keys';

export interface RagtimeDataProps {
  /**
   * Use this existing table (e.g. one restored from point-in-time recovery) instead of
   * the stack's own. The stack's own table is retained, not deleted, when this is set.
   */
  existingTableName?: string;
  /** That table's stream (NEW_IMAGE or NEW_AND_OLD_IMAGES), which the mailer reads; required with it. */
  existingTableStreamArn?: string;
}

export class RagtimeData extends Construct {
  readonly table: dynamodb.ITable;
  /** The index name the handlers query (gsi1). */
  static readonly indexName = gsi1;

  constructor(scope: Construct, id: string, props: RagtimeDataProps = {}) {
    super(scope, id);
    if (props.existingTableName) {
      this.table = dynamodb.Table.fromTableAttributes(this, 'Table', {
        tableName: props.existingTableName,
        globalIndexes: [gsi1],
        ...(props.existingTableStreamArn && { tableStreamArn: props.existingTableStreamArn }),
      });
      return;
    }
    const table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      // The outbox's trigger: the mailer reads the queued records from the stream (docs/architecture.md).
      stream: dynamodb.StreamViewType.NEW_IMAGE,
    });
    table.addGlobalSecondaryIndex({
      indexName: gsi1,
      partitionKey: { name: 'gsi1pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });
    this.table = table;
  }
}
