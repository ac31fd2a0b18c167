// The nightly chat cleanup (02:00 UTC): an AI judge resolves overdue "New Message" tasks that need no reply.
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Party } from '@casetasks/core';
import * as z from 'zod';
import { tasksDb } from '../runtime/clients.js';
import { logger, metrics } from '../runtime/observability.js';
import { cleanParty, type PartyResult } from './chat-cleanup-party.js';
import {
  addCounts,
  CHAT_CLEANUP_JOB,
  type ChatCleanupCounts,
  type ChatCleanupDeps,
  defaultChatCleanupSettings,
  zeroCounts,
} from './chat-cleanup-settings.js';
import { configuredJudge } from './chat-judge.js';
import type { JobInput, JobSummary } from './job-contract.js';

/** Partner tasks first, then creditor tasks: each party is its own run with its own checkpoint (seed 001). */
const PARTIES: readonly Party[] = ['partner', 'creditor'];

/** What a continuation needs from the summary: the same logical `now`, hence the same night and cut-off. */
const continuationSchema = z.object({ now: z.iso.datetime({ offset: true }) });
const nowOf = (input: JobInput, clock: () => number): Date => {
  if (input.checkpoint) return new Date(continuationSchema.parse(JSON.parse(input.checkpoint)).now);
  return new Date(input.now ?? clock());
};

/** The issue-23 metric names (alarms and dashboards use these), each from one count. */
const namedMetrics = {
  ChatCleanupResolved: 'resolved',
  ChatCleanupReplyNeeded: 'replyNeeded',
  ChatCleanupUnsure: 'unsure',
  ChatCleanupFailed: 'failed',
  ChatCleanupInputTokens: 'inputTokens',
  ChatCleanupOutputTokens: 'outputTokens',
} as const satisfies Record<string, keyof ChatCleanupCounts>;

/**
 * The named metrics, plus the original evaluated / resolved / kept / failed (existing alarms and
 * dashboards watch those), with or without the party dimension.
 */
const publishCounts = (target: typeof metrics, counts: ChatCleanupCounts) => {
  for (const name of ['evaluated', 'resolved', 'kept', 'failed'] as const) {
    target.addMetric(name, MetricUnit.Count, counts[name]);
  }
  for (const [metric, name] of Object.entries(namedMetrics)) {
    target.addMetric(metric, MetricUnit.Count, counts[name]);
  }
};

/** 1 when a pass stopped because the model cannot be called (the "model unavailable" alarm), else 0. */
const publishModelUnavailable = (stopped: boolean) =>
  metrics.addMetric('ChatCleanupModelUnavailable', MetricUnit.Count, stopped ? 1 : 0);

const publishPartyMetrics = (party: Party, counts: ChatCleanupCounts) => {
  const single = metrics.singleMetric();
  single.addDimension('party', party);
  publishCounts(single, counts);
};

/** The configured table, judge (Bedrock when deployed, offline locally), wall clock and settings. */
const configuredDeps = (): ChatCleanupDeps => ({
  db: tasksDb(),
  judge: configuredJudge(),
  clock: Date.now,
  settings: defaultChatCleanupSettings,
});

/** The job: each party in turn, within one time budget; unfinished work continues in the next invocation. */
export const runChatCleanup = async (
  input: JobInput = {},
  deps: ChatCleanupDeps = configuredDeps(),
): Promise<JobSummary> => {
  const startedAt = deps.clock();
  const now = nowOf(input, deps.clock);
  const deadline = startedAt + deps.settings.budgetMs;
  const parties: Partial<Record<Party, PartyResult>> = {};
  for (const party of PARTIES) {
    const result = await cleanParty(deps, party, now, deadline);
    parties[party] = result;
    publishPartyMetrics(party, result);
    logger.info('chat cleanup party finished', { party, ...result });
    if (result.state === 'stopped') break;
  }
  const total = Object.values(parties).reduce<ChatCleanupCounts>((sum, result) => addCounts(sum, result), zeroCounts());
  publishCounts(metrics, total);
  const stopReason = Object.values(parties).find((result) => result.stopReason)?.stopReason;
  publishModelUnavailable(stopReason === 'model_unavailable');
  const finished = PARTIES.every((party) => parties[party]?.state === 'done');
  return {
    job: CHAT_CLEANUP_JOB,
    now: now.toISOString(),
    counts: { ...total },
    parties,
    judge: deps.judge.name,
    ...(stopReason ? { stopReason } : {}),
    ...(finished ? {} : { checkpoint: JSON.stringify({ now: now.toISOString() }) }),
    durationMs: deps.clock() - startedAt,
  };
};
