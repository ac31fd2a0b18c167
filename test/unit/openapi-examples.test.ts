// Every operation of docs/openapi.json carries a success example, and a request example where it takes a body;
// each example is valid against the very schema it illustrates (JSON Schema 2020-12, formats checked).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/constructs/service-function.js';

interface MediaType {
  schema: Record<string, unknown>;
  example?: unknown;
}
interface Operation {
  operationId: string;
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, unknown>;
}

const document = JSON.parse(readFileSync(join(repoRoot, 'docs', 'openapi.json'), 'utf8')) as Document;
const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
/** The media type's schema with the document's components beside it, so `#/components/...` refs resolve. */
const validator = (media: MediaType) => ajv.compile({ ...media.schema, components: document.components });

const successContent = (operation: Operation) =>
  Object.entries(operation.responses).find(([status]) => status.startsWith('2'))?.[1].content;
/** The JSON success body, or the CSV of a CSV-only route (GET /tasks/export). */
const successOf = (operation: Operation) => {
  const content = successContent(operation);
  return content?.['application/json'] ?? content?.['text/csv'];
};

describe('examples of docs/openapi.json', () => {
  it.each(operations.map((operation) => [operation.operationId, operation] as const))(
    '%s has valid request and success examples',
    (_, operation) => {
      const media = [successOf(operation), operation.requestBody?.content['application/json']];
      for (const entry of media.filter((item): item is MediaType => item !== undefined)) {
        expect(entry.example).toBeDefined();
        const validate = validator(entry);
        expect(validate(entry.example), JSON.stringify(validate.errors)).toBe(true);
      }
      expect(successOf(operation)?.example).toBeDefined();
    },
  );

  it('a wrong example would fail: the check is not vacuous', () => {
    const task = successOf(operations.find((operation) => operation.operationId === 'getTask') as Operation);
    expect(validator(task as MediaType)({ ...(task?.example as object), status: 'archived' })).toBe(false);
  });
});
