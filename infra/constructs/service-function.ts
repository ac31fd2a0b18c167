// One Lambda function of the service: Node.js 24 on arm64, bundled by local esbuild, Powertools environment.
import { join, resolve } from 'node:path';
import { Duration, RemovalPolicy, Stage, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type ICommandHooks, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export const repoRoot = join(import.meta.dirname, '..', '..');

/**
 * esbuild output options shared with the bench's baseline bundle (bench/bundle-init.ts), so the init-time
 * ratio compares like with like.
 */
export const bundleOutput = {
  minify: true,
  target: 'node24',
  mainFields: ['module', 'main'],
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
} as const;

/**
 * Where a synth leaves each function's source map and esbuild metafile, never in the deployed asset: for the
 * repository's own `cdk.out`, `<repo>/build/bundles/<construct path>/`; for any other output folder, a folder
 * named after it (`<outdir>.build/bundles/…`), so a synth into a shared parent such as /tmp never writes into
 * another synth's folder. In the zip they added 3-9 MB per function, and `--enable-source-maps` parsed the map
 * at every cold start (docs/PERFORMANCE.md section 11); here ops can still decode a minified stack trace
 * (docs/operations.md).
 */
export const bundleExtrasDir = (assemblyOutdir: string, constructPath: string): string => {
  const outdir = resolve(assemblyOutdir);
  const root = outdir === join(repoRoot, 'cdk.out') ? join(repoRoot, 'build') : `${outdir}.build`;
  return join(root, 'bundles', ...constructPath.split('/'));
};

/** The files esbuild writes beside index.mjs that must not ship. */
export const bundleExtras = ['index.mjs.map', 'index.meta.json'] as const;

/** Moves the source map and metafile out of the bundle folder before CDK hashes and stages it. */
const moveBundleExtras = (destination: string): ICommandHooks => ({
  beforeBundling: () => [],
  beforeInstall: () => [],
  afterBundling: (_inputDir, outputDir) => [
    `mkdir -p "${destination}"`,
    ...bundleExtras.map((file) => `mv -f "${join(outputDir, file)}" "${join(destination, file)}"`),
  ],
});

/**
 * date-holidays (~1.3 MB minified with moment-timezone and astronomia) is reached only through
 * `@casetasks/core/holidays` (issue 17), imported statically by the settings save and the calendar-refresh
 * job, the two functions that materialise holidays (`holidays: true`); org calendars and the deployment
 * calendar are built from materialised dates. Every other function keeps both modules external, so a
 * stray import of either fails the bundle-run tests at init instead of silently adding 1.3 MB.
 */
export const holidayModules = ['@casetasks/core/holidays', 'date-holidays'];

/** Lambda's limit on a function description. */
const MAX_DESCRIPTION = 256;

/** `{prefix}: a, b and N more`, as many parts as Lambda's 256 characters hold (else `{prefix}: N {noun}`). */
export const listDescription = (prefix: string, parts: readonly string[], noun: string): string => {
  for (let shown = parts.length; shown > 0; shown -= 1) {
    const rest = parts.length - shown;
    const text = `${prefix}: ${parts.slice(0, shown).join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`;
    if (text.length <= MAX_DESCRIPTION) return text;
  }
  return `${prefix}: ${parts.length} ${noun}`;
};

export interface ServiceFunctionProps {
  /** Entry file relative to the repository root, e.g. `functions/http/list-tasks.ts`. */
  entry: string;
  description: string;
  environment?: Record<string, string>;
  timeout?: Duration;
  memorySize?: number;
  logLevel?: string;
  /**
   * Whether the function materialises public holidays (the settings group and the calendar-refresh job),
   * and so bundles date-holidays. Default false: deadlines need only the stored dates.
   */
  holidays?: boolean;
}

export class ServiceFunction extends Construct {
  readonly fn: NodejsFunction;
  /** The function's own role: starts with its log group only; constructs add what the function needs. */
  readonly role: Role;
  /** Whether date-holidays is in the bundle (tests assert which functions carry it). */
  readonly bundlesHolidays: boolean;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    this.bundlesHolidays = props.holidays ?? false;
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
      // POWERTOOLS_SERVICE_NAME comes from the caller (`casetasks-<stage>`): no default a stage could silently share.
      environment: {
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        POWERTOOLS_METRICS_NAMESPACE: 'casetasks',
        ...props.environment,
      },
      bundling: {
        minify: bundleOutput.minify,
        sourceMap: true,
        target: bundleOutput.target,
        format: OutputFormat.ESM,
        forceDockerBundling: false,
        // Bundle the AWS SDK v3 too: pinned versions, no dependency on the runtime's copy.
        bundleAwsSDK: true,
        metafile: true,
        mainFields: [...bundleOutput.mainFields],
        commandHooks: moveBundleExtras(bundleExtrasDir(Stage.of(this)?.outdir ?? 'cdk.out', this.node.path)),
        ...(this.bundlesHolidays ? {} : { externalModules: holidayModules }),
        banner: bundleOutput.banner,
      },
    });
    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'Active tracing: xray:PutTraceSegments/PutTelemetryRecords support no resource-level permissions.',
      },
      {
        id: 'AwsSolutions-L1',
        reason:
          'Node.js 24, the active LTS (TOOLCHAIN.md); a newer runtime cdk-nag calls latest is an upgrade decision.',
      },
    );
  }
}
