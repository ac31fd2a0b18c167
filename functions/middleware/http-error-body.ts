// The JSON shape of every error the API answers: `{ error: { code, message, fields? } }` (validator, type and OpenAPI).
import * as z from 'zod';

/**
 * The closed set of `error.code`s the service answers: the `code` of every error class with a status, plus the
 * mapper's `internal` (http-response.ts). test/unit/openapi-contract.test.ts walks the sources so none is missed.
 */
export const errorCodes = [
  'invalid_request',
  'rule_violation',
  'invalid_calendar',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

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
        .enum(errorCodes)
        .describe(
          'invalid_request: bad input (`fields` names each field); rule_violation: breaks a task rule; ' +
            'invalid_calendar: unknown time zone or country; unauthorized: incomplete claims; forbidden; ' +
            'not_found; conflict: not allowed in the state, or changed meanwhile; payload_too_large; ' +
            'unavailable: try again; internal',
        ),
      message: z.string(),
      fields: z.array(errorFieldSchema).optional(),
    }),
  })
  .meta({ id: 'Error' });

/** What API Gateway (and local mode's gateway) answers itself, before any function runs: `{"message":"Unauthorized"}`. */
export const gatewayErrorSchema = z
  .object({ message: z.string().describe('e.g. `Unauthorized`, `Too Many Requests`, `Service Unavailable`') })
  .meta({ id: 'GatewayError' });

export type ErrorBody = z.infer<typeof errorBodySchema>;
export type ErrorField = z.infer<typeof errorFieldSchema>;
