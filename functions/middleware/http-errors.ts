// The errors the HTTP chain itself raises, each with its status and code (http-response.ts maps them to the body).
import type * as z from 'zod';
import type { ErrorField } from './http-error-body.js';

/** Missing, malformed or incomplete claims (API Gateway answers 401 before us for a bad token). */
export class UnauthorizedError extends Error {
  readonly statusCode = 401;
  readonly code = 'unauthorized';
  constructor(message = 'missing or invalid credentials') {
    super(message);
    this.name = 'UnauthorizedError';
  }
}

/** The request does not match the route's schemas: every bad field is named; nothing was written. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  readonly code = 'invalid_request';
  constructor(readonly fields: ErrorField[]) {
    super(`invalid request: ${fields.map((f) => f.field).join(', ')}`);
    this.name = 'RequestValidationError';
  }

  /** zod issues under `prefix` (path, query or body): the field is the issue path, or the prefix for the whole part. */
  static fromZod(error: z.ZodError, prefix: string): RequestValidationError {
    return new RequestValidationError(
      error.issues.flatMap((issue) => {
        const at = issue.path.map(String);
        // A strict object names each unknown key as its own field.
        if (issue.code === 'unrecognized_keys') {
          return issue.keys.map((key) => ({ field: [...at, key].join('.'), message: 'unknown field' }));
        }
        return [{ field: at.length > 0 ? at.join('.') : prefix, message: issue.message }];
      }),
    );
  }
}

/** A JSON body over MAX_JSON_BODY_BYTES: refused before it is parsed. */
export class BodyTooLargeError extends Error {
  readonly statusCode = 413;
  readonly code = 'payload_too_large';
  readonly field = 'body';
  constructor(limitBytes: number) {
    super(`body is larger than ${limitBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** No route of this function matches the request's route key. */
export class RouteNotFoundError extends Error {
  readonly statusCode = 404;
  readonly code = 'not_found';
  constructor(routeKey: string) {
    super(`no route ${routeKey}`);
    this.name = 'RouteNotFoundError';
  }
}
