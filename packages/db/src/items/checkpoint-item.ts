// Job checkpoints: where an interrupted or time-boxed run resumes (one item per job and run key).
import { ttlAttribute } from '../table-definition.js';

export const CHECKPOINT_TTL_DAYS = 7;

export interface JobCheckpoint {
  job: string;
  /** Identifies one logical run, e.g. the night (2026-11-23) or `partner` + night. */
  runKey: string;
  /** Opaque resume position (e.g. shard and LastEvaluatedKey, JSON). */
  position: string;
  counts: Record<string, number>;
  done: boolean;
  updatedAt: string;
}

export const checkpointKey = (job: string, runKey: string) => ({ pk: `job#${job}`, sk: runKey });

export const toCheckpointItem = (checkpoint: JobCheckpoint) => ({
  ...checkpointKey(checkpoint.job, checkpoint.runKey),
  kind: 'checkpoint',
  ...checkpoint,
  [ttlAttribute]: Math.floor(Date.parse(checkpoint.updatedAt) / 1000) + CHECKPOINT_TTL_DAYS * 86_400,
});

export const fromCheckpointItem = (item: Record<string, unknown>): JobCheckpoint => ({
  job: String(item.job),
  runKey: String(item.runKey),
  position: String(item.position),
  // Only numeric counts: the summary adds to them.
  counts: Object.fromEntries(
    Object.entries(typeof item.counts === 'object' && item.counts !== null ? item.counts : {}).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1]),
    ),
  ),
  done: item.done === true,
  updatedAt: String(item.updatedAt),
});
