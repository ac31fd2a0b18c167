// `npm run client-types`: regenerates test/contract/portal-api.d.ts from docs/openapi.json (after `npm run openapi`).
import { writeFileSync } from 'node:fs';
import { clientTypesPath, generateClientTypes } from './client-types.js';

writeFileSync(clientTypesPath, await generateClientTypes());
console.log(`wrote ${clientTypesPath}`);
