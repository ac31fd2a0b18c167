// Imported first by the bench: Powertools reads these when its modules load, and benchmarks measure the service, not log output.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
process.env.POWERTOOLS_DEV ??= 'true';
// The SDK's notices about Node versions are not benchmark results.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// The bench runs the service in-process like local mode and the tests: settings it does not set take the local
// defaults (runtime/config.ts). The bundles bench/bundle-init.ts loads get only their Lambda environment.
process.env.CASETASKS_LOCAL ??= '1';
