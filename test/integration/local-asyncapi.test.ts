// Local mode serves the event contract next to /openapi.json: GET /asyncapi.json answers docs/asyncapi.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/constructs/service-function.js';
import { type ApiHarness, json, startApi } from './api-client.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('local-asyncapi');
});
afterAll(async () => {
  await api.stop();
});

describe('GET /asyncapi.json in local mode', () => {
  it('answers the committed AsyncAPI document, without a token', async () => {
    // Act
    const response = await api.call('GET', '/asyncapi.json');
    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const committed = JSON.parse(readFileSync(join(repoRoot, 'docs', 'asyncapi.json'), 'utf8')) as unknown;
    expect(json(response)).toEqual(committed);
  });

  it('is served for GET only, like the other documents', async () => {
    const response = await api.call('POST', '/asyncapi.json');
    expect(response.status).not.toBe(200);
  });
});
