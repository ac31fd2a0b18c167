// The portal client's types, generated from docs/openapi.json exactly as a portal team would (openapi-typescript).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { repoRoot } from '../../infra/constructs/service-function.js';

export const clientTypesPath = join(repoRoot, 'test', 'contract', 'portal-api.d.ts');

// Our own banner instead of the CLI's: the formatter must leave generator output alone, or the freshness test could
// never compare byte for byte.
const banner = `// The portal API's types, generated from docs/openapi.json by \`npm run client-types\` (openapi-typescript): do not edit.
// biome-ignore-all format: generator output, compared byte for byte by test/unit/client-types.test.ts

`;

/** What `npm run client-types` writes; the document is read from disk so the types follow the published file. */
export const generateClientTypes = async (): Promise<string> => {
  const document = JSON.parse(readFileSync(join(repoRoot, 'docs', 'openapi.json'), 'utf8')) as OpenAPI3;
  return `${banner}${astToString(await openapiTS(document, { silent: true }))}`;
};
