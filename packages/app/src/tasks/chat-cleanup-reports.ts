// What the chat cleanup left for people to review (issue 23): a shadow night's would-close list and the
// labelled examples from reopened tasks, exported in the corpus format.
import { boundedDateSchema, ForbiddenError, type Principal } from '@casetasks/core';
import { reopenExamples, shadowVerdictsOfNight } from '@casetasks/db';
import * as z from 'zod';
import { tasksDb } from '../runtime/clients.js';

export const shadowReportQuerySchema = z.strictObject({
  night: boundedDateSchema.optional().describe('The night (YYYY-MM-DD, UTC) of the run; default: the latest'),
});

const wouldCloseSchema = z.object({
  taskId: z.string(),
  reason: z.string().describe("The judge's reason, in English"),
  modelId: z.string(),
  promptVersion: z.string().optional(),
  judgedAt: z.iso.datetime(),
});

export const shadowReportSchema = z
  .object({
    night: z.string(),
    judged: z.number().int().describe('Tasks of the org judged in shadow that night'),
    replyNeeded: z.number().int(),
    unsure: z.number().int(),
    wouldClose: z.array(wouldCloseSchema).describe('Tasks the cleanup would have closed, with the reasons'),
  })
  .meta({ id: 'ChatCleanupShadowReport' });
export type ShadowReport = z.infer<typeof shadowReportSchema>;

/** Owners and managers: what a shadow night would have closed in the caller's org. */
export const chatCleanupShadowReport = async (
  principal: Principal,
  requested: string | undefined,
  now: Date,
): Promise<ShadowReport> => {
  // The run starts after midnight UTC and is keyed by its date: today's is the latest night.
  const night = requested ?? now.toISOString().slice(0, 10);
  if (principal.role === 'contributor') throw new ForbiddenError('only owners and managers see the shadow report');
  const verdicts = await shadowVerdictsOfNight(tasksDb(), principal.party, principal.orgId, night);
  const count = (decision: string) => verdicts.filter((verdict) => verdict.decision === decision).length;
  return {
    night,
    judged: verdicts.length,
    replyNeeded: count('reply_needed'),
    unsure: count('unsure'),
    wouldClose: verdicts
      .filter((verdict) => verdict.decision === 'no_reply_needed')
      .map(({ taskId, reason, modelId, promptVersion, judgedAt }) => ({
        taskId,
        reason,
        modelId,
        ...(promptVersion === undefined ? {} : { promptVersion }),
        judgedAt,
      })),
  };
};

const exampleSchema = z.object({
  id: z.string(),
  language: z.string().describe('unknown until a reviewer sets it when adding the example to the corpus'),
  messages: z.array(z.object({ direction: z.enum(['inbound', 'outbound']), text: z.string(), ageHours: z.number() })),
  label: z.literal('reply_needed'),
  mustKeep: z.literal(true),
  category: z.literal('reopened'),
  source: z.literal('reopened'),
  taskId: z.string(),
  reopenedAt: z.iso.datetime(),
  reopenedBy: z.string(),
  reason: z.string(),
  modelId: z.string().optional(),
  aiReason: z.string().optional().describe("The judge's reason for closing, while its verdict is kept (180 days)"),
});

export const chatCleanupExamplesSchema = z
  .object({ examples: z.array(exampleSchema).describe('Oldest first; kept 180 days like the messages') })
  .meta({ id: 'ChatCleanupExamples' });
export type ChatCleanupExamples = z.infer<typeof chatCleanupExamplesSchema>;

/** Owners only: the org's reopened conversations, one corpus line each. */
export const chatCleanupExamples = async (principal: Principal): Promise<ChatCleanupExamples> => {
  if (principal.role !== 'owner') throw new ForbiddenError('only owners export the chat cleanup examples');
  const examples = await reopenExamples(tasksDb(), principal.party, principal.orgId);
  return { examples: examples.map(({ party: _party, orgId: _orgId, ...example }) => example) };
};
