// Local mode on a persisted table made before a release added indexes: ensureTable adds the missing ones.
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTableInput, tableDefinition } from '@casetasks/db';
import { ulid } from 'ulid';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureTable, localClientConfig } from '../../infra/local/dynamodb-local.js';
import { endpoint } from '../support/table.js';

const client = new DynamoDBClient(localClientConfig(endpoint()));
const tableName = `upgrade-${ulid().toLowerCase()}`;
const indexNames = async () =>
  ((await client.send(new DescribeTableCommand({ TableName: tableName }))).Table?.GlobalSecondaryIndexes ?? [])
    .map((index) => index.IndexName)
    .sort();

afterAll(async () => {
  await client.send(new DeleteTableCommand({ TableName: tableName }));
  client.destroy();
});

describe('ensureTable on a persisted table', () => {
  it('adds the indexes the definition gained since the table was made, and is a no-op the second time', async () => {
    // Prepare: the table as issue 19 left it (the first 11 indexes).
    const full = createTableInput(tableName);
    const old = (full.GlobalSecondaryIndexes ?? []).slice(0, 11);
    const oldKeys = new Set(['pk', 'sk', ...old.flatMap((index) => index.KeySchema?.map((key) => key.AttributeName))]);
    await client.send(
      new CreateTableCommand({
        ...full,
        GlobalSecondaryIndexes: old,
        AttributeDefinitions: full.AttributeDefinitions?.filter((attribute) => oldKeys.has(attribute.AttributeName)),
      }),
    );
    expect(await indexNames()).toHaveLength(11);

    // Act
    await ensureTable(endpoint(), tableName);
    await ensureTable(endpoint(), tableName);

    // Assess: all there, and built (local mode queries them right after start)
    expect(await indexNames()).toEqual(tableDefinition.indexes.map((index) => index.name).sort());
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexStatus)).toEqual(
      tableDefinition.indexes.map(() => 'ACTIVE'),
    );
  });
});
