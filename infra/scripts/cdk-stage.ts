// `npm run deploy | diff | destroy`: one stage's stacks through the pinned CDK CLI; refuses a missing stage and synth-check.
// `npm run bootstrap`: CDK's own stack in an account and region, once, for every stage.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { SYNTH_CHECK_STAGE, stageNames, stageSchema } from '../stacks/settings.js';

export const stageActions = ['deploy', 'diff', 'destroy', 'bootstrap'] as const;
export type StageAction = (typeof stageActions)[number];

/** A command line that must not reach the CLI; exits 2 with the reason. */
export class StageCommandError extends Error {
  override readonly name = 'StageCommandError';
}

const stageArgument = /^stage=(.*)$/;

/** Takes the stage out of `-c stage=…`, `--context stage=…` or `--context=stage=…`; everything else passes through. */
const splitStage = (argv: readonly string[]): { stage: string | undefined; rest: string[] } => {
  let stage: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    const inline = /^(?:-c|--context)=(stage=.*)$/.exec(arg)?.[1];
    const separate = (arg === '-c' || arg === '--context') && next && stageArgument.test(next) ? next : undefined;
    const value = stageArgument.exec(inline ?? separate ?? '')?.[1];
    if (value === undefined) {
      rest.push(arg);
      continue;
    }
    if (stage !== undefined && stage !== value) throw new StageCommandError(`two stages given: ${stage} and ${value}`);
    stage = value;
    if (separate) i += 1;
  }
  return { stage, rest };
};

/**
 * The CDK CLI arguments for `action` on one stage. deploy: both stacks of the stage; diff: both;
 * destroy: the service stack only, because the data stack holds the retained table (deleting the
 * stack would orphan it, and the next deploy of the stage would fail on the existing table name).
 */
export const cdkArguments = (action: StageAction, argv: readonly string[], env: NodeJS.ProcessEnv): string[] => {
  const { stage: fromArgs, rest } = splitStage(argv);
  if (action === 'bootstrap') {
    if (fromArgs)
      throw new StageCommandError('bootstrap is once per account and region, for every stage: give no stage');
    // The CLI synthesizes the app even to bootstrap (cdk.json names it); the offline stage needs no stage file.
    return ['bootstrap', '--no-notices', '-c', `stage=${SYNTH_CHECK_STAGE}`, ...rest];
  }
  const fromEnv = env.STAGE || undefined;
  if (fromArgs && fromEnv && fromArgs !== fromEnv) {
    throw new StageCommandError(`STAGE=${fromEnv} and -c stage=${fromArgs} disagree: give one`);
  }
  const stage = fromArgs ?? fromEnv;
  if (!stage) {
    throw new StageCommandError(
      `npm run ${action} needs a stage: npm run ${action} -- -c stage=dev (or STAGE=dev npm run ${action})`,
    );
  }
  const valid = stageSchema.safeParse(stage);
  if (!valid.success) throw new StageCommandError(`stage ${JSON.stringify(stage)}: ${valid.error.issues[0]?.message}`);
  if (stage === SYNTH_CHECK_STAGE) {
    throw new StageCommandError(
      `the ${SYNTH_CHECK_STAGE} stage only exists for the offline synth (npm run synth): its values are placeholders`,
    );
  }
  const targets = { deploy: ['--all'], diff: [], destroy: [stageNames(stage).serviceStack] }[action];
  return [action, ...targets, '--no-notices', '-c', `stage=${stage}`, ...rest];
};

const main = (): number => {
  const [action, ...argv] = process.argv.slice(2);
  try {
    if (!stageActions.includes(action as StageAction)) {
      throw new StageCommandError(`usage: cdk-stage.ts ${stageActions.join('|')} -c stage=<stage> [cdk options]`);
    }
    const args = cdkArguments(action as StageAction, argv, process.env);
    // The repository's pinned CLI (TOOLCHAIN.md): a global or `latest` cdk cannot read these assemblies.
    const cdk = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'cdk');
    console.error(`> cdk ${args.join(' ')}`);
    return spawnSync(cdk, args, { stdio: 'inherit' }).status ?? 1;
  } catch (error) {
    if (!(error instanceof StageCommandError)) throw error;
    console.error(`casetasks ${action ?? ''}: ${error.message}`);
    return 2;
  }
};

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) process.exitCode = main();
