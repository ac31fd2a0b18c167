// Declares one incoming platform event: its detail-type, its detail schema and the Lambda group that handles it.
import { EARLIEST_INSTANT, entityIdSchema } from '@casetasks/core';
import * as z from 'zod';

/** EventBridge's own bound on `source`. */
export const MAX_SOURCE_LENGTH = 256;

/**
 * The event functions: one Lambda (functions/events/<group>.ts) and one bus rule per group. A group
 * holds events whose rules touch the same items, so their load and failures stay apart.
 */
export const eventGroups = ['case-events', 'chat-events', 'quote-events', 'commission-events'] as const;
export type EventGroup = (typeof eventGroups)[number];

// Ids reach table keys: the API's id grammar, so a `#`, a control character or 100 KB never gets there.
export const eventIdSchema = entityIdSchema;

/**
 * The task clock starts at `time`: not before EARLIEST_INSTANT (archive replays keep their original time,
 * so no tighter floor); the ceiling, the service clock plus MAX_EVENT_CLOCK_SKEW_MS, is checked by
 * parsePlatformEvent, which owns the clock.
 */
const eventTime = z.iso
  .datetime({ offset: true })
  .refine((value) => Date.parse(value) >= Date.parse(EARLIEST_INSTANT), {
    message: `must not be before ${EARLIEST_INSTANT}`,
  })
  // Rules compare stored instants as strings: `…00Z`, `…00.500Z` and `+02:00` offsets only order
  // correctly in one form, the 24-character UTC form of toISOString.
  .transform((value) => new Date(value).toISOString());

/** The EventBridge envelope around one `detail`; other envelope fields (account, region...) are ignored. */
const envelope = <T extends string, D extends z.ZodType>(detailType: T, detail: D) =>
  z.object({
    id: eventIdSchema,
    source: z.string().min(1).max(MAX_SOURCE_LENGTH),
    'detail-type': z.literal(detailType),
    /** When it happened on the platform: the task clock starts here. */
    time: eventTime,
    detail,
  });

export interface EventDefinitionInput<T extends string, D extends z.ZodType> {
  detailType: T;
  /** The Lambda group whose rule on the platform bus delivers this detail-type. */
  group: EventGroup;
  /** The `detail` the platform sends (SPEC §5). */
  detail: D;
}

/** One incoming event: the schema of the whole envelope, and where it is routed. */
export const defineEvent = <const T extends string, D extends z.ZodType>({
  detailType,
  group,
  detail,
}: EventDefinitionInput<T, D>) => ({ detailType, group, schema: envelope(detailType, detail) });

export type EventDefinition = ReturnType<typeof defineEvent>;
