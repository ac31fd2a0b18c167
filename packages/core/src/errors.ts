// Domain errors: each carries the HTTP status the API answers with, so handlers never map them by hand.
export class DomainError extends Error {
  readonly statusCode: number = 400;
  readonly code: string = 'invalid_request';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request is well-formed but breaks a rule of the task (400, names the field). */
export class TaskRuleError extends DomainError {
  override readonly statusCode = 400;
  override readonly code = 'rule_violation';
}

/** The action is not allowed in the task's current state or type (409). */
export class TaskStateError extends DomainError {
  override readonly statusCode = 409;
  override readonly code = 'conflict';
}

/** The caller may see the task but not change it (403). */
export class ForbiddenError extends DomainError {
  override readonly statusCode = 403;
  override readonly code = 'forbidden';
}

/** The task does not exist, or belongs to another party or organisation (404, indistinguishable). */
export class TaskNotFoundError extends DomainError {
  override readonly statusCode = 404;
  override readonly code = 'not_found';
  constructor() {
    super('task not found');
  }
}
