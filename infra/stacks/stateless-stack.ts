// The stateless stack: API, event rules and buses, workflow, jobs and alarms around the table of the stateful stack.
import { ArnFormat, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { Alarms } from '../constructs/alarms.js';
import { acknowledgeWildcardResource } from '../constructs/nag.js';
import { NightlyJobs } from '../constructs/nightly-jobs.js';
import { PausedCaseFollowUp } from '../constructs/paused-case-follow-up.js';
import { PlatformEvents } from '../constructs/platform-events.js';
import { PortalApi } from '../constructs/portal-api.js';
import { TasksTable } from '../constructs/tasks-table.js';
import type { Settings } from './settings.js';

export interface StatelessStackProps extends StackProps {
  /** The stateful stack's table stream (the only cross-stack reference; the table is addressed by name). */
  tableStreamArn: string;
  settings: Settings;
}

export class StatelessStack extends Stack {
  readonly api: PortalApi;
  readonly events: PlatformEvents;
  readonly workflow: PausedCaseFollowUp;
  readonly jobs: NightlyJobs;
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const table = TasksTable.reference(this, 'Tasks', {
      tableName: settings.tableName,
      tableStreamArn: props.tableStreamArn,
    });
    // The variables of packages/app/src/runtime/config.ts every function reads.
    const environment: Record<string, string> = {
      TABLE_NAME: table.tableName,
      EVENT_BUS_NAME: settings.serviceEventBusName,
      CALENDAR_TIME_ZONE: settings.calendarTimeZone,
      ...(settings.calendarCountry ? { CALENDAR_COUNTRY: settings.calendarCountry } : {}),
    };

    this.workflow = new PausedCaseFollowUp(this, 'PausedCaseFollowUp', { table, environment });
    this.api = new PortalApi(this, 'PortalApi', {
      table,
      environment,
      jwtIssuer: settings.jwtIssuer,
      jwtAudience: settings.jwtAudience,
      corsOrigins: settings.corsOrigins,
      rateLimit: settings.apiRateLimit,
      burstLimit: settings.apiBurstLimit,
    });
    this.events = new PlatformEvents(this, 'PlatformEvents', {
      table,
      environment,
      platformEventBusName: settings.platformEventBusName,
      serviceEventBusName: settings.serviceEventBusName,
    });
    const caseEvents = this.events.functions.get('case-events');
    if (!caseEvents)
      throw new Error('the event registry (@casetasks/events) has no case-events group to start the follow-up');
    this.letStartAndStopFollowUps(caseEvents, this.workflow.stateMachine);
    this.jobs = new NightlyJobs(this, 'NightlyJobs', { table, environment, bedrockModelId: settings.bedrockModelId });
    this.alarms = new Alarms(this, 'Alarms', {
      api: this.api.api,
      stateMachines: [this.workflow.stateMachine],
      ...(settings.alarmEmail ? { alarmEmail: settings.alarmEmail } : {}),
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.stage.url, description: 'Portal API base URL' });
    new CfnOutput(this, 'ServiceEventBusName', {
      value: this.events.serviceBus.eventBusName,
      description: 'Bus of the outgoing events (source casetasks)',
    });
    new CfnOutput(this, 'PlatformEventBusName', {
      value: this.events.platformBus.eventBusName,
      description: 'Bus the incoming platform events are read from',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn, description: 'Alarm notifications' });
    new CfnOutput(this, 'DashboardName', { value: this.alarms.dashboard.dashboardName });
  }

  /** Case status changes start and stop the paused-case follow-up: exactly these two actions, on this machine. */
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
