// E-mail: SES set with feedback to the default bus, one template per kind, reminder and feedback rules, scoped sends.
import { type Job, jobs } from '@casetasks/app/jobs';
import { mailTemplates } from '@casetasks/app/mail';
import { OUTGOING_EVENT_SOURCE } from '@casetasks/events';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import {
  buildTestApp,
  completeStageContext,
  idStartingWith,
  referencedId,
  resourcesOf,
  roleOfFunction,
  statementsOfRole,
} from '../testing/test-app.js';

const kinds = Object.keys(mailTemplates);
const sesArn = (resource: string) => ({
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':ses:',
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      `:${resource}`,
    ],
  ],
});

describe('EmailNotifications', () => {
  // Prepare: synth-check sends as tasks@mail.synth-check.invalid
  const { service } = buildTestApp();
  const functions = resourcesOf(service, 'AWS::Lambda::Function');
  const rules = resourcesOf(service, 'AWS::Events::Rule');
  const idOf = (prefix: string) => idStartingWith(functions, prefix);
  const ruleTo = (fnId: string) =>
    Object.values(rules).find((r) => referencedId((r.Properties.Targets as { Arn: unknown }[])[0]?.Arn) === fnId);
  const sesStatements = (id: string) =>
    statementsOfRole(service, roleOfFunction(functions[id] as NonNullable<(typeof functions)[string]>)).filter((s) =>
      s.Action.some((a) => a.startsWith('ses:')),
    );
  const remindersId = idOf('EmailNotificationsmailevents');
  const feedbackId = idOf('EmailNotificationsmailfeedback');
  const digestId = idOf('NightlyJobsmaildigests');
  // The group serving POST /me/notifications/confirm mails the confirmation code.
  const confirmId = idOf('PortalApisettings');

  it('creates one SES template per kind of mailTemplates, named <prefix>-<kind>, with its sources', () => {
    expect(kinds.sort()).toEqual(['confirm', 'digest', 'approaching', 'escalated', 'overdue'].sort());
    service.resourceCountIs('AWS::SES::Template', kinds.length);
    for (const [kind, template] of Object.entries(mailTemplates)) {
      service.hasResourceProperties('AWS::SES::Template', {
        Template: {
          TemplateName: `casetasks-synth-check-${kind}`,
          SubjectPart: template.subject,
          HtmlPart: template.html,
          TextPart: template.text,
        },
      });
    }
  });

  it('sends through a configuration set with reputation metrics, suppression and bounces/complaints to the default bus', () => {
    service.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: 'casetasks-synth-check-mail',
      ReputationOptions: { ReputationMetricsEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    service.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: Match.stringLikeRegexp('ConfigurationSet') },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        EventBridgeDestination: { EventBusArn: Match.objectLike({ 'Fn::Join': Match.anyValue() }) },
      },
    });
    const destination = Object.values(resourcesOf(service, 'AWS::SES::ConfigurationSetEventDestination'))[0];
    expect(JSON.stringify(destination?.Properties)).toContain(':event-bus/default');
  });

  it('routes this set’s bounces and complaints on the default bus to the feedback function', () => {
    const rule = ruleTo(feedbackId);
    expect(rule?.Properties.EventBusName).toBe('default');
    expect(rule?.Properties.EventPattern).toEqual({
      source: ['aws.ses'],
      'detail-type': ['Email Bounced', 'Email Complaint Received'],
      detail: { mail: { tags: { 'ses:configuration-set': ['casetasks-synth-check-mail'] } } },
    });
  });

  it('routes the three reminder events of the service bus to the reminder function, with retries and DLQs', () => {
    const rule = ruleTo(remindersId);
    expect(rule?.Properties.EventPattern).toEqual({
      source: [OUTGOING_EVENT_SOURCE],
      'detail-type': ['Task Deadline Approaching', 'Task Overdue', 'Task Escalated'],
    });
    expect((rule?.Properties.Targets as unknown[] | undefined)?.[0]).toMatchObject({
      RetryPolicy: { MaximumRetryAttempts: 8 },
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.stringMatching(/maileventsRuleDlq/), 'Arn'] } },
    });
    for (const id of [remindersId, feedbackId]) {
      service.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: id },
        DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      });
    }
  });

  it('gives the mailing functions the mail settings and the API URL for unsubscribe links', () => {
    for (const id of [remindersId, digestId, confirmId]) {
      expect(functions[id]?.Properties.Environment).toMatchObject({
        Variables: {
          MAIL_FROM_ADDRESS: 'tasks@mail.synth-check.invalid',
          MAIL_CONFIGURATION_SET: 'casetasks-synth-check-mail',
          MAIL_TEMPLATE_PREFIX: 'casetasks-synth-check',
          PUBLIC_API_URL: { 'Fn::Join': expect.anything() },
        },
      });
    }
  });

  it('lets only the mailing functions send, only as the identity, through the set and with the templates', () => {
    const expected = [
      sesArn('identity/mail.synth-check.invalid'),
      sesArn('configuration-set/casetasks-synth-check-mail'),
      ...Object.keys(mailTemplates).map((kind) => sesArn(`template/casetasks-synth-check-${kind}`)),
    ];
    const senders = Object.keys(functions).filter((id) => sesStatements(id).length > 0);
    expect(senders.sort()).toEqual([remindersId, digestId, confirmId].sort());
    for (const id of senders) {
      const statements = sesStatements(id);
      expect(statements.flatMap((s) => s.Action)).toEqual(statements.map(() => 'ses:SendEmail'));
      const sorted = (resources: unknown[]) => resources.map((r) => JSON.stringify(r)).sort();
      expect(sorted(statements.flatMap((s) => s.Resource))).toEqual(sorted(expected));
    }
  });
});

describe('a stage without mailFromAddress', { timeout: 60_000 }, () => {
  it('creates no e-mail resource and no mailing job, and no function is told to mail', () => {
    // Act
    const { service } = buildTestApp(completeStageContext('prod'));
    // Assess
    for (const type of ['AWS::SES::ConfigurationSet', 'AWS::SES::Template']) service.resourceCountIs(type, 0);
    const functions = Object.values(resourcesOf(service, 'AWS::Lambda::Function'));
    const mailJobs = (jobs as readonly Job[]).filter((job) => job.lambda.mail === true);
    expect(mailJobs.length).toBeGreaterThan(0);
    for (const fn of functions) {
      expect(String(fn.Properties.Description)).not.toMatch(/reminder mails|mail feedback/);
      expect(Object.keys((fn.Properties.Environment as { Variables: object }).Variables)).not.toContain(
        'MAIL_FROM_ADDRESS',
      );
    }
  });
});
