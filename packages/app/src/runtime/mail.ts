// The mail port: SES v2 SendEmail with the kind's stored template by default; local mode swaps in its mailbox.
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { MailKind } from '@casetasks/core';
import { ConfigError, config } from './config.js';
import { traced } from './observability.js';

/** One e-mail: the kind picks the template, `data` fills it, the tags let bounce feedback find the user. */
export interface OutgoingMail {
  kind: MailKind;
  to: string;
  data: Record<string, unknown>;
  /** One-click unsubscribe target (RFC 8058): List-Unsubscribe and List-Unsubscribe-Post headers. */
  unsubscribeUrl: string;
  tags: { party: string; org: string; user: string };
}

export interface MailSender {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

let ses: SESv2Client | undefined;
let override: MailSender | undefined;

/** Deployed, the e-mail construct sets all three; without the configuration set no bounce would ever be heard. */
const required = (
  name: 'MAIL_FROM_ADDRESS' | 'MAIL_TEMPLATE_PREFIX' | 'MAIL_CONFIGURATION_SET',
  value: string | undefined,
): string => {
  if (!value) throw new ConfigError(name, `${name} is not set: e-mail cannot be sent`);
  return value;
};

const sesMailSender: MailSender = {
  send: async (mail) => {
    const { MAIL_FROM_ADDRESS, MAIL_TEMPLATE_PREFIX, MAIL_CONFIGURATION_SET, AWS_REGION } = config();
    ses ??= traced(new SESv2Client({ region: AWS_REGION }));
    const result = await ses.send(
      new SendEmailCommand({
        FromEmailAddress: required('MAIL_FROM_ADDRESS', MAIL_FROM_ADDRESS),
        Destination: { ToAddresses: [mail.to] },
        Content: {
          Template: {
            TemplateName: `${required('MAIL_TEMPLATE_PREFIX', MAIL_TEMPLATE_PREFIX)}-${mail.kind}`,
            TemplateData: JSON.stringify(mail.data),
            Headers: [
              { Name: 'List-Unsubscribe', Value: `<${mail.unsubscribeUrl}>` },
              { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
            ],
          },
        },
        ConfigurationSetName: required('MAIL_CONFIGURATION_SET', MAIL_CONFIGURATION_SET),
        EmailTags: Object.entries(mail.tags).map(([Name, Value]) => ({ Name, Value })),
      }),
    );
    return { messageId: result.MessageId ?? '' };
  },
};

/** The sender in use: SES unless local mode or a test set another. */
export const mailSender = (): MailSender => override ?? sesMailSender;

/** Local mode's mailbox (or undefined to go back to SES). */
export const setMailSender = (sender: MailSender | undefined): void => {
  override = sender;
};
