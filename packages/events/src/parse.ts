// The edge of the event handlers: unknown input in, a typed platform event or an InvalidEventError out.

import { type PlatformEvent, platformEventSchema } from './incoming.js';
import { invalidEventFrom } from './invalid-event-error.js';

export const parsePlatformEvent = (raw: unknown): PlatformEvent => {
  const result = platformEventSchema.safeParse(raw);
  if (!result.success) throw invalidEventFrom(result.error, raw);
  return result.data;
};
