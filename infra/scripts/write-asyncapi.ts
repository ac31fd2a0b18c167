// `npm run asyncapi`: writes the event contract (AsyncAPI 3.0) to docs/asyncapi.json, the file GET /asyncapi.json serves locally.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiDocument } from '@casetasks/events';
import { repoRoot } from '../constructs/service-function.js';

const publishedDocumentPath = join(repoRoot, 'docs', 'asyncapi.json');

const document = asyncApiDocument();
writeFileSync(publishedDocumentPath, `${JSON.stringify(document, null, 2)}\n`);
console.log(`wrote ${publishedDocumentPath}: ${Object.keys(document.components.messages).length} messages`);
