// The table resource matches the shared definition: keys, every GSI, TTL, stream, PITR, deletion protection, RETAIN.
import { tableDefinition } from '@casetasks/db';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../testing/test-app.js';
import { tableActions } from './tasks-table.js';

describe('TasksTable', () => {
  // Prepare
  const { data, service } = buildTestApp();

  it('exists exactly once, in the stateful stack only', () => {
    // Assess
    data.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    service.resourceCountIs('AWS::DynamoDB::GlobalTable', 0);
    service.resourceCountIs('AWS::DynamoDB::Table', 0);
  });

  it('is on-demand with PITR, deletion protection, TTL and a NEW_IMAGE stream, and is retained', () => {
    data.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        TableName: 'casetasks-synth-check',
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
        ],
        TimeToLiveSpecification: { AttributeName: tableDefinition.ttlAttribute, Enabled: true },
        StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });

  it.each(tableDefinition.indexes)('has the $name index with its key attributes, projecting everything', (index) => {
    data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      GlobalSecondaryIndexes: Match.arrayWith([
        {
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ]),
    });
  });

  it('has no index that the shared definition does not declare', () => {
    const [table] = Object.values(data.findResources('AWS::DynamoDB::GlobalTable'));
    const indexes = (table?.Properties.GlobalSecondaryIndexes ?? []) as { IndexName: string }[];
    const names = indexes.map((gsi) => gsi.IndexName);
    expect(names.sort()).toEqual(tableDefinition.indexes.map((index) => index.name).sort());
    expect(names).toHaveLength(15);
  });

  it('creates only the first `tableIndexes` indexes, in declaration order: one new GSI per upgrade deploy', {
    timeout: 60_000,
  }, () => {
    // Act
    const { data: upgrading } = buildTestApp({ tableIndexes: '12' });
    // Assess
    const [table] = Object.values(upgrading.findResources('AWS::DynamoDB::GlobalTable'));
    const names = ((table?.Properties.GlobalSecondaryIndexes ?? []) as { IndexName: string }[]).map(
      (gsi) => gsi.IndexName,
    );
    expect(names).toEqual(tableDefinition.indexes.slice(0, 12).map((index) => index.name));
    expect(names.at(-1)).toBe('openByCreated');
  });

  it('fails the synth on a tableIndexes below the deployed 11 or above the definition, naming the setting', () => {
    expect(() => buildTestApp({ tableIndexes: '10' })).toThrow(/tableIndexes: must be at least 11/);
    expect(() => buildTestApp({ tableIndexes: '16' })).toThrow(/tableIndexes: must be at most 15/);
  });

  it('grants functions no Scan: the one Scan (npm run backfill:task-keys) runs with an operator’s credentials', () => {
    expect([...tableActions.read, ...tableActions.readWrite]).not.toContain('dynamodb:Scan');
  });
});
