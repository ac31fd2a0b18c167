// The areas (OpenAPI tags) of the portal API and the shape of an operation's documentation beyond its schemas.

export const operationTags = [
  { name: 'Tasks', description: "Reading the caller's tasks: lists, counts, one task and its history" },
  {
    name: 'Task actions',
    description: 'Creating tasks and changing them: postpone, assign, complete, log a call, bulk',
  },
  { name: 'Cases', description: 'The open tasks of one case as portal action items' },
  { name: 'SLA', description: "A partner organisation's SLA score and case-update dashboard" },
  {
    name: 'Settings',
    description: "The caller organisation's calendar, reminder, auto-assignment and webhook settings",
  },
  { name: 'Documents', description: 'The API contract itself' },
] as const;

export interface OperationDoc {
  /** Stable name a generated client exposes, e.g. `completeTask`. */
  operationId: string;
  tag: (typeof operationTags)[number]['name'];
  description: string;
}

export const doc = (operationId: string, tag: OperationDoc['tag'], description: string): OperationDoc => ({
  operationId,
  tag,
  description,
});
