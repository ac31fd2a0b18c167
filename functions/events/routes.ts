// Which incoming detail-types each event function handles: read by the CDK rules and the local bus.
export interface EventRoute {
  /** Lambda entry file under functions/events. */
  entry: 'case-events' | 'chat-events' | 'quote-events' | 'commission-events';
  detailTypes: readonly string[];
}

export const eventRoutes: readonly EventRoute[] = [
  {
    entry: 'case-events',
    detailTypes: [
      'Case Submitted',
      'Case Verified',
      'Case Status Changed',
      'Case Survey Submitted',
      'Case Status Updated',
      'Contract Signed',
      'Bank Account Assigned',
      'Case Solved',
      'Partner Reviewed',
      'Complaint Filed',
      'Complaint Responded',
    ],
  },
  { entry: 'chat-events', detailTypes: ['Chat Message Sent'] },
  { entry: 'quote-events', detailTypes: ['Quote Requested', 'Quote Submitted', 'Quote Winner Selected'] },
  {
    entry: 'commission-events',
    detailTypes: ['Commission Invoice Sent', 'Commission Invoice Overdue', 'Commission Collection Started'],
  },
];

/** Source of the platform's events on its bus (rules match on it). */
export const PLATFORM_EVENT_SOURCE = 'platform';
