// The committed client types are what openapi-typescript generates from the committed docs/openapi.json today.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientTypesPath, generateClientTypes } from '../contract/client-types.js';

describe('test/contract/portal-api.d.ts', () => {
  it('equals the types generated from docs/openapi.json', async () => {
    const committed = readFileSync(clientTypesPath, 'utf8');
    expect(committed, 'stale client types: run `npm run client-types`').toBe(await generateClientTypes());
  });
});
