// The SES mail sender: one SendEmail per mail with the kind's stored template, tags and one-click unsubscribe headers.
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetConfig } from './config.js';
import { mailSender, type OutgoingMail } from './mail.js';

const ses = mockClient(SESv2Client);
const settings = {
  MAIL_FROM_ADDRESS: 'casetasks <no-reply@mail.example>',
  MAIL_CONFIGURATION_SET: 'casetasks-prod-mail',
  MAIL_TEMPLATE_PREFIX: 'casetasks-prod',
};
const mail: OutgoingMail = {
  kind: 'overdue',
  to: 'anna@partner.example',
  data: { title: 'Call debtor', taskId: 't-1', unsubscribeUrl: 'https://api.example/notifications/unsubscribe/tok' },
  unsubscribeUrl: 'https://api.example/notifications/unsubscribe/tok',
  tags: { party: 'partner', org: 'p-1', user: 'u-1' },
};

beforeEach(() => {
  ses.reset();
  Object.assign(process.env, settings);
  resetConfig();
});
afterEach(() => {
  for (const name of Object.keys(settings)) delete process.env[name];
  resetConfig();
});
afterAll(() => ses.restore());

describe('the SES mail sender', () => {
  it('sends the kind’s template with its data, configuration set, tags and one-click unsubscribe headers', async () => {
    // Prepare
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    // Act
    const result = await mailSender().send(mail);
    // Assess
    expect(result).toEqual({ messageId: 'ses-1' });
    const calls = ses.commandCalls(SendEmailCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]?.args[0].input;
    expect(input).toMatchObject({
      FromEmailAddress: settings.MAIL_FROM_ADDRESS,
      Destination: { ToAddresses: ['anna@partner.example'] },
      ConfigurationSetName: 'casetasks-prod-mail',
      EmailTags: [
        { Name: 'party', Value: 'partner' },
        { Name: 'org', Value: 'p-1' },
        { Name: 'user', Value: 'u-1' },
      ],
    });
    expect(input?.Content?.Template?.TemplateName).toBe('casetasks-prod-overdue');
    expect(JSON.parse(input?.Content?.Template?.TemplateData ?? '{}')).toEqual(mail.data);
    expect(input?.Content?.Template?.Headers).toEqual([
      { Name: 'List-Unsubscribe', Value: '<https://api.example/notifications/unsubscribe/tok>' },
      { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
    ]);
  });

  it.each(Object.keys(settings))('refuses to send without %s: a ConfigError naming it, nothing sent', async (name) => {
    // Prepare
    delete process.env[name];
    resetConfig();
    // Act
    const error = await mailSender()
      .send(mail)
      .catch((caught: unknown) => caught);
    // Assess
    expect(error).toMatchObject({ name: 'ConfigError', variable: name, retryable: false });
    expect(String((error as Error).message)).toContain(name);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });
});
