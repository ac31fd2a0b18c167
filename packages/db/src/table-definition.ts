// The ONE table definition. The CDK stack and local/test set-up both build the table from this.
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export interface IndexDefinition {
  /** Physical index name: the access pattern it serves (docs/data-model.md). */
  name: string;
  partitionKey: string;
  sortKey: string;
  /** Why the index exists, for docs and reviewers. */
  serves: string;
}

export const tableKeys = { partitionKey: 'pk', sortKey: 'sk' } as const;
export const ttlAttribute = 'expiresAt';

/**
 * Issue 20's four open-task indexes share openByDeadline's partition attribute (`g1pk`, the same value:
 * `{party}#{org}#open`): no task stores that string five times, and an item is in such an index exactly
 * while it has the index's sort key attribute.
 *
 * Every GSI is sparse: an item carries an index's key attributes only while it belongs in it
 * (e.g. open tasks leave the open-* indexes on completion). Keys are built in the entity modules only.
 */
export const indexes = {
  openByDeadline: {
    name: 'openByDeadline',
    partitionKey: 'g1pk',
    sortKey: 'g1sk',
    serves: 'open tasks of a (party, org) by deadline',
  },
  openByTab: {
    name: 'openByTab',
    partitionKey: 'g2pk',
    sortKey: 'g2sk',
    serves: 'open tasks of a (party, org, portal tab) by deadline',
  },
  openByAssignee: {
    name: 'openByAssignee',
    partitionKey: 'g3pk',
    sortKey: 'g3sk',
    serves: 'open tasks of a (party, org, assignee or unassigned) by deadline',
  },
  completedByOrg: {
    name: 'completedByOrg',
    partitionKey: 'g4pk',
    sortKey: 'g4sk',
    serves: 'completed tasks of a (party, org) by completedAt',
  },
  byCase: {
    name: 'byCase',
    partitionKey: 'g5pk',
    sortKey: 'g5sk',
    serves: 'tasks of a case by status, party, org and deadline',
  },
  dueForReminder: {
    name: 'dueForReminder',
    partitionKey: 'g6pk',
    sortKey: 'g6sk',
    serves: 'open tasks across all orgs by their next reminder time (sharded)',
  },
  openChatByDeadline: {
    name: 'openChatByDeadline',
    partitionKey: 'g7pk',
    sortKey: 'g7sk',
    serves: 'open new_message tasks per party across orgs by deadline (sharded)',
  },
  slaByOrg: {
    name: 'slaByOrg',
    partitionKey: 'g8pk',
    sortKey: 'g8sk',
    serves: 'partner tasks that count for SLA by org and originalDeadline',
  },
  surveyDue: {
    name: 'surveyDue',
    partitionKey: 'g9pk',
    sortKey: 'g9sk',
    serves: 'active cases by next monthly survey time (sharded)',
  },
  activeCasesByPartner: {
    name: 'activeCasesByPartner',
    partitionKey: 'g10pk',
    sortKey: 'g10sk',
    serves: "a partner org's active cases (case-update SLA dashboard)",
  },
  openEscalated: {
    name: 'openEscalated',
    partitionKey: 'g11pk',
    sortKey: 'g11sk',
    serves:
      'open escalated tasks across all orgs by escalation time (sharded): the digest lines of owners and managers',
  },
  openByCreated: {
    name: 'openByCreated',
    partitionKey: 'g1pk',
    sortKey: 'g12sk',
    serves: 'open tasks of a (party, org) by creation time (`sort=-created`)',
  },
  openByAmount: {
    name: 'openByAmount',
    partitionKey: 'g1pk',
    sortKey: 'g13sk',
    serves: "open tasks of a (party, org) by their case's outstanding amount (`sort=-amount`)",
  },
  openByReference: {
    name: 'openByReference',
    partitionKey: 'g1pk',
    sortKey: 'g14sk',
    serves: "open tasks of a (party, org) by their case's reference search key (`q=`)",
  },
  openByDebtor: {
    name: 'openByDebtor',
    partitionKey: 'g1pk',
    sortKey: 'g15sk',
    serves: "open tasks of a (party, org) by their case's debtor-name search key (`q=`)",
  },
} as const satisfies Record<string, IndexDefinition>;

export type IndexName = keyof typeof indexes;

export const tableDefinition = {
  ...tableKeys,
  ttlAttribute,
  billingMode: 'PAY_PER_REQUEST',
  /** NEW_IMAGE feeds the outbox relay (Task Created / Task Completed to EventBridge). */
  streamViewType: 'NEW_IMAGE',
  indexes: Object.values(indexes) as IndexDefinition[],
} as const;

/** CreateTable input for DynamoDB Local and tests: the same keys and indexes as the stack. */
export const createTableInput = (tableName: string): CreateTableCommandInput => {
  const attributes = new Set<string>([tableKeys.partitionKey, tableKeys.sortKey]);
  for (const index of tableDefinition.indexes) {
    attributes.add(index.partitionKey);
    attributes.add(index.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [
      { AttributeName: tableKeys.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableKeys.sortKey, KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    GlobalSecondaryIndexes: tableDefinition.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType },
  };
};
