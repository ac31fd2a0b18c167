// Answers the gateway gives itself (no function ran), and the statuses either the gateway or the service may answer.
import * as z from 'zod';
import { errorBodySchema, gatewayErrorSchema } from '../middleware/http-error-body.js';

/** Answered by API Gateway itself (no function ran): `{ message }`, no correlation id. */
export const gatewayResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: gatewayErrorSchema } },
});

/** Either the gateway answered (`{ message }`) or the service did (`{ error }`). */
export const eitherResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: z.union([errorBodySchema, gatewayErrorSchema]) } },
});

/** What the gateway may answer on any route, public ones included: throttled, or the function timed out. */
export const gatewayResponses = {
  429: gatewayResponse(
    'Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later',
  ),
  504: gatewayResponse('The function did not answer in time (`{ message }` from the gateway); retry'),
};
