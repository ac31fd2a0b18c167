// Local-mode defaults that must be set before the handlers' modules load (Powertools reads them at import).
// No CloudWatch locally: EMF metric lines would only be noise on the console.
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
// The server prints one access line per request; handler logs show warnings and errors only.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
