// `npm run openapi`: writes the portal API's OpenAPI document to docs/openapi.json, the file GET /openapi.json serves.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { servedDocument } from '../../functions/http/openapi-document.js';
import { repoRoot } from '../constructs/service-function.js';

const publishedDocumentPath = join(repoRoot, 'docs', 'openapi.json');

const document = servedDocument();
writeFileSync(publishedDocumentPath, `${JSON.stringify(document, null, 2)}\n`);
console.log(`wrote ${publishedDocumentPath}: ${Object.keys(document.paths ?? {}).length} paths`);
