// A fresh table per test file, created from the shared definition, on the run's DynamoDB Local.
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDb, createTableInput, type Db } from '@casetasks/db';
import { ulid } from 'ulid';
import { localClientConfig } from '../../infra/local/dynamodb-local.js';

export interface TestTable {
  db: Db;
  tableName: string;
  endpoint: string;
  drop(): Promise<void>;
}

export const endpoint = (): string => {
  const value = process.env.DYNAMODB_ENDPOINT;
  if (!value) throw new Error('DYNAMODB_ENDPOINT is not set: run through the integration project');
  return value;
};

export const createTestTable = async (prefix = 'test'): Promise<TestTable> => {
  const url = endpoint();
  const tableName = `${prefix}-${ulid().toLowerCase()}`;
  const admin = new DynamoDBClient(localClientConfig(url));
  await admin.send(new CreateTableCommand(createTableInput(tableName)));
  const db = createDb(tableName, localClientConfig(url));
  return {
    db,
    tableName,
    endpoint: url,
    drop: async () => {
      await admin.send(new DeleteTableCommand({ TableName: tableName }));
      admin.destroy();
      db.client.destroy();
    },
  };
};
