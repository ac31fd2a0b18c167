// Builds the whole app for one stage (both stacks and cdk-nag); infra/app.ts and the infra tests build exactly this.
import { App, type AppProps, Aws, CfnRule, Fn, type Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  DeploymentConfigError,
  deployableRegions,
  readSettings,
  regionProblems,
  type Settings,
  SYNTH_CHECK_STAGE,
} from './settings.js';
import { StatefulStack } from './stateful-stack.js';
import { StatelessStack } from './stateless-stack.js';

export interface BuiltApp {
  app: App;
  settings: Settings;
  stateful: StatefulStack;
  stateless: StatelessStack;
}

/**
 * The synth-check stage's templates carry a CloudFormation rule that can never hold, so even a
 * `cdk deploy` that bypasses `npm run deploy` is refused before anything is created.
 */
const refuseDeployment = (stack: Stack): void => {
  new CfnRule(stack, 'SynthCheckIsNotDeployable', {
    assertions: [
      {
        assert: Fn.conditionEquals(SYNTH_CHECK_STAGE, 'a deployable stage'),
        assertDescription: `The ${SYNTH_CHECK_STAGE} stage is for offline synth only: deploy a real stage (docs/operations.md).`,
      },
    ],
  });
};

/** CloudFormation refuses to create the stack outside `regions`, whatever region the deploying CLI picked. */
const pinRegions = (stack: Stack, regions: string[]): void => {
  new CfnRule(stack, 'AllowedRegionsOnly', {
    assertions: [
      {
        assert: Fn.conditionContains(regions, Aws.REGION),
        assertDescription: `casetasks deploys to ${regions.join(', ')} only (data residency and the model's regions: docs/chat-cleanup.md).`,
      },
    ],
  });
};

export const buildApp = (props: AppProps = {}): BuiltApp => {
  const app = new App(props);
  const settings = readSettings(app.node);
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  // Data residency, early: the region `cdk deploy` gives. Not for the offline synth-check stage, where the CLI
  // falls back to us-east-1 when no region is configured; the stacks' region rule (below) holds at deploy anyway.
  const misplaced = settings.stage === SYNTH_CHECK_STAGE ? [] : regionProblems(settings, env.region);
  if (misplaced.length > 0) throw new DeploymentConfigError(settings.stage, misplaced);
  const stateful = new StatefulStack(app, settings.names.dataStack, {
    env,
    description: `casetasks ${settings.stage}: the task table (stateful, retained)`,
    tableName: settings.names.table,
    tableIndexes: settings.tableIndexes,
    ...(settings.identity === 'cognito' ? { userPoolPrefix: settings.names.prefix } : {}),
  });
  const stateless = new StatelessStack(app, settings.names.serviceStack, {
    env,
    description: `casetasks ${settings.stage}: API, event rules, workflow, jobs and alarms`,
    // Always set: the table definition enables the stream (NEW_IMAGE feeds the outbox relay).
    tableStreamArn: stateful.table.tableStreamArn ?? '',
    settings,
    ...(stateful.identity
      ? {
          tokens: { issuer: stateful.identity.issuer, audience: stateful.identity.audience },
          identityTrigger: stateful.identity.trigger.fn,
        }
      : {}),
  });
  if (settings.stage === SYNTH_CHECK_STAGE) for (const stack of [stateful, stateless]) refuseDeployment(stack);
  const regions = deployableRegions(settings);
  if (regions) for (const stack of [stateful, stateless]) pinRegions(stack, regions);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, settings, stateful, stateless };
};
