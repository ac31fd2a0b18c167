// Endpoint signing secrets in the Standard Webhooks form: `whsec_` + base64 of 32 random bytes (the spec asks ≥ 24).
import { randomBytes } from 'node:crypto';

const SECRET_BYTES = 32;

export const newWebhookSecret = (): string => `whsec_${randomBytes(SECRET_BYTES).toString('base64')}`;
