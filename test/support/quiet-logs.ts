// Tests assert on behaviour, not log lines: keep Powertools quiet unless a run asks for logs.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
process.env.POWERTOOLS_DEV ??= 'true';
// The SDK's notices about Node versions are not test results.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// Tests run like local mode: settings a test does not set fall back to local defaults (runtime/config.ts).
// A child process that stands for a deployed function must be started without it.
process.env.CASETASKS_LOCAL = '1';
