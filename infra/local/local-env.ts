// Local-mode defaults that must be set before the handlers' modules load (Powertools reads them at import).
// No CloudWatch locally: EMF metric lines would only be noise on the console.
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
// The server prints one access line per request; handler logs show warnings and errors only.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
// Lambda runs Node 22; the SDK's notice that it will soon require Node 22 says nothing about local runs.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
