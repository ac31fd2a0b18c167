// The event contract as an AsyncAPI 3.0 document, built from the same zod schemas the handlers and publishers use.
import { MAX_EVENT_CLOCK_SKEW_MS } from '@casetasks/core';
import * as z from 'zod';
import { incomingEvents, MAX_EVENT_DETAIL_BYTES } from './incoming.js';
import { type OutgoingDetailType, outgoingDetailTypes, publishedDetailSchema } from './outgoing.js';
import { OUTGOING_EVENT_SOURCE, PLATFORM_EVENT_SOURCE } from './sources.js';

export const PLATFORM_BUS_CHANNEL = 'platformBus';
export const SERVICE_BUS_CHANNEL = 'casetasksBus';

/** A message name for a detail-type: AsyncAPI component keys allow `[A-Za-z0-9._-]` only. */
export const messageName = (detailType: string): string => detailType.replace(/[^A-Za-z0-9]/g, '');

type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as an AsyncAPI schema (a JSON Schema draft-07 superset). `input` for what the service
 * accepts, `output` for what it publishes. Refinements and transforms have no JSON Schema form and are
 * left out (listed in the document's description); `$schema` is dropped, the document sets the format.
 */
const payloadSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _draft, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-07' }) as JsonSchema;
  return rest;
};

/** The envelope EventBridge delivers around a published detail (account, region, resources... are not listed). */
const publishedEnvelope = <T extends OutgoingDetailType>(detailType: T) =>
  z.object({
    id: z.string().describe('EventBridge event id; drop redeliveries by `detail.eventId` instead'),
    source: z.literal(OUTGOING_EVENT_SOURCE),
    'detail-type': z.literal(detailType),
    time: z.iso.datetime({ offset: true }),
    detail: publishedDetailSchema(detailType),
  });

const incomingMessage = (event: (typeof incomingEvents)[number]) => ({
  name: event.detailType,
  title: event.detailType,
  summary: `Platform event \`${event.detailType}\`, handled by the \`${event.group}\` function.`,
  contentType: 'application/json',
  payload: payloadSchema(event.schema, 'input'),
});

const outgoingMessage = (detailType: OutgoingDetailType) => ({
  name: detailType,
  title: detailType,
  summary: `\`${detailType}\` published by casetasks on its own bus (source \`${OUTGOING_EVENT_SOURCE}\`).`,
  contentType: 'application/json',
  payload: payloadSchema(publishedEnvelope(detailType), 'output'),
});

const refsTo = (channel: string, names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, { $ref: `#/channels/${channel}/messages/${name}` }]));

const componentRefs = (names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, { $ref: `#/components/messages/${name}` }]));

/** Rules the zod schemas check that JSON Schema cannot express (a function: nothing is built at import). */
const unrepresentable = () => [
  `\`detail\` is at most ${MAX_EVENT_DETAIL_BYTES / 1024} KB as UTF-8 JSON`,
  `\`time\` lies from 2000-01-01 to ${MAX_EVENT_CLOCK_SKEW_MS / 60_000} minutes after the service clock; it is stored in UTC`,
  '`Case Survey Submitted`: outcome `pause` needs `unblockingParty`',
  '`Case Status Updated`: `promisedDate` lies from 2000-01-01 to 10 years from now',
  '`Chat Message Sent`: `text` beyond 4 000 characters is cut, not refused',
];

/** The AsyncAPI 3.0 document of every event casetasks receives and sends (docs/asyncapi.json). */
export const asyncApiDocument = () => {
  const incoming = incomingEvents.map((event) => [messageName(event.detailType), incomingMessage(event)] as const);
  const outgoing = outgoingDetailTypes.map((type) => [messageName(type), outgoingMessage(type)] as const);
  const incomingNames = incoming.map(([name]) => name);
  const outgoingNames = outgoing.map(([name]) => name);
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'casetasks events',
      version: '1.0.0',
      description:
        'Amazon EventBridge events: the platform events casetasks consumes and the events it publishes. Every ' +
        'message payload is the EventBridge envelope (`source`, `detail-type`, `detail`...). Payload schemas are ' +
        'generated from the zod schemas in packages/events. Rules the schemas check but JSON Schema cannot ' +
        `express:\n\n${unrepresentable()
          .map((rule) => `- ${rule}`)
          .join('\n')}`,
      contact: { name: 'casetasks team' },
      license: { name: 'UNLICENSED' },
    },
    defaultContentType: 'application/json',
    channels: {
      [PLATFORM_BUS_CHANNEL]: {
        address: null,
        title: 'Platform event bus',
        description:
          `The platform's EventBridge bus (its name is a stage setting). One rule per function matches ` +
          `\`source: ${PLATFORM_EVENT_SOURCE}\` and the function's detail-types.`,
        messages: componentRefs(incomingNames),
      },
      [SERVICE_BUS_CHANNEL]: {
        address: null,
        title: 'casetasks event bus',
        description: `casetasks' own EventBridge bus: every event has \`source: ${OUTGOING_EVENT_SOURCE}\`.`,
        messages: componentRefs(outgoingNames),
      },
    },
    operations: {
      receivePlatformEvents: {
        action: 'receive',
        title: 'Receive platform events',
        channel: { $ref: `#/channels/${PLATFORM_BUS_CHANNEL}` },
        messages: Object.values(refsTo(PLATFORM_BUS_CHANNEL, incomingNames)),
      },
      sendTaskEvents: {
        action: 'send',
        title: 'Publish task events',
        channel: { $ref: `#/channels/${SERVICE_BUS_CHANNEL}` },
        messages: Object.values(refsTo(SERVICE_BUS_CHANNEL, outgoingNames)),
      },
    },
    components: { messages: Object.fromEntries([...incoming, ...outgoing]) },
  };
};
