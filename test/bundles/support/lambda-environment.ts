// The environment a deployed function sees: its template's variables plus what Lambda itself sets, and nothing else.
import { localClientConfig } from '../../../infra/local/dynamodb-local.js';
import { type DeployedFunction, LOCAL_REGION } from './cloud-assembly.js';

export interface LocalEndpoints {
  /** DynamoDB (Local, or a stub that fails): `AWS_ENDPOINT_URL_DYNAMODB`. */
  dynamodb: string;
  /** Every other AWS service: `AWS_ENDPOINT_URL`. */
  otherServices: string;
  /** Where X-Ray segments go (UDP `host:port`). */
  xrayDaemon: string;
}

/** A queue URL as the template resolves it (cloud-assembly.ts): SQS's own host, the account, the queue's name. */
const queueUrlPattern = /^https:\/\/sqs\.[a-z0-9-]+\.amazonaws\.com(\/\d{12}\/[\w-]+(?:\.fifo)?)$/;

/**
 * The SQS client sends each call to its QueueUrl's host, whatever AWS_ENDPOINT_URL says (useQueueUrlAsEndpoint):
 * a queue URL of the template points at the local endpoint instead, so no call can reach AWS.
 */
const localQueueUrls = (variables: Record<string, string>, endpoint: string): Record<string, string> =>
  Object.fromEntries(
    Object.entries(variables).map(([key, value]) => [key, value.replace(queueUrlPattern, `${endpoint}$1`)]),
  );

/**
 * The template's variables, then Lambda's own (runtime, memory, X-Ray, credentials) as the nodejs24.x
 * runtime sets them. The SDK reaches local endpoints through its standard endpoint variables
 * (`AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`), so the deployed code path runs unchanged: none of the
 * service's local-mode switches (DYNAMODB_ENDPOINT…) is set. Nothing is inherited from the test process.
 */
export const lambdaEnvironment = (fn: DeployedFunction, endpoints: LocalEndpoints): Record<string, string> => {
  if (!fn.assetDir) throw new Error(`${fn.name} has no code asset in cdk.out`);
  const [xrayHost = '127.0.0.1', xrayPort = '2000'] = endpoints.xrayDaemon.split(':');
  return {
    ...localQueueUrls(fn.environment, endpoints.otherServices),
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: '2026/01/01/[$LATEST]00000000000000000000000000000000',
    ...(fn.logFormat === 'JSON' ? { AWS_LAMBDA_LOG_FORMAT: 'JSON' } : {}),
    LAMBDA_TASK_ROOT: fn.assetDir,
    LAMBDA_RUNTIME_DIR: '/var/runtime',
    _HANDLER: fn.handler,
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    PATH: '/usr/local/bin:/usr/bin/:/bin',
    // The execution role's temporary credentials. DynamoDB Local keeps tables per access key, so the
    // key is the one the tests' own clients use (localClientConfig).
    AWS_ACCESS_KEY_ID: localClientConfig('').credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localClientConfig('').credentials.secretAccessKey,
    AWS_SESSION_TOKEN: 'bundle-tier',
    // Active tracing (Lambda's variables); segments go to a local UDP sink.
    AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
    AWS_XRAY_DAEMON_ADDRESS: `${xrayHost}:${xrayPort}`,
    _AWS_XRAY_DAEMON_ADDRESS: xrayHost,
    _AWS_XRAY_DAEMON_PORT: xrayPort,
    // Lambda has no shared config files; neither may a developer's ~/.aws reach the bundle.
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_ENDPOINT_URL: endpoints.otherServices,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
  };
};
