// Response headers of the OpenAPI document: the ones the service sets, all exposed to browsers through CORS.
const stringHeader = (description: string) => ({ description, schema: { type: 'string' as const } });

/** Every answer of a function carries the id its log lines are under (functions/middleware/http-correlation.ts). */
export const correlationHeader = {
  'x-correlation-id': stringHeader("The request's correlation id: the caller's well-formed one, else the gateway's"),
};

/** POST /tasks with an Idempotency-Key that was already used: the task created the first time, not a new one. */
export const replayHeaders = {
  ...correlationHeader,
  'idempotent-replayed': {
    description: '`true` when this answer replays an earlier create with the same Idempotency-Key (absent otherwise)',
    schema: { type: 'string' as const, enum: ['true'] },
  },
};
