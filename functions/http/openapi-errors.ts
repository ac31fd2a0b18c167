// The errors an operation of the OpenAPI document may answer, all in the one error shape.
import { MAX_JSON_BODY_BYTES } from '@casetasks/core';
import { errorBodySchema } from '../middleware/http-error-body.js';
import { eitherResponse, gatewayResponses } from './openapi-gateway.js';
import { correlationHeader } from './openapi-headers.js';

const errorResponse = (description: string) => ({
  description,
  headers: correlationHeader,
  content: { 'application/json': { schema: errorBodySchema } },
});

/** A bulk call answers access and state per item (200), never for the call as a whole. */
const BULK_ROUTE_KEY = 'POST /tasks/bulk';

/** Errors every authenticated route may answer; routes that write or read one task add theirs. */
const serverResponses = {
  ...gatewayResponses,
  500: eitherResponse('Internal error (details are logged, never returned); `{ message }` if the function crashed'),
  503: eitherResponse(
    '`unavailable`: the service could not finish in time or cannot reach its table; ' +
      '`{ message }` if the gateway could not reach the function; try again',
  ),
};

export const errorResponses = (routeKey: string) => ({
  400: errorResponse('Bad input: `error.fields` names each bad field; nothing was written'),
  401: eitherResponse(
    'The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), ' +
      'or its claims are incomplete (`unauthorized`)',
  ),
  ...(routeKey === BULK_ROUTE_KEY
    ? {}
    : {
        403: errorResponse(
          'The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner)',
        ),
      }),
  ...(routeKey.includes('{id}')
    ? { 404: errorResponse('No such task for the caller: other parties’ and organisations’ tasks included') }
    : {}),
  ...(routeKey.startsWith('POST') && routeKey !== BULK_ROUTE_KEY
    ? { 409: errorResponse('Not allowed in the task’s state, or changed meanwhile') }
    : {}),
  ...serverResponses,
});

/** A public route's (no token, so no 401/403): its input refused, its token unknown, and what any call can meet. */
export const publicErrorResponses = (notFound: string) => ({
  400: errorResponse('Bad input: `error.fields` names each bad field; nothing was written'),
  404: errorResponse(notFound),
  ...serverResponses,
});

/** Only routes with a body check its size. */
export const bodyTooLarge = eitherResponse(
  `The JSON body is larger than ${MAX_JSON_BODY_BYTES} bytes (\`payload_too_large\`, \`fields\` names \`body\`); ` +
    "over the gateway's own limit it answers `{ message }`",
);
