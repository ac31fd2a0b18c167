// Exactly-once markers of the periodic work: applied-event markers (applied#{id}/{step}) with job-made ids.
import type { AppliedMarker } from './applied-item.js';

/** One survey per case and month: `applied#monthly-survey#{caseId}#{YYYY-MM}` / `create`. */
export const surveyMarker = (caseId: string, month: string): AppliedMarker => ({
  eventId: `monthly-survey#${caseId}#${month}`,
  step: 'create',
});

/** One digest per recipient and local day: `applied#digest#{party}#{org}#{assignee or -}` / `{YYYY-MM-DD}`. */
export const digestMarker = (recipientId: string, day: string): AppliedMarker => ({
  eventId: `digest#${recipientId}`,
  step: day,
});

/** One event per paused-case follow-up task and stage: `applied#paused-follow-up#{taskId}` / `{stage}`. */
export const followUpMarker = (taskId: string, stage: string): AppliedMarker => ({
  eventId: `paused-follow-up#${taskId}`,
  step: stage,
});
