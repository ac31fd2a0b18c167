// Typed outcomes of conditional writes: the caller decides (409, no-op, retry) without parsing SDK errors.
export class VersionConflictError extends Error {
  readonly statusCode = 409;
  readonly code = 'conflict';
  constructor(readonly taskId: string) {
    super(`task ${taskId} was changed by someone else; reload and try again`);
    this.name = 'VersionConflictError';
  }
}

/**
 * A refused write of an org's or user's own item (a limit reached, a name taken, changed meanwhile): 409
 * naming `field`, nothing written. Each item module names its own subclass.
 */
export class ItemConflictError extends Error {
  readonly statusCode = 409;
  readonly code = 'conflict';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The event's marker exists: this exact write was applied before. Treated as success. */
export class DuplicateEventError extends Error {
  constructor(readonly eventId: string) {
    super(`event ${eventId} was already applied`);
    this.name = 'DuplicateEventError';
  }
}

/** The scope already has an open task, or was closed by a later event. */
export class ScopeTakenError extends Error {
  constructor(readonly scope: string) {
    super(`scope ${scope} is taken`);
    this.name = 'ScopeTakenError';
  }
}

/** A condition of another item in the transaction failed. */
export class ConditionFailedError extends Error {
  constructor(readonly what: string) {
    super(`condition failed: ${what}`);
    this.name = 'ConditionFailedError';
  }
}
