// Every integration test file gets its own DynamoDB Local and points the SDK at it; nothing can reach AWS.
// One instance per file, not per run: DynamoDB Local answers from one SQLite thread that slows down as
// a run's tables and items pile up (a late file ran 7x slower than alone), so every file now runs at
// the speed it has alone, and two files run side by side on two instances.

import { afterAll } from 'vitest';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local.js';

// The SDK's notices about Node versions are not test results.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const local = await startDynamoDbLocal();
process.env.DYNAMODB_ENDPOINT = local.endpoint;
process.env.AWS_REGION = 'eu-west-1';
process.env.AWS_ACCESS_KEY_ID = 'local';
process.env.AWS_SECRET_ACCESS_KEY = 'local';

// Registered before the file's own hooks, so it runs after them (hooks run as a stack): servers stop first.
afterAll(() => local.stop());
