// Chat: one open new_message task per (case, receiving party), derived from the stored conversation.
import {
  answeredAt,
  type ChatMessageFact,
  catalogueDeadline,
  changeTask,
  latestMessageRef,
  type Party,
  pendingReplies,
  platformActor,
  scheduleReminder,
  scopeKeys,
  type Task,
} from '@casetasks/core';
import { conversationTail, getOpenTaskOfScope, putMessage } from '@casetasks/db';
import type { PlatformEventOf } from '@casetasks/events';
import { type EventContext, type KnownCase, knownCase } from './context.js';
import { forPartner, type PartnerPart } from './partner.js';
import { changeFoundTask, endTask, openTask, scopeRef, step } from './steps.js';

/**
 * Stores the message, then brings each party's task in line with the conversation: the receiver owes
 * a reply to the other party's messages after its own last one. Messages delivered late or twice
 * give the same open tasks as messages delivered in order.
 */
export const chatMessageSent = async (ctx: EventContext, event: PlatformEventOf<'Chat Message Sent'>) => {
  const { detail, time } = event;
  const state = await knownCase(ctx, detail.caseId);
  if (!state) return;
  await step(ctx, 'message', (options) =>
    putMessage(
      ctx.db,
      {
        caseId: detail.caseId,
        messageId: detail.messageId,
        senderParty: detail.senderParty,
        senderUserId: detail.senderUserId,
        text: detail.text,
        sentAt: time,
      },
      options,
    ),
  );
  const messages = await conversationTail(ctx.db, detail.caseId);
  await forPartner(ctx, event, state, (partCtx, partEvent, withPartner) =>
    bringReplyTask(partCtx, partEvent, withPartner, 'partner', messages),
  );
  await bringReplyTask(ctx, event, state, 'creditor', messages);
};

/** The partner's new_message from the stored conversation (applied late when the partner came from a quote winner). */
export const chatForPartner: PartnerPart<'Chat Message Sent'> = async (ctx, event, state) =>
  bringReplyTask(ctx, event, state, 'partner', await conversationTail(ctx.db, state.caseId));

/** Brings the receiver's new_message task in line with what it owes in the conversation. */
const bringReplyTask = async (
  ctx: EventContext,
  event: PlatformEventOf<'Chat Message Sent'>,
  state: KnownCase,
  receiver: Party,
  messages: readonly ChatMessageFact[],
) => {
  const { detail, time } = event;
  const orgId = receiver === 'partner' ? state.partnerOrgId : state.creditorOrgId;
  if (!orgId) return;
  const extra = { eventId: ctx.eventId };
  const scope = scopeRef('new_message', orgId, scopeKeys.case(detail.caseId), receiver);
  const pending = pendingReplies(messages, receiver);
  let { task } = await getOpenTaskOfScope(ctx.db, scope);
  // The receiver answered after the open task began: that task is done.
  if (task && (!pending || task.createdAt < pending.firstAt)) {
    await endTask(ctx, task, 'auto', answeredAt(messages, receiver, task.createdAt) ?? time, 'replied in the chat');
    task = undefined;
  }
  if (!pending) return;
  const details = { messageCount: pending.count, latestMessage: latestMessageRef(pending.latest) };
  if (!task) {
    await openTask(ctx, {
      type: 'new_message',
      party: receiver,
      orgId,
      scopeKey: scope.scopeKey,
      caseId: detail.caseId,
      at: pending.firstAt,
      details,
      recordLate: false,
      caseState: state,
    });
    return;
  }
  const patch: Partial<Task> = {};
  // Read the org's settings only when the deadline is re-planned: most messages just add to the count.
  const policy = () => ctx.policies.of(receiver, orgId);
  if (task.createdAt > pending.firstAt) {
    // An earlier message delivered late: the clock starts at it, as if it had come in order.
    const deadline = catalogueDeadline((await policy()).calendar, 'new_message', pending.firstAt);
    Object.assign(patch, {
      createdAt: pending.firstAt,
      originalDeadline: deadline,
      deadline: task.deadline === task.originalDeadline ? deadline : task.deadline,
    });
  }
  if (JSON.stringify(task.details ?? {}) !== JSON.stringify({ ...task.details, ...details })) {
    patch.details = { ...task.details, ...details };
  }
  if (Object.keys(patch).length === 0) return;
  if (patch.deadline !== undefined && patch.deadline !== task.deadline) {
    // A re-planned deadline starts its reminders, and its escalation, afresh.
    const planned = scheduleReminder(await policy(), { ...task, ...patch }, time);
    Object.assign(patch, { reminder: planned.reminder, escalatedAt: undefined });
  }
  await changeFoundTask(ctx, 'update', changeTask(task, patch, 'updated', platformActor, time, extra));
};
