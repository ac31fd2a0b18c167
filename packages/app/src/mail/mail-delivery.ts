// Exactly-once e-mail: a claim per (user, point) written before sending, marked sent after SES accepted, released on failure.

import { type SubscribableKind, type Task, wantsMail } from '@casetasks/core';
import {
  claimMail,
  getNotificationPreferences,
  mailPoint,
  mailUsersOfOrg,
  markMailSent,
  type NotificationPreferences,
  releaseMailClaim,
} from '@casetasks/db';
import { InvalidEventError, outgoingDetailSchemas } from '@casetasks/events';
import * as z from 'zod';
import { tasksDb } from '../runtime/clients.js';
import { serviceNow } from '../runtime/clock.js';
import { mailSender } from '../runtime/mail.js';
import { unsubscribeUrl } from './notification-preferences.js';

/** A sender that crashed between claim and mark holds the claim this long; then another run may take it. */
export const MAIL_LEASE_MS = 15 * 60_000;

/** Sends one mail to one user once per point: false when another run has it (sent or sending). */
export const sendMailOnce = async (
  user: NotificationPreferences,
  kind: SubscribableKind,
  point: string,
  data: Record<string, unknown>,
  now: Date,
): Promise<boolean> => {
  const db = tasksDb();
  if (!user.email || !(await claimMail(db, user, point, now, MAIL_LEASE_MS))) return false;
  const link = unsubscribeUrl(user.unsubscribeToken);
  try {
    const { messageId } = await mailSender().send({
      kind,
      to: user.email,
      data: { ...data, unsubscribeUrl: link },
      unsubscribeUrl: link,
      tags: { party: user.party, org: user.orgId, user: user.userId },
    });
    await markMailSent(db, user, point, messageId);
    return true;
  } catch (error) {
    await releaseMailClaim(db, user, point);
    throw error;
  }
};

const reminderEventSchema = z.discriminatedUnion('detail-type', [
  z.object({
    'detail-type': z.literal('Task Deadline Approaching'),
    detail: outgoingDetailSchemas['Task Deadline Approaching'],
  }),
  z.object({ 'detail-type': z.literal('Task Overdue'), detail: outgoingDetailSchemas['Task Overdue'] }),
  z.object({ 'detail-type': z.literal('Task Escalated'), detail: outgoingDetailSchemas['Task Escalated'] }),
]);

const taskData = (task: Task) => ({
  title: task.title,
  taskId: task.id,
  caseId: task.caseId,
  deadline: task.deadline,
});

/** The users a reminder of `task` goes to: its assignee, else every user of its org who wants the kind. */
const reminderRecipients = async (task: Task, kind: SubscribableKind) => {
  const db = tasksDb();
  if (task.assigneeId) {
    const user = await getNotificationPreferences(db, {
      party: task.accessLevel,
      orgId: task.orgId,
      userId: task.assigneeId,
    });
    return user && wantsMail(user, kind) ? [user] : [];
  }
  return (await mailUsersOfOrg(db, task.accessLevel, task.orgId)).filter((user) => wantsMail(user, kind));
};

/**
 * The e-mails of one reminder event from the service bus (approaching, overdue, escalated), once per user
 * and point however often the event arrives or however many invocations overlap.
 */
export const mailForEvent = async (event: unknown, now = serviceNow()): Promise<{ sent: number; skipped: number }> => {
  const parsed = reminderEventSchema.safeParse(event);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new InvalidEventError(issue?.path.join('.') || 'event', issue?.message ?? 'not a reminder event');
  }
  const counts = { sent: 0, skipped: 0 };
  const { task } = parsed.data.detail;
  let kind: SubscribableKind;
  let point: string;
  let recipients: NotificationPreferences[];
  let data: Record<string, unknown> = taskData(task);
  if (parsed.data['detail-type'] === 'Task Escalated') {
    const { notify, businessDaysOverdue } = parsed.data.detail;
    kind = 'escalated';
    point = mailPoint('escalated', task.id);
    data = { ...data, businessDaysOverdue };
    recipients = (await mailUsersOfOrg(tasksDb(), notify.party, notify.orgId)).filter(
      (user) => wantsMail(user, kind) && (notify.roles as string[]).includes(user.role),
    );
  } else if (parsed.data['detail-type'] === 'Task Overdue') {
    kind = 'overdue';
    point = mailPoint('overdue', task.id);
    recipients = await reminderRecipients(task, kind);
  } else {
    kind = 'approaching';
    const threshold = parsed.data.detail.threshold ?? 'default';
    point = mailPoint('approaching', task.id, threshold, task.deadline);
    data = { ...data, threshold };
    recipients = await reminderRecipients(task, kind);
  }
  for (const user of recipients) {
    if (await sendMailOnce(user, kind, point, data, now)) counts.sent += 1;
    else counts.skipped += 1;
  }
  return counts;
};
