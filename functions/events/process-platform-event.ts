// STUB (owned by the events work stream): validates one platform event and applies its task rules.
export interface TaskEffect {
  action: 'created' | 'updated' | 'closed' | 'cancelled' | 'recorded' | 'ignored';
  taskId?: string;
  type?: string;
  note?: string;
}

export interface PlatformEventOutcome {
  eventId: string;
  detailType: string;
  /** true when this event id was applied before: nothing changed. */
  duplicate: boolean;
  effects: TaskEffect[];
}

/** Throws InvalidEventError (names the field) for an event that fails validation; writes nothing then. */
export const processPlatformEvent = async (_raw: unknown): Promise<PlatformEventOutcome> => {
  throw new Error('processPlatformEvent is not implemented yet');
};
