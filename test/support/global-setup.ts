// Starts DynamoDB Local once for the integration run and always stops it (also on failure or Ctrl-C).
import { type DynamoDbLocal, startDynamoDbLocal } from '@casetasks/local/dynamodb-local';
import type { TestProject } from 'vitest/node';

let local: DynamoDbLocal | undefined;

export async function setup(project: TestProject): Promise<void> {
  // Lambda runs Node 22; the SDK's notice about dropping Node 20 is not a test result.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
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
