// The grammar of platform identifiers (case, org, user, message... ids): shared by the API and the event contract.
import * as z from 'zod';

/**
 * Letters, digits and `._:@-`, starting with a letter or digit, at most 128 characters. Ids end up in
 * table keys: `#` (the key delimiter), control characters and unbounded lengths must never get there.
 */
export const entityIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/, 'must be an id: letters, digits and ._:@- (max 128)');
