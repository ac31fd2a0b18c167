// /me/notifications: the caller's e-mail preferences, the address confirmation and the public one-click unsubscribe.
import { createHash, randomBytes } from 'node:crypto';
import {
  DEFAULT_NOTIFICATION_CHOICES,
  DomainError,
  digestInstantOn,
  emailStatusSchema,
  localDayIn,
  nextLocalDay,
  notificationChoicesSchema,
  type Principal,
} from '@casetasks/core';
import {
  getNotificationPreferences,
  type MailUser,
  type NotificationPreferences,
  NotificationPreferencesConflictError,
  rescheduleDigest,
  saveNotificationPreferences,
  userOfUnsubscribeToken,
} from '@casetasks/db';
import * as z from 'zod';
import { principalTimeZone } from '../policies/org-policies.js';
import { tasksDb } from '../runtime/clients.js';
import { ConfigError, config, LOCAL_MODE_VARIABLE } from '../runtime/config.js';
import { mailSender } from '../runtime/mail.js';

const CONFIRM_TTL_MS = 24 * 3_600_000;
const MAX_VERSION = 1_000_000;

export const notificationPreferencesChangeSchema = notificationChoicesSchema
  .extend({
    expectedVersion: z
      .number()
      .int()
      .min(0)
      .max(MAX_VERSION)
      .describe('The `version` read (0 when none are stored yet): a 409 when they changed since'),
  })
  .meta({ id: 'NotificationPreferencesChange' });
export const notificationConfirmSchema = z
  .strictObject({ code: z.string().min(1).max(64).describe('The code from the confirmation e-mail') })
  .meta({ id: 'NotificationConfirm' });
