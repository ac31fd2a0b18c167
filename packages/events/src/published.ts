// What the outbox relay adds to every detail it publishes: apart from the detail schemas, so the relay bundles none of them.
import * as z from 'zod';

/**
 * What the outbox relay adds to every detail it publishes (docs/events.md, "Events out"). `eventId`
 * (the outbox entry's id) lets consumers drop redeliveries; `correlationId` is the id of the request
 * or event that caused the change, the same `correlation_id` every log line of that change carries.
 * Optional: entries written before it was stored go out without one.
 */
export const publishedMetadataSchema = z.object({
  eventId: z.string().min(1),
  correlationId: z.string().min(1).max(128).optional(),
});
export type PublishedMetadata = z.infer<typeof publishedMetadataSchema>;

/** The detail as it goes on the bus: the stored detail plus the relay's metadata (a stored key of the same name loses). */
export const publishedDetail = (detail: Record<string, unknown>, metadata: PublishedMetadata) => ({
  ...detail,
  eventId: metadata.eventId,
  ...(metadata.correlationId === undefined ? {} : { correlationId: metadata.correlationId }),
});
