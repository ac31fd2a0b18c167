// Builds the whole app (both stacks and cdk-nag); infra/app.ts and the infra tests build exactly this.
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readSettings } from './settings.js';
import { StatefulStack } from './stateful-stack.js';
import { StatelessStack } from './stateless-stack.js';

export interface BuiltApp {
  app: App;
  stateful: StatefulStack;
  stateless: StatelessStack;
}

export const buildApp = (props: AppProps = {}): BuiltApp => {
  const app = new App(props);
  const settings = readSettings(app.node);
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const stateful = new StatefulStack(app, 'CasetasksData', {
    env,
    description: 'casetasks: the task table (stateful, retained)',
    tableName: settings.tableName,
  });
  const stateless = new StatelessStack(app, 'CasetasksService', {
    env,
    description: 'casetasks: API, event rules, workflow, jobs and alarms',
    // Always set: the table definition enables the stream (NEW_IMAGE feeds the outbox relay).
    tableStreamArn: stateful.table.tableStreamArn ?? '',
    settings,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stateful, stateless };
};