export const unsubscribeParamsSchema = z.strictObject({
  token: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export const notificationPreferencesViewSchema = notificationChoicesSchema
  .extend({
    email: z.string().nullable().describe('The address mail goes to (from your token’s `email` claim)'),
    emailStatus: emailStatusSchema,
    suppressedReason: z.string().optional(),
    timeZone: z.string().describe("The org's time zone `digestHour` is read in (org settings, read-only)"),
    version: z.number().int().min(0).describe('0: nothing stored yet, the defaults are shown'),
  })
  .meta({ id: 'NotificationPreferences' });
export type NotificationPreferencesView = z.infer<typeof notificationPreferencesViewSchema>;

/** The token carries no `email` claim: nothing to mail to (400, names the claim). */
export class EmailClaimMissingError extends DomainError {
  override readonly statusCode = 400;
  override readonly code = 'invalid_request';
  constructor() {
    super('your token carries no email claim: ask your administrator to set your e-mail address', 'email');
  }
}

/** Wrong code, or none pending (400); expired (410). */
export class ConfirmationCodeError extends DomainError {
  override readonly code = 'invalid_request';
  constructor(
    message: string,
    override readonly statusCode: 400 | 410,
  ) {
    super(message, 'code');
  }
}

export class UnsubscribeTokenNotFoundError extends DomainError {
  override readonly statusCode = 404;
  override readonly code = 'not_found';
  constructor() {
    super('unsubscribe link not found');
  }
}

const userOf = (principal: Principal): MailUser => ({
  party: principal.party,
  orgId: principal.orgId,
  userId: principal.userId,
});
const hashCode = (code: string) => createHash('sha256').update(code).digest('base64url');
/** 128 bits and more from the platform's CSPRNG, URL-safe. */
const randomToken = (bytes: number) => randomBytes(bytes).toString('base64url');

/** Where an unsubscribe link of this user points: deployed, a mail without a working link is never sent. */
export const unsubscribeUrl = (token: string): string => {
  const base = config().PUBLIC_API_URL;
  if (base === undefined && process.env[LOCAL_MODE_VARIABLE] !== '1') {
    throw new ConfigError('PUBLIC_API_URL', 'PUBLIC_API_URL is not set: mails need it for their unsubscribe link');
  }
  return `${(base ?? '').replace(/\/$/, '')}/notifications/unsubscribe/${token}`;
};

const viewOf = (stored: NotificationPreferences | undefined, timeZone: string): NotificationPreferencesView => {
  if (!stored) return { ...DEFAULT_NOTIFICATION_CHOICES, email: null, emailStatus: 'none', timeZone, version: 0 };
  const { approaching, overdue, escalated, digest, digestHour, email, emailStatus, suppressedReason, version } = stored;
  return {
    approaching,
    overdue,
    escalated,
    digest,
    digestHour,
    email,
    emailStatus,
    ...(suppressedReason ? { suppressedReason } : {}),
    timeZone,
    version,
  };
};

export const readNotificationPreferences = async (principal: Principal): Promise<NotificationPreferencesView> =>
  viewOf(await getNotificationPreferences(tasksDb(), userOf(principal)), await principalTimeZone(principal));

/** Today's digest instant when it is still to come or came today, so a user who turns it on gets today's. */
const firstDigestAt = (timeZone: string, digestHour: number, now: Date) =>
  digestInstantOn(timeZone, localDayIn(timeZone, now), digestHour).toISOString();

/**
 * Stores the choices; a new or changed address (from the token) becomes `unconfirmed` and gets a
 * confirmation code by mail. The code is stored hashed and works for 24 hours.
 */
export const replaceNotificationPreferences = async (
  principal: Principal,
  body: z.infer<typeof notificationPreferencesChangeSchema>,
  now: Date,
): Promise<NotificationPreferencesView> => {
  if (!principal.email) throw new EmailClaimMissingError();
  const db = tasksDb();
  const user = userOf(principal);
  const [stored, timeZone] = await Promise.all([getNotificationPreferences(db, user), principalTimeZone(principal)]);
  const { expectedVersion, ...choices } = body;
  if ((stored?.version ?? 0) !== expectedVersion) throw new NotificationPreferencesConflictError();
  const newAddress = stored?.email !== principal.email;
  const code = newAddress ? randomToken(18) : undefined;
  const next: NotificationPreferences = {
    party: user.party,
    orgId: user.orgId,
    userId: user.userId,
    role: principal.role,
    email: principal.email,
    emailStatus: newAddress ? 'unconfirmed' : (stored?.emailStatus ?? 'unconfirmed'),
    ...(!newAddress && stored?.suppressedReason ? { suppressedReason: stored.suppressedReason } : {}),
    ...choices,
    ...(code
      ? { confirmCodeHash: hashCode(code), confirmExpiresAt: new Date(now.getTime() + CONFIRM_TTL_MS).toISOString() }
      : stored?.confirmCodeHash && stored.confirmExpiresAt
        ? { confirmCodeHash: stored.confirmCodeHash, confirmExpiresAt: stored.confirmExpiresAt }
        : {}),
    unsubscribeToken: stored?.unsubscribeToken ?? randomToken(24),
    ...(choices.digest ? { nextDigestAt: firstDigestAt(timeZone, choices.digestHour, now) } : {}),
    version: expectedVersion + 1,
    updatedAt: now.toISOString(),
  };
  await saveNotificationPreferences(db, next, expectedVersion, !stored);
  if (code) {
    await mailSender().send({
      kind: 'confirm',
      to: principal.email,
      data: { code, unsubscribeUrl: unsubscribeUrl(next.unsubscribeToken) },
      unsubscribeUrl: unsubscribeUrl(next.unsubscribeToken),
      tags: { party: user.party, org: user.orgId, user: user.userId },
    });
  }
  return viewOf(next, timeZone);
};

/** Confirms the pending address with the mailed code (single use: it is removed on success). */
export const confirmNotificationEmail = async (
  principal: Principal,
  code: string,
  now: Date,
): Promise<NotificationPreferencesView> => {
  const db = tasksDb();
  const [stored, timeZone] = await Promise.all([
    getNotificationPreferences(db, userOf(principal)),
    principalTimeZone(principal),
  ]);
  if (!stored?.confirmCodeHash || !stored.confirmExpiresAt)
    throw new ConfirmationCodeError('no confirmation is pending: save your preferences to get a code', 400);
  if (Date.parse(stored.confirmExpiresAt) <= now.getTime())
    throw new ConfirmationCodeError('the code has expired: save your preferences again to get a new one', 410);
  if (hashCode(code) !== stored.confirmCodeHash) throw new ConfirmationCodeError('the code is not right', 400);
  const { confirmCodeHash: _hash, confirmExpiresAt: _expires, suppressedReason: _reason, ...rest } = stored;
  const next = {
    ...rest,
    emailStatus: 'confirmed' as const,
    version: stored.version + 1,
    updatedAt: now.toISOString(),
  };
  await saveNotificationPreferences(db, next, stored.version, false);
  return viewOf(next, timeZone);
};

/** What the unsubscribe page shows (GET changes nothing: mail scanners follow links). */
export const unsubscribePreview = async (token: string) => {
  if (!(await userOfUnsubscribeToken(tasksDb(), token))) throw new UnsubscribeTokenNotFoundError();
  return { unsubscribe: 'POST to this address to stop all casetasks e-mail' };
};

/** One-click unsubscribe (RFC 8058): every kind off, the digest leaves the due index. */
export const unsubscribeAll = async (token: string, now: Date) => {
  const db = tasksDb();
  const user = await userOfUnsubscribeToken(db, token);
  const stored = user && (await getNotificationPreferences(db, user));
  if (!user || !stored) throw new UnsubscribeTokenNotFoundError();
  const { nextDigestAt: _next, ...rest } = stored;
  const next = {
    ...rest,
    approaching: false,
    overdue: false,
    escalated: false,
    digest: false,
    version: stored.version + 1,
    updatedAt: now.toISOString(),
  };
  await saveNotificationPreferences(db, next, stored.version, false);
  return { unsubscribed: true as const };
};

/** After a digest went out (or was not due today): the next one is tomorrow at the user's hour. */
export const scheduleNextDigest = (user: MailUser, timeZone: string, digestHour: number, now: Date) =>
  rescheduleDigest(
    tasksDb(),
    user,
    digestInstantOn(timeZone, nextLocalDay(localDayIn(timeZone, now)), digestHour).toISOString(),
  );
