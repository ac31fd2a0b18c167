// E-mail through SES v2: configuration set with bounce/complaint feedback, one template per kind, reminder mails.

import { mailTemplates } from '@casetasks/app/mail';
import { OUTGOING_EVENT_SOURCE } from '@casetasks/events';
import { Duration, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, type EventPattern, type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import {
  CfnTemplate,
  ConfigurationSet,
  EmailSendingEvent,
  EventDestination,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import type { MailSettings } from '../stacks/settings.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { deliveryPolicy, invocationPolicy } from './platform-events.js';
import { ServiceFunction } from './service-function.js';
import { grantTableAccess } from './tasks-table.js';

export interface EmailNotificationsProps {
  table: ITableV2;
  environment: Record<string, string>;
  serviceBus: IEventBus;
  mail: MailSettings;
  /** Per-stage prefix (`casetasks-<stage>`) of the configuration set and the template names. */
  namePrefix: string;
  /** Base URL of the API in mails (unsubscribe links): the API stage URL or the configured public one. */
  publicApiUrl: string;
}

/** The outgoing events a reminder mail is sent for (functions/events/mail-events.ts). */
export const reminderDetailTypes = ['Task Deadline Approaching', 'Task Overdue', 'Task Escalated'] as const;
/** What SES publishes to the default bus for this set, and the detail-types the feedback function turns into "off". */
export const feedbackEvents = [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT] as const;
export const feedbackDetailTypes = ['Email Bounced', 'Email Complaint Received'] as const;

/** SES template name of a kind: what the mail sender names in SendEmail (`${MAIL_TEMPLATE_PREFIX}-${kind}`). */
export const mailTemplateName = (prefix: string, kind: string): string => `${prefix}-${kind}`;

export class EmailNotifications extends Construct {
  readonly configurationSet: ConfigurationSet;
  /** MAIL_* and PUBLIC_API_URL: what every function that mails reads (packages/app/src/runtime/config.ts). */
  readonly environment: Record<string, string>;
  readonly reminders: IFunction;
  readonly feedback: IFunction;
  private readonly sendResources: string[];

  constructor(scope: Construct, id: string, props: EmailNotificationsProps) {
    super(scope, id);
    const configurationSetName = `${props.namePrefix}-mail`;
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName,
      reputationMetrics: true,
      sendingEnabled: true,
      // On top of the account-level list: an address that bounced or complained is never mailed again by SES.
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    // SES publishes only to the account's default bus.
    const defaultBus = EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    this.configurationSet.addEventDestination('Feedback', {
      destination: EventDestination.eventBus(defaultBus),
      events: [...feedbackEvents],
    });
    const templateNames = Object.entries(mailTemplates).map(([kind, template]) => {
      const templateName = mailTemplateName(props.namePrefix, kind);
      new CfnTemplate(this, `Template-${kind}`, {
        template: { templateName, subjectPart: template.subject, htmlPart: template.html, textPart: template.text },
      });
      return templateName;
    });
    const stack = Stack.of(this);
    const sesArn = (resource: string, resourceName: string) =>
      stack.formatArn({ service: 'ses', resource, resourceName });
    this.sendResources = [
      sesArn('identity', props.mail.identity),
      sesArn('configuration-set', configurationSetName),
      ...templateNames.map((name) => sesArn('template', name)),
    ];
    this.environment = {
      MAIL_FROM_ADDRESS: props.mail.fromAddress,
      MAIL_CONFIGURATION_SET: configurationSetName,
      MAIL_TEMPLATE_PREFIX: props.namePrefix,
      PUBLIC_API_URL: props.publicApiUrl,
    };
    const environment = { ...props.environment, ...this.environment };

    this.reminders = this.eventFunction('mail-events', props.table, environment, {
      description: 'casetasks reminder mails: Task Deadline Approaching, Task Overdue, Task Escalated',
      bus: props.serviceBus,
      pattern: { source: [OUTGOING_EVENT_SOURCE], detailType: [...reminderDetailTypes] },
    });
    this.allowSending(this.reminders);
    this.feedback = this.eventFunction('mail-feedback', props.table, props.environment, {
      description: 'casetasks mail feedback: SES bounces and complaints turn the user mail off',
      bus: defaultBus,
      // Only this stage's set: several stages may share the account's default bus.
      pattern: {
        source: ['aws.ses'],
        detailType: [...feedbackDetailTypes],
        detail: { mail: { tags: { 'ses:configuration-set': [configurationSetName] } } },
      },
    });
  }

  /** `ses:SendEmail` (SES v2, templated sends included) as the configured identity, through this set and templates. */
  allowSending(fn: IFunction): void {
    fn.addToRolePolicy(new PolicyStatement({ actions: ['ses:SendEmail'], resources: this.sendResources }));
  }

  /** A function behind a rule: two async retries then its failure queue; EventBridge's own failures to a second one. */
  private eventFunction(
    name: 'mail-events' | 'mail-feedback',
    table: ITableV2,
    environment: Record<string, string>,
    rule: { description: string; bus: IEventBus; pattern: EventPattern },
  ): IFunction {
    const group = new Construct(this, name);
    const { fn } = new ServiceFunction(group, 'Handler', {
      entry: `functions/events/${name}.ts`,
      description: rule.description,
      environment,
      timeout: Duration.seconds(30),
    });
    grantTableAccess(table, fn, 'readWrite');
    const failed = new DeadLetterQueue(group, 'FailedDlq', `${name}: events the function rejected or failed on`);
    fn.configureAsyncInvoke({ ...invocationPolicy, onFailure: new SqsDestination(failed.queue) });
    const undelivered = new DeadLetterQueue(group, 'RuleDlq', `${name}: events EventBridge could not deliver`);
    new Rule(group, 'Rule', {
      eventBus: rule.bus,
      description: rule.description,
      eventPattern: rule.pattern,
      targets: [new LambdaFunction(fn, { ...deliveryPolicy, deadLetterQueue: undelivered.queue })],
    });
    return fn;
  }
}
