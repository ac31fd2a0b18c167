// A quote round's completed tasks re-decided from the round and the case's closing, whatever the delivery order.
import { caseClosedAt, changeTask, platformActor, quoteTaskEnd, scopeKeys } from '@casetasks/core';
import { completedTasksOfCase, getCaseState, getQuoteRound } from '@casetasks/db';
import { changeFoundTask, type StepContext } from './steps.js';

const reasons = {
  auto: 'the action happened before the case closed',
  cancelled: 'the case closed',
} as const;

/**
 * A winner picked after the case closed but delivered before the closing ended its tasks `auto`; in
 * order the closing cancels them first. Run after the closing and after every quote event, this
 * makes each completed quote task end as `quoteTaskEnd` says (docs/events.md, "Any order").
 * Only with a closing: without one, the earliest action already decided every end.
 */
export const settleQuoteTasks = async (ctx: StepContext, caseId: string, closedAt: string): Promise<void> => {
  const round = await getQuoteRound(ctx.db, caseId);
  if (!round) return;
  const owners = [
    { party: 'creditor' as const, orgId: round.creditorOrgId, type: 'select_quote_winner' },
    ...round.invited.map((invite) => ({
      party: 'partner' as const,
      orgId: invite.partnerOrgId,
      type: 'provide_quote',
    })),
  ];
  for (const owner of owners) {
    const tasks = (await completedTasksOfCase(ctx.db, caseId, owner.party, owner.orgId)).filter(
      (task) => task.type === owner.type && task.scopeKey === scopeKeys.case(caseId),
    );
    for (const task of tasks) {
      const end = quoteTaskEnd(round, task, closedAt);
      if (!end || (task.resolution !== 'auto' && task.resolution !== 'cancelled')) continue;
      if (end.resolution === task.resolution) continue;
      const change = changeTask(
        task,
        { resolution: end.resolution, completedAt: end.at, completedBy: platformActor.id },
        end.resolution === 'auto' ? 'auto_closed' : 'cancelled',
        platformActor,
        end.at,
        { reason: reasons[end.resolution], ...(ctx.eventId === undefined ? {} : { eventId: ctx.eventId }) },
      );
      await changeFoundTask(ctx, 'settle', change);
    }
  }
};

/** After a quote event: settles the round's tasks if the case is closed (the closing may have come first). */
export const settleQuoteTasksOfClosedCase = async (ctx: StepContext, caseId: string): Promise<void> => {
  const closedAt = caseClosedAt(await getCaseState(ctx.db, caseId));
  if (closedAt !== undefined) await settleQuoteTasks(ctx, caseId, closedAt);
};
