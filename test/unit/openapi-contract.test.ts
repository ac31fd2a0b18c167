// The published OpenAPI document as a client generator reads it: portable id patterns, the closed set of error codes,
// named operations.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { operationDocs } from '../../functions/http/operation-docs.js';
import { errorCodes } from '../../functions/middleware/http-error-body.js';
import { repoRoot } from '../../infra/constructs/service-function.js';

const document = JSON.parse(readFileSync(join(repoRoot, 'docs', 'openapi.json'), 'utf8')) as Record<string, unknown>;

/** Every `pattern` of the document, wherever it sits. */
const patterns = (node: unknown): string[] =>
  node && typeof node === 'object'
    ? Object.entries(node).flatMap(([key, value]) =>
        key === 'pattern' && typeof value === 'string' ? [value] : patterns(value),
      )
    : [];

const ajv = new Ajv2020({ strict: false });
const REAL_ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

describe('patterns of docs/openapi.json', () => {
  it.each(patterns(document))('%s is a JavaScript regex without flags', (pattern) => {
    expect(() => new RegExp(pattern, 'u')).not.toThrow();
    expect(pattern).not.toMatch(/\/[a-z]*$/);
  });

  it('task id patterns accept a real ULID (either case) and refuse a wrong one', () => {
    const idPatterns = [...new Set(patterns(document).filter((pattern) => pattern.includes('{26}')))];
    expect(idPatterns.length).toBeGreaterThan(0);
    for (const pattern of idPatterns) {
      const validate = ajv.compile({ type: 'string', pattern });
      expect([REAL_ID, REAL_ID.toLowerCase()].map((id) => validate(id))).toEqual([true, true]);
      expect(
        ['01ARZ3NDEKTSV4RRFFQ69G5FA', `${REAL_ID}X`, '01ARZ3NDEKTSV4RRFFQ69G5FAU'].map((id) => validate(id)),
      ).toEqual([false, false, false]);
    }
  });
});

/** Source files that can answer an HTTP error: the packages, the functions and local mode. */
const sources = (dir: string): string[] =>
  readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.includes('node_modules'))
    .map((file) => join(dir, file));

/** `code` literals that are no answer of the portal API, with why. */
const notErrorCodes = new Set([
  'custom', // zod's issue code in refinements
  'invalid_event', // local mode's POST /local/events and the event handlers' DLQ reason, not the portal API
]);

describe('Error.code', () => {
  it('lists every code the sources answer, and only those', () => {
    const files = ['packages', 'functions', 'infra'].flatMap(sources);
    const found = new Set(
      files.flatMap((file) =>
        [...readFileSync(join(repoRoot, file), 'utf8').matchAll(/\bcode(?:\s*=\s*|:\s*|\s*\?\?\s*)'([a-z_]+)'/g)].map(
          ([, code]) => code ?? '',
        ),
      ),
    );
    const answered = [...found].filter((code) => !notErrorCodes.has(code)).sort();
    expect(answered).toEqual([...errorCodes].sort());
    const schemas = (document.components as { schemas: Record<string, { properties: Record<string, unknown> }> })
      .schemas;
    expect(schemas.Error?.properties.error).toMatchObject({ properties: { code: { enum: [...errorCodes] } } });
  });
});

describe('operations', () => {
  const operations = Object.values(document.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
    (methods) => Object.values(methods),
  );

  it('each has a named, unique operationId, a tag and a description', () => {
    const ids = operations.map((operation) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations.every((operation) => Array.isArray(operation.tags) && operation.description)).toBe(true);
    expect(operations).toHaveLength(Object.keys(operationDocs).length);
  });
});
