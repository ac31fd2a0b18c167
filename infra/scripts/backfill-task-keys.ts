// `npm run backfill:task-keys -- --stage <stage> [--dry-run] [--segments N]`: issue 20's one-off migration of a
// stage's open tasks (packages/db/src/maintenance/backfill-task-keys.ts), run by an operator with their own
// credentials (AWS_PROFILE, AWS_REGION). It scans the table: the functions' roles have no Scan and never will.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '@casetasks/db';
import { type BackfillCounts, backfillTaskKeys } from '@casetasks/db/maintenance';
import { SYNTH_CHECK_STAGE, stageNames, stageSchema } from '../stacks/settings.js';

/** A command line that cannot run; exits 2 with the reason. */
export class BackfillCommandError extends Error {
  override readonly name = 'BackfillCommandError';
}

export interface BackfillCommand {
  tableName: string;
  dryRun: boolean;
  segments: number;
}

/** The stage's table and the options, or why not. */
export const backfillCommand = (argv: readonly string[]): BackfillCommand => {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      stage: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      segments: { type: 'string', default: '4' },
    },
  });
  if (!values.stage) throw new BackfillCommandError('usage: --stage <stage> [--dry-run] [--segments N]');
  const stage = stageSchema.safeParse(values.stage);
  if (!stage.success) {
    throw new BackfillCommandError(`stage ${JSON.stringify(values.stage)}: ${stage.error.issues[0]?.message}`);
  }
  if (stage.data === SYNTH_CHECK_STAGE) throw new BackfillCommandError(`${SYNTH_CHECK_STAGE} has no table`);
  const segments = Number(values.segments);
  if (!Number.isInteger(segments) || segments < 1 || segments > 64) {
    throw new BackfillCommandError('--segments is a whole number from 1 to 64');
  }
  return { tableName: stageNames(stage.data).table, dryRun: values['dry-run'], segments };
};

const line = (counts: BackfillCounts, dryRun: boolean) =>
  `scanned ${counts.scanned}, ${dryRun ? 'would re-key' : 're-keyed'} ${counts.rekeyed}, current ${counts.current}, ` +
  `skipped ${counts.skipped}, unreadable ${counts.unreadable}`;

const main = async (): Promise<number> => {
  let command: BackfillCommand;
  try {
    command = backfillCommand(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BackfillCommandError || (error as Error).name === 'TypeError')) throw error;
    console.error(`backfill:task-keys: ${(error as Error).message}`);
    return 2;
  }
  const { tableName, dryRun, segments } = command;
  console.error(`> backfill of ${tableName}${dryRun ? ' (dry run: nothing is written)' : ''}, ${segments} segments`);
  const db = createDb(tableName);
  const counts = await backfillTaskKeys(db, {
    segments,
    dryRun,
    onProgress: (running) => console.error(`  … ${line(running, dryRun)}`),
    onUnreadable: (item, reason) => console.error(`  unreadable ${item.pk} / ${item.sk}: ${reason}`),
  });
  db.client.destroy();
  console.log(`done: ${line(counts, dryRun)}`);
  if (!dryRun && counts.rekeyed + counts.skipped > 0) console.log('run it again until it re-keys and skips 0');
  return 0;
};

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) process.exitCode = await main();
