// The published event contract: docs/asyncapi.json is what the event schemas generate, valid AsyncAPI, complete, and true to real events.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from '@asyncapi/parser';
import {
  asyncApiDocument,
  messageName,
  OUTGOING_EVENT_SOURCE,
  outgoingDetailTypes,
  PLATFORM_BUS_CHANNEL,
  PLATFORM_EVENT_SOURCE,
  platformDetailTypes,
  publishedDetail,
  SERVICE_BUS_CHANNEL,
  taskCreated,
} from '@casetasks/events';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/constructs/service-function.js';
import { sampleTask } from '../support/sample-task.js';

interface Message {
  name: string;
  payload: Record<string, unknown>;
}
interface Document {
  channels: Record<string, { messages: Record<string, { $ref: string }> }>;
  operations: Record<string, { action: string; channel: { $ref: string }; messages: { $ref: string }[] }>;
  components: { messages: Record<string, Message> };
}

const published = JSON.parse(readFileSync(join(repoRoot, 'docs', 'asyncapi.json'), 'utf8')) as Document;

const ajv = new Ajv({ allErrors: true });
addFormats.default(ajv);
/** Validates an event against the payload schema of its detail-type's message in the committed document. */
const validates = (detailType: string, event: unknown) => {
  const message = published.components.messages[messageName(detailType)];
  if (!message) throw new Error(`no message for ${detailType}`);
  const validate = ajv.compile(message.payload);
  return { valid: validate(event), errors: validate.errors };
};

describe('docs/asyncapi.json', () => {
  it('equals the document the event schemas generate (run `npm run asyncapi` after changing an event)', () => {
    expect(published).toEqual(JSON.parse(JSON.stringify(asyncApiDocument())));
  });

  it('is valid AsyncAPI: the parser reports no error and no warning', async () => {
    // Act
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(published));
    // Assess: severity 0 is an error, 1 a warning (2, information, is the "3.1.0 exists" hint)
    expect(diagnostics.filter((diagnostic) => diagnostic.severity <= 1).map((d) => d.message)).toEqual([]);
    expect(document?.allMessages().length).toBe(platformDetailTypes.length + outgoingDetailTypes.length);
  });

  it('has one message per incoming detail-type, received on the platform bus', () => {
    const operation = Object.values(published.operations).find((op) => op.action === 'receive');
    expect(operation?.channel.$ref).toBe(`#/channels/${PLATFORM_BUS_CHANNEL}`);
    const names = platformDetailTypes.map(messageName);
    expect(Object.keys(published.channels[PLATFORM_BUS_CHANNEL]?.messages ?? {})).toEqual(names);
    expect(operation?.messages.map((ref) => ref.$ref.split('/').at(-1))).toEqual(names);
    expect(names.map((name) => published.components.messages[name]?.name)).toEqual(platformDetailTypes);
  });

  it('has one message per outgoing detail-type, sent on the casetasks bus', () => {
    const operation = Object.values(published.operations).find((op) => op.action === 'send');
    expect(operation?.channel.$ref).toBe(`#/channels/${SERVICE_BUS_CHANNEL}`);
    const names = outgoingDetailTypes.map(messageName);
    expect(Object.keys(published.channels[SERVICE_BUS_CHANNEL]?.messages ?? {})).toEqual(names);
    expect(operation?.messages.map((ref) => ref.$ref.split('/').at(-1))).toEqual(names);
    expect(names.map((name) => published.components.messages[name]?.name)).toEqual(outgoingDetailTypes);
  });

  it('describes a real `Case Submitted` as the platform sends it, and refuses a broken one', () => {
    // Prepare
    const event = {
      id: '01JD0000000000000000000001',
      source: PLATFORM_EVENT_SOURCE,
      'detail-type': 'Case Submitted',
      time: '2026-11-20T10:00:00+01:00',
      detail: {
        caseId: 'c-1',
        creditorOrgId: 'cr-1',
        hasBankAccount: false,
        contractSigned: true,
        requiresQuote: false,
      },
    };
    // Act / Assess
    expect(validates('Case Submitted', event)).toEqual({ valid: true, errors: null });
    expect(validates('Case Submitted', { ...event, detail: { ...event.detail, caseId: 'a#b' } }).valid).toBe(false);
    expect(validates('Case Submitted', { ...event, 'detail-type': 'Case Verified' }).valid).toBe(false);
  });

  it('describes a real `Task Created` as the outbox relay publishes it', () => {
    // Prepare: the detail exactly as the relay builds it
    const detail = publishedDetail(taskCreated(sampleTask).detail, { eventId: '01JD0000000000000000000002' });
    const event = {
      id: 'e1f2',
      source: OUTGOING_EVENT_SOURCE,
      'detail-type': 'Task Created',
      time: '2026-11-20T10:00:01Z',
      detail,
    };
    // Act / Assess
    expect(validates('Task Created', event)).toEqual({ valid: true, errors: null });
    expect(validates('Task Created', { ...event, detail: { task: sampleTask } }).valid).toBe(false);
  });
});
