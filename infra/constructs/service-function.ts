// One Lambda function of the service: Node.js 22 on arm64, bundled by local esbuild, Powertools environment.
import { join } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export const repoRoot = join(import.meta.dirname, '..', '..');

/**
 * date-holidays (~1.1 MB minified with moment-timezone) is only imported when a calendar has a country
 * (core's loadCalendar). esbuild inlines even a dynamic import into the one output file. Any org may
 * set a country (issue 11), so every function that builds org calendars carries it; the others leave
 * it out unless the deployment calendar itself has a country (`calendarCountry`).
 */
const holidayModules = ['date-holidays'];

export interface ServiceFunctionProps {
  /** Entry file relative to the repository root, e.g. `functions/http/list-tasks.ts`. */
  entry: string;
  description: string;
  environment?: Record<string, string>;
  timeout?: Duration;
  memorySize?: number;
  logLevel?: string;
  /**
   * Whether the function builds org working calendars (deadlines, reminder plans, digests, settings
   * checks), and so needs date-holidays bundled. Default true: a new function that plans deadlines
   * must work; functions that never do opt out to stay smaller.
   */
  orgCalendars?: boolean;
}

export class ServiceFunction extends Construct {
  readonly fn: NodejsFunction;
  /** The function's own role: starts with its log group only; constructs add what the function needs. */
  readonly role: Role;
  /** Whether date-holidays is in the bundle (tests assert which functions carry it). */
  readonly bundlesHolidays: boolean;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    this.bundlesHolidays = (props.orgCalendars ?? true) || Boolean(props.environment?.CALENDAR_COUNTRY);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // No AWSLambdaBasicExecutionRole: its logs statement covers every log group of the account.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: props.description,
    });
    logGroup.grantWrite(this.role);
    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(repoRoot, props.entry),
      handler: 'handler',
      description: props.description,
      role: this.role,
      logGroup,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      environment: {
        POWERTOOLS_SERVICE_NAME: 'casetasks',
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        POWERTOOLS_METRICS_NAMESPACE: 'casetasks',
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        minify: true,
        sourceMap: true,
        target: 'node24',
        format: OutputFormat.ESM,
        forceDockerBundling: false,
        // Bundle the AWS SDK v3 too: pinned versions, no dependency on the runtime's copy.
        bundleAwsSDK: true,
        metafile: true,
        mainFields: ['module', 'main'],
        ...(this.bundlesHolidays ? {} : { externalModules: holidayModules }),
        banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
      },
    });
    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'Active tracing: xray:PutTraceSegments/PutTelemetryRecords support no resource-level permissions.',
      },
      {
        id: 'AwsSolutions-L1',
        reason: 'The service targets Node.js 22 on purpose (SPEC §1, TOOLCHAIN.md); runtime upgrades are a decision.',
      },
    );
  }
}
