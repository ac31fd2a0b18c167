// The API's error vocabulary and the one place errors become HTTP responses: `{ error: { code, message, fields? } }`.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';

export const errorFieldSchema = z
  .object({
    field: z.string().describe('Dotted path of the bad input, e.g. `deadline` or `body`'),
    message: z.string(),
  })
  .meta({ id: 'ErrorField' });

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z
        .string()
        .describe(
          'unauthorized | invalid_request | rule_violation | invalid_calendar | invalid | forbidden | not_found | conflict | payload_too_large | unavailable | internal',
        ),
      message: z.string(),
      fields: z.array(errorFieldSchema).optional(),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorBodySchema>;
export type ErrorField = z.infer<typeof errorFieldSchema>;

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

export const jsonResponse = (
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** Errors other modules throw with a client-facing status (e.g. InvalidEventError in local mode). */
const clientErrorShape = z.object({
  statusCode: z.number().int().min(400).max(499),
  message: z.string(),
  code: z.string().optional(),
  field: z.string().optional(),
});

/**
 * The service cannot answer now, and says so (TimeBudgetExceededError, DatabaseUnavailableError):
 * 503 `unavailable`, worth retrying; 504 is left to gateways, whose timeout we answer before.
 */
const unavailableShape = z.object({ statusCode: z.literal(503), code: z.literal('unavailable'), message: z.string() });

/** Status and body for any error: known errors keep their status and message; anything else is a bare 500. */
export const errorBody = (error: unknown): { statusCode: number; body: ErrorBody; internal: boolean } => {
  const unavailable = error instanceof Error ? unavailableShape.safeParse(error) : undefined;
  if (unavailable?.success) {
    const { statusCode, code, message } = unavailable.data;
    return { statusCode, body: { error: { code, message } }, internal: false };
  }
  if (error instanceof RequestValidationError) {
    return {
      statusCode: 400,
      body: { error: { code: error.code, message: error.message, fields: error.fields } },
      internal: false,
    };
  }
  // DomainError, VersionConflictError and any other Error that carries a 4xx statusCode.
  if (error instanceof Error) {
    const known = clientErrorShape.safeParse(error);
    if (known.success) {
      const { statusCode, message, code, field } = known.data;
      return {
        statusCode,
        body: {
          error: {
            code: code ?? 'invalid',
            message,
            ...(field === undefined ? {} : { fields: [{ field, message }] }),
          },
        },
        internal: false,
      };
    }
  }
  return { statusCode: 500, body: { error: { code: 'internal', message: 'internal error' } }, internal: true };
};

export const errorResponse = (error: unknown): { response: APIGatewayProxyStructuredResultV2; internal: boolean } => {
  const { statusCode, body, internal } = errorBody(error);
  return { response: jsonResponse(statusCode, body), internal };
};
