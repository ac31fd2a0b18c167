// The one DynamoDB table, built from the same definition local mode and the tests use, and how functions get access.
import { tableDefinition } from '@casetasks/db';
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, type ITableV2, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledgeWildcardResource } from './nag.js';

const stringKey = (name: string) => ({ name, type: AttributeType.STRING });

export interface TasksTableProps {
  /** Fixed physical name: the stateless stack and the runbook address the table by it. */
  tableName: string;
  /**
   * The first `indexCount` indexes of the definition (default all): an upgrade adding several GSIs deploys
   * them one per table update, as DynamoDB requires (the `tableIndexes` setting, docs/operations.md).
   */
  indexCount?: number;
}

export class TasksTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: TasksTableProps) {
    super(scope, id);
    this.table = new TableV2(this, 'Table', {
      tableName: props.tableName,
      partitionKey: stringKey(tableDefinition.partitionKey),
      sortKey: stringKey(tableDefinition.sortKey),
      billing: Billing.onDemand(),
      timeToLiveAttribute: tableDefinition.ttlAttribute,
      dynamoStream: StreamViewType[tableDefinition.streamViewType],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      globalSecondaryIndexes: tableDefinition.indexes.slice(0, props.indexCount).map((index) => ({
        indexName: index.name,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
      })),
    });
  }

  /**
   * The table as seen from another stack: by name (so ARNs, and the cdk-nag findings on them, are
   * predictable) plus the stream ARN, which only the stateful stack knows.
   */
  static reference(scope: Construct, id: string, attrs: { tableName: string; tableStreamArn: string }): ITableV2 {
    return TableV2.fromTableAttributes(scope, id, { ...attrs, grantIndexPermissions: true });
  }
}

/** What the repository calls (GetItem, Query on named indexes, transactions); no Scan, no control plane. */
export const tableActions = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  readWrite: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
    'dynamodb:ConditionCheckItem',
  ],
} as const;

/** Table access for one function: reads only, or reads and writes (TransactWriteItems needs the item actions). */
export const grantTableAccess = (table: ITableV2, fn: IFunction, access: keyof typeof tableActions): void => {
  table.grant(fn, ...tableActions[access]);
  acknowledgeWildcardResource(
    fn.role ?? fn,
    `${table.tableArn}/index/*`,
    'Queries go to the named GSIs of the one table (docs/data-model.md); all sit under this table ARN.',
  );
};
