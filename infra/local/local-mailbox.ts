// Local mode's mailbox: the MailSender that keeps each mail rendered as SES would render its template, instead of sending.

import { mailForEvent, renderMail } from '@casetasks/app/mail';
import { type MailSender, type OutgoingMail, serviceNow } from '@casetasks/app/runtime';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ulid } from 'ulid';
import { jsonResponse } from '../../functions/middleware/http-response.js';

/** The mailbox keeps the last this many mails. */
export const MAILBOX_KEEP_MAILS = 200;
export const MAILBOX_PATH = '/local/mailbox';

export interface LocalMail extends OutgoingMail {
  messageId: string;
  subject: string;
  html: string;
  text: string;
  sentAt: string;
}

export class LocalMailbox implements MailSender {
  private readonly mails: LocalMail[] = [];

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    // Rendering here (not at read time) fails the send as SES would on a template that does not render.
    const rendered = renderMail(mail.kind, mail.data);
    const messageId = `local-${ulid().toLowerCase()}`;
    this.mails.push({ ...mail, ...rendered, messageId, sentAt: serviceNow().toISOString() });
    if (this.mails.length > MAILBOX_KEEP_MAILS) this.mails.splice(0, this.mails.length - MAILBOX_KEEP_MAILS);
    return { messageId };
  }

  /** Oldest first; `to` narrows to one address. */
  list(to?: string): LocalMail[] {
    return to === undefined ? [...this.mails] : this.mails.filter((mail) => mail.to === to);
  }

  clear(): void {
    this.mails.length = 0;
  }
}

/** The outgoing events the mail-events rule takes (infra: the service bus rule of functions/events/mail-events.ts). */
const MAIL_EVENT_TYPES: ReadonlySet<string> = new Set(['Task Deadline Approaching', 'Task Overdue', 'Task Escalated']);

/** The mail-events rule locally: reminder events → `mailForEvent`; every other event is not its business. */
export const mailEventsRule = async (event: { 'detail-type'?: string }): Promise<unknown> =>
  MAIL_EVENT_TYPES.has(event['detail-type'] ?? '') ? mailForEvent(event) : undefined;

/** `GET /local/mailbox[?to=]` lists; `DELETE /local/mailbox` empties it. */
export const serveMailbox = (
  mailbox: LocalMailbox,
  { method, url }: { method: string; url: URL },
): APIGatewayProxyStructuredResultV2 | undefined => {
  if (url.pathname !== MAILBOX_PATH) return undefined;
  if (method === 'GET') return jsonResponse(200, { items: mailbox.list(url.searchParams.get('to') ?? undefined) });
  if (method === 'DELETE') {
    mailbox.clear();
    return { statusCode: 204 };
  }
  return undefined;
};
