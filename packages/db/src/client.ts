// The document client: created once per process (module scope in Lambda), shared by every repository call.
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface Db {
  client: DynamoDBDocumentClient;
  tableName: string;
}

export const createDb = (tableName: string, config: DynamoDBClientConfig = {}): Db => ({
  client: DynamoDBDocumentClient.from(new DynamoDBClient(config), {
    marshallOptions: { removeUndefinedValues: true },
  }),
  tableName,
});
