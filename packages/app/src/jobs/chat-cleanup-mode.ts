// Issue 23: whether the nightly cleanup may judge and close an org's chat tasks (off / shadow / on), and
// what a shadow night records instead of closing.
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Verdict } from '@casetasks/ai';
import type { ChatCleanupMode, Party, Task } from '@casetasks/core';
import { claimFirstCleanupNight, type Db, getOrgSettings, putShadowVerdict } from '@casetasks/db';
import { tasksDb } from '../runtime/clients.js';
import { config } from '../runtime/config.js';
import { metrics } from '../runtime/observability.js';
import type { ChatCleanupDeps } from './chat-cleanup-settings.js';

/**
 * Nights a deployment judges without closing when CHAT_CLEANUP_SHADOW_NIGHTS is absent: 0 (local mode and
 * tests close at once). A deployed stack always sets it (infra `chatCleanupShadowNights`, default 7).
 */
export const DEFAULT_CHAT_CLEANUP_SHADOW_NIGHTS = 0;
export const SHADOW_WOULD_CLOSE_METRIC = 'ChatCleanupShadowWouldClose';

export type ChatCleanupModeOf = (party: Party, orgId: string, now: Date) => Promise<ChatCleanupMode>;

const nightOf = (now: Date) => now.toISOString().slice(0, 10);
const nightsBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * The deployment's mode: shadow from its first night (remembered in the table) for `shadowNights`
 * nights, then on. A night before the remembered first one (a re-run of an old date) counts as shadow.
 */
export const deploymentMode = (firstNight: string, night: string, shadowNights: number): ChatCleanupMode =>
  nightsBetween(firstNight, night) < shadowNights ? 'shadow' : 'on';

/**
 * A lookup for one run: each org's settings read at most once (one GetItem) and the first night once, so
 * a setting changed during the night applies from the next run, as every org setting does.
 */
export const chatCleanupModeLookup = (
  db: Db,
  shadowNights: number = config().CHAT_CLEANUP_SHADOW_NIGHTS ?? DEFAULT_CHAT_CLEANUP_SHADOW_NIGHTS,
): ChatCleanupModeOf => {
  const orgs = new Map<string, Promise<ChatCleanupMode | 'deployment'>>();
  const firstNights = new Map<string, Promise<string>>();
  return async (party, orgId, now) => {
    const key = `${party}#${orgId}`;
    let org = orgs.get(key);
    if (!org) {
      org = getOrgSettings(db, party, orgId).then((settings) => settings.chatCleanup?.mode ?? 'deployment');
      // A failed read is not remembered: the org's next task tries again.
      org.catch(() => orgs.delete(key));
      orgs.set(key, org);
    }
    const mode = await org;
    if (mode !== 'deployment') return mode;
    // Nothing to remember when there is no shadow period: no write for it.
    if (shadowNights <= 0) return 'on';
    const night = nightOf(now);
    let first = firstNights.get(night);
    if (!first) {
      first = claimFirstCleanupNight(db, night);
      firstNights.set(night, first);
    }
    return deploymentMode(await first, night, shadowNights);
  };
};

const runLookups = new WeakMap<ChatCleanupDeps, ChatCleanupModeOf>();

/** The lookup of one run, known by the run's deps (one object per run), so the pass needs no extra argument. */
export const chatCleanupModeOfRun = (deps: ChatCleanupDeps): ChatCleanupModeOf => {
  let lookup = runLookups.get(deps);
  if (!lookup) {
    lookup = chatCleanupModeLookup(deps.db);
    runLookups.set(deps, lookup);
  }
  return lookup;
};

/** The mode of one org tonight, on the configured table (uncached: a run uses chatCleanupModeLookup). */
export const chatCleanupMode: ChatCleanupModeOf = (party, orgId, now) =>
  chatCleanupModeLookup(tasksDb())(party, orgId, now);

/** A shadow night's verdict: recorded for the report (180 days), never acted on. */
export const recordShadowVerdict = async (db: Db, task: Task, verdict: Verdict, now: Date): Promise<void> => {
  await putShadowVerdict(db, {
    party: task.accessLevel,
    orgId: task.orgId,
    night: nightOf(now),
    taskId: task.id,
    decision: verdict.decision,
    reason: verdict.reason,
    modelId: verdict.judge,
    ...(verdict.promptVersion === undefined ? {} : { promptVersion: verdict.promptVersion }),
    judgedAt: now.toISOString(),
  });
  if (verdict.decision === 'no_reply_needed') metrics.addMetric(SHADOW_WOULD_CLOSE_METRIC, MetricUnit.Count, 1);
};
