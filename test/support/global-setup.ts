// Starts DynamoDB Local once for the integration run and always stops it (also on failure or Ctrl-C).
import { type DynamoDbLocal, startDynamoDbLocal } from '@casetasks/local/dynamodb-local';
import type { TestProject } from 'vitest/node';

let local: DynamoDbLocal | undefined;

export async function setup(project: TestProject): Promise<void> {
  local = await startDynamoDbLocal();
  project.provide('dynamoEndpoint', local.endpoint);
}

export async function teardown(): Promise<void> {
  await local?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
