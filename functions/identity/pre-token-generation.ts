// Cognito pre-token-generation trigger: adds the portal claims (org_id, party, role) to the tokens, or refuses the sign-in.
import { Logger } from '@aws-lambda-powertools/logger';
import { type AddedPortalClaims, PortalClaimsError, portalTokenClaims } from '@casetasks/app/identity';
import type { Context, PreTokenGenerationTriggerEvent, PreTokenGenerationV2TriggerEvent } from 'aws-lambda';

/**
 * Its own logger, not the runtime's: that module also builds the tracer and metrics (the X-Ray SDK
 * doubles this bundle), and every sign-in waits on this function's cold start.
 */
const logger = new Logger();

/** V1_0 (ID token only, any feature plan) or V2_0 (ID and access token, Essentials or Plus plan). */
export type PreTokenGenerationEvent = PreTokenGenerationTriggerEvent | PreTokenGenerationV2TriggerEvent;

const withClaims = (event: PreTokenGenerationEvent, claims: AddedPortalClaims): PreTokenGenerationEvent => {
  if (event.version === '1') {
    return { ...event, response: { claimsOverrideDetails: { claimsToAddOrOverride: claims } } };
  }
  return {
    ...event,
    response: {
      claimsAndScopeOverrideDetails: {
        idTokenGeneration: { claimsToAddOrOverride: claims },
        accessTokenGeneration: { claimsToAddOrOverride: claims },
      },
    },
  } as PreTokenGenerationV2TriggerEvent;
};

/**
 * Throwing fails the sign-in (or the refresh): Cognito issues no token at all, so no portal ever holds
 * a token the API would answer with 401. Cognito shows the message, which names the attribute to fix.
 */
export const handler = async (event: PreTokenGenerationEvent, context?: Context): Promise<PreTokenGenerationEvent> => {
  if (context) logger.addContext(context);
  try {
    return withClaims(event, portalTokenClaims(event.request.userAttributes));
  } catch (error) {
    if (error instanceof PortalClaimsError) {
      logger.warn('portal token refused', { userName: event.userName, attributes: error.attributes });
    }
    throw error;
  }
};
