// SES feedback (EventBridge, source aws.ses): a permanent bounce or a complaint turns the user's e-mail off.
import { getNotificationPreferences, saveNotificationPreferences } from '@casetasks/db';
import { InvalidEventError } from '@casetasks/events';
import * as z from 'zod';
import { tasksDb } from '../runtime/clients.js';
import { serviceNow } from '../runtime/clock.js';

/** The parts of SES's event-publishing record we read; the mail's tags name the user (values are arrays). */
const sesFeedbackSchema = z.object({
  'detail-type': z.enum(['Email Bounced', 'Email Complaint Received']),
  detail: z.object({
    bounce: z.object({ bounceType: z.string(), bounceSubType: z.string().optional() }).optional(),
    complaint: z.object({ complaintFeedbackType: z.string().optional() }).optional(),
    mail: z.object({ tags: z.record(z.string(), z.array(z.string())) }),
  }),
});

/** Suppresses the tagged user's address; a transient bounce or an untagged mail changes nothing. */
export const applyMailFeedback = async (event: unknown, now = serviceNow()): Promise<{ suppressed: boolean }> => {
  const parsed = sesFeedbackSchema.safeParse(event);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new InvalidEventError(issue?.path.join('.') || 'event', issue?.message ?? 'not an SES feedback event');
  }
  const { detail } = parsed.data;
  if (parsed.data['detail-type'] === 'Email Bounced' && detail.bounce?.bounceType !== 'Permanent')
    return { suppressed: false };
  const [party] = detail.mail.tags.party ?? [];
  const [orgId] = detail.mail.tags.org ?? [];
  const [userId] = detail.mail.tags.user ?? [];
  if ((party !== 'partner' && party !== 'creditor') || !orgId || !userId) return { suppressed: false };
  const db = tasksDb();
  const stored = await getNotificationPreferences(db, { party, orgId, userId });
  if (!stored) return { suppressed: false };
  const reason = detail.bounce
    ? `permanent bounce (${detail.bounce.bounceSubType ?? 'General'})`
    : `complaint (${detail.complaint?.complaintFeedbackType ?? 'unspecified'})`;
  await saveNotificationPreferences(
    db,
    {
      ...stored,
      emailStatus: 'suppressed',
      suppressedReason: reason,
      version: stored.version + 1,
      updatedAt: now.toISOString(),
    },
    stored.version,
    false,
  );
  return { suppressed: true };
};
