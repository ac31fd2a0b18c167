// Run as a fresh Node process per sample: times `await import(bundle)` (a cold start's module load) and prints it.
// Plain JavaScript so that nothing but Node itself runs before the import.
import { pathToFileURL } from 'node:url';

const started = performance.now();
await import(pathToFileURL(process.argv[2] ?? '').href);
process.stdout.write(`${JSON.stringify({ importMs: performance.now() - started })}\n`);
process.exit(0);
