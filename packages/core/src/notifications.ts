// E-mail notification preferences (issue 21): what a user wants mailed, and when the daily digest is due in the org's zone.
import { TZDate } from '@date-fns/tz';
import * as z from 'zod';

/** The kinds of mail: the address confirmation, the three reminder points and the daily digest. */
export const mailKindSchema = z.enum(['confirm', 'approaching', 'overdue', 'escalated', 'digest']);
export type MailKind = z.infer<typeof mailKindSchema>;
/** The kinds a user turns on or off (the confirmation is always sent). */
export type SubscribableKind = Exclude<MailKind, 'confirm'>;

export const emailStatusSchema = z
  .enum(['none', 'unconfirmed', 'confirmed', 'suppressed'])
  .describe(
    'none: no address; unconfirmed: confirmation mailed; confirmed: mail goes out; suppressed: bounced or complained',
  );
export type EmailStatus = z.infer<typeof emailStatusSchema>;

const kindFields = {
  approaching: z.boolean().describe('Mail when a deadline warning point of one of your tasks is reached'),
  overdue: z.boolean().describe('Mail when one of your tasks becomes overdue'),
  escalated: z.boolean().describe('Mail on escalations (owners and managers the org notifies)'),
  digest: z.boolean().describe('The daily digest at `digestHour`'),
  digestHour: z.number().int().min(0).max(23).describe("Hour (0-23) of the daily digest in the org's time zone"),
};

export const notificationChoicesSchema = z.strictObject(kindFields);
export type NotificationChoices = z.infer<typeof notificationChoicesSchema>;

/** Reminders on and the digest off until the user asks for it; nothing is mailed before the address is confirmed. */
export const DEFAULT_NOTIFICATION_CHOICES: NotificationChoices = {
  approaching: true,
  overdue: true,
  escalated: true,
  digest: false,
  digestHour: 7,
};

/** Does this user get mail of this kind now (address confirmed and not suppressed, kind on)? */
export const wantsMail = (
  preferences: NotificationChoices & { emailStatus: EmailStatus },
  kind: SubscribableKind,
): boolean => preferences.emailStatus === 'confirmed' && preferences[kind];

/** The instant of `digestHour` on the local day `day` (YYYY-MM-DD) in `timeZone`; a DST gap moves it on. */
export const digestInstantOn = (timeZone: string, day: string, digestHour: number): Date => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(new TZDate(year ?? 1970, (month ?? 1) - 1, date ?? 1, digestHour, timeZone).getTime());
};

/** The local day (YYYY-MM-DD) of an instant in `timeZone`. */
export const localDayIn = (timeZone: string, at: Date): string => {
  const local = new TZDate(at.getTime(), timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
};

/** The day after a local day (YYYY-MM-DD). */
export const nextLocalDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
