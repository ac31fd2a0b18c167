// The JSON shape of every error the API answers: `{ error: { code, message, fields? } }` (validator, type and OpenAPI).
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
