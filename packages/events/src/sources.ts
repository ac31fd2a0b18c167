// The `source` of the events on each bus: rules match on it. Kept apart from the schemas so a publisher needs no zod.

/** Source of the platform's events on its bus (the CDK rules match on it). */
export const PLATFORM_EVENT_SOURCE = 'platform';
/** Source of the events the service emits on its own bus. */
export const OUTGOING_EVENT_SOURCE = 'casetasks';
