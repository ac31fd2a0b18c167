// The stateless stack: API, event rules and buses, workflow, jobs and alarms around the table of the stateful stack.
import { ArnFormat, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { type IFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { httpRoutes } from '../../functions/http/routes.js';
import { Alarms } from '../constructs/alarms.js';
import { EmailNotifications } from '../constructs/email-notifications.js';
import { acknowledgeWildcardResource } from '../constructs/nag.js';
import { NightlyJobs } from '../constructs/nightly-jobs.js';
import { PausedCaseFollowUp } from '../constructs/paused-case-follow-up.js';
import { PlatformEvents } from '../constructs/platform-events.js';
import { PortalApi } from '../constructs/portal-api.js';
import { TasksTable } from '../constructs/tasks-table.js';
import { deliveryQueueMaxAge, WebhookDelivery } from '../constructs/webhook-delivery.js';
import { deploymentCalendarEnvironment } from './deployment-calendar.js';
import type { Settings } from './settings.js';

/** The one route that mails (the confirmation code, `confirm` template); its group gets the mail settings. */
const mailingRoutePath = '/me/notifications/confirm';

export interface StatelessStackProps extends StackProps {
  /**
   * The stateful stack's table stream (with the Cognito pool's ids and its trigger's name, the only cross-stack
   * references; the table is addressed by name).
   */
  tableStreamArn: string;
  settings: Settings;
  /** The issuer and audience of a Cognito stage's pool (stateful stack); absent = settings.jwtIssuer/jwtAudience. */
  tokens?: { issuer: string; audience: string[] };
  /** A Cognito stage's pre-token-generation trigger (stateful stack): alarmed on this stack's topic like every function. */
  identityTrigger?: IFunction;
}

/** Who the JWT authorizer trusts: the stage's Cognito pool, else the configured identity provider. */
const tokenSettings = ({ tokens, settings }: StatelessStackProps) => {
  const jwtIssuer = tokens?.issuer ?? settings.jwtIssuer;
  const jwtAudience = tokens?.audience ?? settings.jwtAudience;
  // readSettings refuses an external stage without them; this keeps a programming error from deploying a placeholder.
  if (!jwtIssuer || !jwtAudience) throw new Error('the portal API needs a token issuer and audience');
  return { jwtIssuer, jwtAudience };
};

export class StatelessStack extends Stack {
  readonly api: PortalApi;
  readonly events: PlatformEvents;
  readonly workflow: PausedCaseFollowUp;
  readonly jobs: NightlyJobs;
  readonly webhooks: WebhookDelivery;
  /** Absent when the stage has no mailFromAddress: no e-mail resources at all. */
  readonly mail?: EmailNotifications;
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const { names } = settings;
    const table = TasksTable.reference(this, 'Tasks', {
      tableName: names.table,
      tableStreamArn: props.tableStreamArn,
    });
    // The variables of packages/app/src/runtime/config.ts every function reads (deployed, a missing one throws).
    const environment: Record<string, string> = {
      TABLE_NAME: table.tableName,
      EVENT_BUS_NAME: names.serviceBus,
      // Per stage, so two stages in one account never share a metric (the alarms watch this dimension).
      POWERTOOLS_SERVICE_NAME: names.service,
      ...deploymentCalendarEnvironment(settings.calendarTimeZone, settings.calendarCountry),
    };

    this.workflow = new PausedCaseFollowUp(this, 'PausedCaseFollowUp', {
      table,
      environment,
      stateMachineName: names.stateMachine,
    });
    this.api = new PortalApi(this, 'PortalApi', {
      table,
      environment,
      apiName: names.api,
      ...tokenSettings(props),
      corsOrigins: settings.corsOrigins,
      rateLimit: settings.apiRateLimit,
      burstLimit: settings.apiBurstLimit,
    });
    this.events = new PlatformEvents(this, 'PlatformEvents', {
      table,
      environment,
      platformBus: settings.platformBus,
      serviceEventBusName: names.serviceBus,
    });
    // Every event function bundles every rule: a parked survey applied by Quote Winner Selected starts a
    // follow-up from quote-events, and a DLQ redriven to another group's function must not fail half-way.
    for (const fn of this.events.functions.values()) this.letStartAndStopFollowUps(fn, this.workflow.stateMachine);
    this.webhooks = new WebhookDelivery(this, 'WebhookDelivery', {
      table,
      environment,
      serviceBus: this.events.serviceBus,
      maxConcurrency: settings.webhookMaxConcurrency,
    });
    if (settings.mail) {
      this.mail = new EmailNotifications(this, 'EmailNotifications', {
        table,
        environment,
        serviceBus: this.events.serviceBus,
        mail: settings.mail,
        namePrefix: names.prefix,
        publicApiUrl: settings.publicApiUrl ?? this.api.stage.url,
      });
      this.letRoutesMail(this.mail);
    }
    this.jobs = new NightlyJobs(this, 'NightlyJobs', {
      table,
      environment,
      bedrockModel: settings.bedrockModel,
      chatCleanupShadowNights: settings.chatCleanupShadowNights,
      ...(this.mail ? { mail: this.mail } : {}),
    });
    this.alarms = new Alarms(this, 'Alarms', {
      api: this.api.api,
      stateMachines: [this.workflow.stateMachine],
      namePrefix: names.prefix,
      serviceName: names.service,
      dashboardName: names.dashboard,
      ...(settings.alarmEmail ? { alarmEmail: settings.alarmEmail } : {}),
      ...(settings.alarmTopicArn ? { alarmTopicArn: settings.alarmTopicArn } : {}),
      ...(props.identityTrigger ? { functionsOfOtherStacks: [props.identityTrigger] } : {}),
      queueAges: [
        {
          name: 'WebhookDelivery',
          queue: this.webhooks.queue,
          maxAge: deliveryQueueMaxAge,
          description:
            'A webhook delivery has waited longer than its whole retry schedule: the delivery function is failing or throttled. Runbook: docs/operations.md.',
        },
      ],
    });

    new CfnOutput(this, 'Stage', { value: settings.stage, description: 'Deployment stage of these stacks' });
    new CfnOutput(this, 'ApiUrl', { value: this.api.stage.url, description: 'Portal API base URL' });
    new CfnOutput(this, 'ServiceEventBusName', {
      value: this.events.serviceBus.eventBusName,
      description: 'Bus of the outgoing events (source casetasks)',
    });
    new CfnOutput(this, 'PlatformEventBusName', {
      value: this.events.platformBus.eventBusName,
      description: 'Bus the incoming platform events are read from',
    });
    new CfnOutput(this, 'PlatformEventBusArn', {
      value: this.events.platformBus.eventBusArn,
      description: 'Target of the platform account’s forwarding rule (cross-account set-up)',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn, description: 'Alarm notifications' });
    new CfnOutput(this, 'DashboardName', { value: names.dashboard });
  }

  /** The route group serving the address confirmation sends that mail: mail settings and send rights. */
  private letRoutesMail(mail: EmailNotifications): void {
    const entries = new Set(httpRoutes.filter((route) => route.path === mailingRoutePath).map((route) => route.entry));
    for (const entry of entries) {
      const fn = this.api.functions.get(entry);
      if (!(fn instanceof LambdaFunction)) throw new Error(`no function for the route group ${entry}`);
      for (const [name, value] of Object.entries(mail.environment)) fn.addEnvironment(name, value);
      mail.allowSending(fn);
    }
  }

  /** The function may start and stop the paused-case follow-up: exactly these two actions, on this machine. */
  private letStartAndStopFollowUps(fn: NodejsFunction, stateMachine: IStateMachine): void {
    stateMachine.grantStartExecution(fn);
    stateMachine.grantExecution(fn, 'states:StopExecution');
    acknowledgeWildcardResource(
      fn.role ?? fn,
      this.formatArn({
        service: 'states',
        resource: 'execution',
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        resourceName: `${this.splitArn(stateMachine.stateMachineArn, ArnFormat.COLON_RESOURCE_NAME).resourceName}:*`,
      }),
      'StopExecution on executions of this one state machine; execution names are per case and pause.',
    );
    fn.addEnvironment('PAUSED_CASE_STATE_MACHINE_ARN', stateMachine.stateMachineArn);
  }
}
