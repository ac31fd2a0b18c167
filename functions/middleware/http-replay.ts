// The answer of a request that carried an Idempotency-Key: a replay says so in a header (docs/api.md, "Writes").

/** The route's answer: `body`, marked `idempotent-replayed: true` when the same request was seen before. */
export const replayAware = <B>(body: B, replayed: boolean) => ({
  body,
  ...(replayed ? { headers: { 'idempotent-replayed': 'true' } } : {}),
});
