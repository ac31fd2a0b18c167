// The published contract: docs/openapi.json (what GET /openapi.json serves) is exactly what the routes' schemas generate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { servedDocument } from '../../functions/http/openapi-document.js';
import { repoRoot } from '../../infra/constructs/service-function.js';

describe('docs/openapi.json', () => {
  it('equals the document the route schemas generate (run `npm run openapi` after changing a route)', () => {
    const published = JSON.parse(readFileSync(join(repoRoot, 'docs', 'openapi.json'), 'utf8')) as unknown;
    expect(published).toEqual(JSON.parse(JSON.stringify(servedDocument())));
  });
});
