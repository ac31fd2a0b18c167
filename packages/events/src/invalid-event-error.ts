// The typed failure of an incoming event that does not match its schema: names the field, writes nothing.
import type * as z from 'zod';

/**
 * Status 400 for local mode's POST /local/events; in Lambda the handler rethrows it so the async
 * invocation's on-failure destination (the DLQ) keeps the event with this message as the reason.
 */
export class InvalidEventError extends Error {
  readonly statusCode = 400;
  readonly code = 'invalid_event';
  /** Never worth a retry: the same event fails the same way. */
  readonly retryable = false;
  constructor(
    /** Dotted path of the offending field, e.g. `detail.caseId`. */
    readonly field: string,
    readonly reason: string,
    readonly eventId?: string,
  ) {
    super(`invalid event${eventId ? ` ${eventId}` : ''}: ${field}: ${reason}`);
    this.name = 'InvalidEventError';
  }
}

/** The `id` of an event that may not parse, for the error message (undefined when it has none). */
export const eventIdOf = (raw: unknown): string | undefined =>
  typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
    ? (raw as { id: string }).id
    : undefined;

/** The first zod issue as an InvalidEventError (zod paths become `detail.caseId`). */
export const invalidEventFrom = (error: z.ZodError, raw: unknown): InvalidEventError => {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(event)';
  return new InvalidEventError(field, issue?.message ?? 'invalid', eventIdOf(raw));
};
