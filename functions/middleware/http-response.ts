// Every answer of the API as JSON: success bodies as given, any error mapped to one status and `{ error }` body.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import { type ErrorBody, errorCodes, errorFieldSchema } from './http-error-body.js';

export const jsonResponse = (
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/**
 * The service cannot answer now, and says so (TimeBudgetExceededError, DatabaseUnavailableError):
 * 503 `unavailable`, worth retrying; 504 is left to gateways, whose timeout we answer before.
 */
const unavailableShape = z.object({ statusCode: z.literal(503), code: z.literal('unavailable'), message: z.string() });
/** DomainError, VersionConflictError and any other Error with a client-facing status and at most one field. */
const clientErrorShape = z.object({
  statusCode: z.number().int().min(400).max(499),
  message: z.string(),
  // Only the documented codes reach a caller: an error with any other code is an internal error (500, logged).
  code: z.enum(errorCodes).optional(),
  field: z.string().optional(),
});
/** Bad input naming each field (RequestValidationError, a list's InvalidCursorError). */
const fieldsShape = clientErrorShape.extend({ code: z.enum(errorCodes), fields: z.array(errorFieldSchema) });

/** Status and body for any error: known errors keep their status and message; anything else is a bare 500. */
export const errorBody = (error: unknown): { statusCode: number; body: ErrorBody; internal: boolean } => {
  const unavailable = error instanceof Error ? unavailableShape.safeParse(error) : undefined;
  if (unavailable?.success) {
    const { statusCode, code, message } = unavailable.data;
    return { statusCode, body: { error: { code, message } }, internal: false };
  }
  const withFields = error instanceof Error ? fieldsShape.safeParse(error) : undefined;
  if (withFields?.success) {
    const { statusCode, code, message, fields } = withFields.data;
    return { statusCode, body: { error: { code, message, fields } }, internal: false };
  }
  const client = error instanceof Error ? clientErrorShape.safeParse(error) : undefined;
  if (client?.success) {
    const { statusCode, message, code, field } = client.data;
    const fields = field === undefined ? {} : { fields: [{ field, message }] };
    return { statusCode, body: { error: { code: code ?? 'invalid_request', message, ...fields } }, internal: false };
  }
  return { statusCode: 500, body: { error: { code: 'internal', message: 'internal error' } }, internal: true };
};

export const errorResponse = (error: unknown): { response: APIGatewayProxyStructuredResultV2; internal: boolean } => {
  const { statusCode, body, internal } = errorBody(error);
  return { response: jsonResponse(statusCode, body), internal };
};
