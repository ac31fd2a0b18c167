// The request body as JSON: decoded, bounded in size, parsed, and refused where a key names the prototype.
import { MAX_JSON_BODY_BYTES, prototypeKeyPath } from '@casetasks/core';
import type { HttpEvent } from './http-context.js';
import { BodyTooLargeError, RequestValidationError } from './http-errors.js';

/**
 * API Gateway may base64-encode the body. An absent body is `{}` so a 400 names the missing fields.
 * Bounded in size (413) before parsing, and refused where a key names the prototype: zod records
 * drop an own `__proto__`, so it would otherwise pass as an emptied record.
 */
export const jsonBody = (event: HttpEvent): unknown => {
  if (event.body === undefined || event.body === null || event.body === '') return {};
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(text, 'utf8') > MAX_JSON_BODY_BYTES) throw new BodyTooLargeError(MAX_JSON_BODY_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RequestValidationError([{ field: 'body', message: 'body is not valid JSON' }]);
  }
  const prototypeKey = prototypeKeyPath(json);
  if (prototypeKey !== undefined) {
    throw new RequestValidationError([{ field: prototypeKey, message: 'a key may not name the prototype' }]);
  }
  return json;
};
