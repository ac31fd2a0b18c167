import { setWorkflowStarter } from '@casetasks/app/runtime';
import { catalogueTask, creationEntry, platformActor, scopeKeys } from '@casetasks/core';
import { createTask, getCaseState, listHistory, listOutboxSince, type ScopeRef } from '@casetasks/db';
import { InvalidEventError } from '@casetasks/events';
import type { Context } from 'aws-lambda';
import { ulid } from 'ulid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/events/case-events.js';
import { calendar, type EventsHarness, eventsHarness, platformEvent, recordingWorkflow } from './events-helpers.js';

let h: EventsHarness;
let workflow: ReturnType<typeof recordingWorkflow>;
beforeAll(async () => {
  h = await eventsHarness('events');
});
beforeEach(() => {
  workflow = recordingWorkflow();
});
afterAll(async () => {
  setWorkflowStarter(undefined);
  await h.table.drop();
});

/** Fresh ids per test: the tests share one table. */
const ids = () => {
  const n = ulid().slice(-8).toLowerCase();
  return { caseId: `c-${n}`, creditor: `cr-${n}`, partner: `p-${n}` };
};
const caseScope = (type: ScopeRef['type'], party: ScopeRef['party'], orgId: string, caseId: string): ScopeRef => ({
  type,
  party,
  orgId,
  scopeKey: scopeKeys.case(caseId),
});
const creditorScope = (type: ScopeRef['type'], creditor: string): ScopeRef => ({
  type,
  party: 'creditor',
  orgId: creditor,
  scopeKey: scopeKeys.creditor(creditor),
});
const submit = (
  x: ReturnType<typeof ids>,
  time: string,
  extra: Partial<{ hasBankAccount: boolean; contractSigned: boolean; caseId: string }> = {},
) =>
  h.emit(
    'Case Submitted',
    {
      caseId: extra.caseId ?? x.caseId,
      creditorOrgId: x.creditor,
      partnerOrgId: x.partner,
      hasBankAccount: extra.hasBankAccount ?? true,
      contractSigned: extra.contractSigned ?? true,
      requiresQuote: false,
    },
    time,
  );

describe('Case Submitted', () => {
  it('creates the review and the bank-account aggregate with business-day deadlines (SPEC example)', async () => {
    // Prepare
    const x = ids();
    // Act: Friday 2026-11-20 10:00 UTC
    const outcome = await submit(x, '2026-11-20T10:00:00.000Z', { hasBankAccount: false });
    // Assess
    const review = await h.open(caseScope('review_new_case', 'partner', x.partner, x.caseId));
    expect(review).toMatchObject({
      accessLevel: 'partner',
      orgId: x.partner,
      createdAt: '2026-11-20T10:00:00.000Z',
      deadline: '2026-11-24T10:00:00.000Z',
      originalDeadline: '2026-11-24T10:00:00.000Z',
    });
    const bank = await h.open(creditorScope('assign_bank_account', x.creditor));
    expect(bank).toMatchObject({
      deadline: '2026-12-01T10:00:00.000Z',
      title: 'Assign bank account to 1 case',
      caseIds: [x.caseId],
      details: { coveredCount: 1 },
    });
    expect(outcome.effects.filter((effect) => effect.action === 'created')).toHaveLength(2);
    const created = (await listOutboxSince(h.db, '0')).filter(
      (entry) => entry.detailType === 'Task Created' && (entry.detail.task as { id: string }).id === review?.id,
    );
    expect(created).toHaveLength(1);
  });

  it('a duplicate delivery changes nothing', async () => {
    const x = ids();
    const event = platformEvent(
      'Case Submitted',
      {
        caseId: x.caseId,
        creditorOrgId: x.creditor,
        partnerOrgId: x.partner,
        hasBankAccount: true,
        contractSigned: true,
        requiresQuote: false,
      },
      '2026-11-20T10:00:00.000Z',
    );
    await h.send(event);
    const outboxBefore = (await listOutboxSince(h.db, '0')).length;
    const again = await h.send(event);
    expect(again.duplicate).toBe(true);
    expect((await listOutboxSince(h.db, '0')).length).toBe(outboxBefore);
    expect(await h.tasksOf('partner', x.partner)).toHaveLength(1);
  });
});

describe('Case Verified', () => {
  it('closes the review auto and emits Task Completed', async () => {
    const x = ids();
    await submit(x, '2026-11-20T10:00:00.000Z');
    await h.emit('Case Verified', { caseId: x.caseId }, '2026-11-23T09:00:00.000Z');
    const [review] = await h.tasksOf('partner', x.partner);
    expect(review).toMatchObject({ status: 'completed', resolution: 'auto', completedAt: '2026-11-23T09:00:00.000Z' });
    const history = await listHistory(h.db, review?.id ?? '');
    expect(history.map((entry) => entry.action)).toEqual(['created', 'auto_closed']);
    const completed = (await listOutboxSince(h.db, '0')).filter(
      (entry) => entry.detailType === 'Task Completed' && (entry.detail.task as { id: string }).id === review?.id,
    );
    expect(completed).toHaveLength(1);
  });

  it('arriving before the submission: the review is recorded completed, never open', async () => {
    const x = ids();
    const early = await h.emit('Case Verified', { caseId: x.caseId }, '2026-11-23T09:00:00.000Z');
    expect(early.effects[0]?.note).toContain('waiting for case#');
    await submit(x, '2026-11-20T10:00:00.000Z');
    const tasks = await h.tasksOf('partner', x.partner);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      status: 'completed',
      resolution: 'auto',
      createdAt: '2026-11-20T10:00:00.000Z',
      completedAt: '2026-11-23T09:00:00.000Z',
      originalDeadline: '2026-11-24T10:00:00.000Z',
    });
  });
});

describe('Case Status Changed', () => {
  it('needs_additional_details opens more_info_needed; leaving it closes the task; active schedules the survey', async () => {
    const x = ids();
    await submit(x, '2026-11-20T10:00:00.000Z');
    await h.emit(
      'Case Status Changed',
      { caseId: x.caseId, status: 'needs_additional_details' },
      '2026-11-23T10:00:00Z',
    );
    const moreInfo = await h.open(caseScope('more_info_needed', 'creditor', x.creditor, x.caseId));
    expect(moreInfo?.deadline).toBe('2026-11-30T10:00:00.000Z');
    await h.emit('Case Status Changed', { caseId: x.caseId, status: 'active' }, '2026-11-24T10:00:00Z');
    expect(await h.open(caseScope('more_info_needed', 'creditor', x.creditor, x.caseId))).toBeUndefined();
    const [closed] = await h.tasksOf('creditor', x.creditor);
    expect(closed).toMatchObject({ resolution: 'auto', completedAt: '2026-11-24T10:00:00.000Z' });
    expect(await getCaseState(h.db, x.caseId)).toMatchObject({
      status: 'active',
      nextSurveyAt: '2026-12-24T10:00:00.000Z',
    });
  });

  it('an older status event never overwrites a newer one', async () => {
    const x = ids();
    await submit(x, '2026-11-20T10:00:00.000Z');
    await h.emit('Case Status Changed', { caseId: x.caseId, status: 'active' }, '2026-11-25T10:00:00.000Z');
    await h.emit('Case Status Changed', { caseId: x.caseId, status: 'paused' }, '2026-11-24T10:00:00.000Z');
    expect(await getCaseState(h.db, x.caseId)).toMatchObject({
      status: 'active',
      statusAt: '2026-11-25T10:00:00.000Z',
    });
  });

  it('closing the case cancels its open tasks except commission and review_partner, and leaves the aggregates', async () => {
    const x = ids();
    await submit(x, '2026-11-20T10:00:00.000Z', { hasBankAccount: false });
    await h.emit('Case Solved', { caseId: x.caseId, paymentReceivedBy: 'client' }, '2026-11-23T10:00:00.000Z');
    await h.emit('Case Status Changed', { caseId: x.caseId, status: 'closed' }, '2026-11-24T10:00:00.000Z');
    const partnerTasks = await h.tasksOf('partner', x.partner);
    expect(partnerTasks.find((task) => task.type === 'review_new_case')).toMatchObject({ resolution: 'cancelled' });
    expect(partnerTasks.find((task) => task.type === 'invoice_commission')).toMatchObject({ status: 'open' });
    const creditorTasks = await h.tasksOf('creditor', x.creditor);
    expect(creditorTasks.find((task) => task.type === 'review_partner')).toMatchObject({ status: 'open' });
    expect(creditorTasks.find((task) => task.type === 'assign_bank_account')).toMatchObject({
      status: 'completed',
      resolution: 'auto',
    });
  });
});

describe('per-creditor aggregates', () => {
  it('assign_bank_account counts up and down with the cases and closes at zero', async () => {
    const x = ids();
    const [a, b] = [`${x.caseId}-a`, `${x.caseId}-b`];
    await submit(x, '2026-11-20T10:00:00.000Z', { hasBankAccount: false, caseId: a });
    await submit(x, '2026-11-23T10:00:00.000Z', { hasBankAccount: false, caseId: b });
    const two = await h.open(creditorScope('assign_bank_account', x.creditor));
    expect(two).toMatchObject({
      title: 'Assign bank account to 2 cases',
      caseIds: [a, b],
      details: { coveredCount: 2 },
    });
    // The deadline stays the first case's.
    expect(two?.deadline).toBe('2026-12-01T10:00:00.000Z');
    await h.emit('Bank Account Assigned', { caseId: a }, '2026-11-24T10:00:00.000Z');
    expect(await h.open(creditorScope('assign_bank_account', x.creditor))).toMatchObject({
      title: 'Assign bank account to 1 case',
      caseIds: [b],
    });
    await h.emit('Bank Account Assigned', { caseId: b }, '2026-11-25T10:00:00.000Z');
    expect(await h.open(creditorScope('assign_bank_account', x.creditor))).toBeUndefined();
    const [done] = await h.tasksOf('creditor', x.creditor);
    expect(done).toMatchObject({ id: two?.id, resolution: 'auto', completedAt: '2026-11-25T10:00:00.000Z' });
  });

  it('sign_contract covers the waiting cases and closes when the contract is signed', async () => {
    const x = ids();
    await submit(x, '2026-11-20T10:00:00.000Z', { contractSigned: false, caseId: `${x.caseId}-a` });
    await submit(x, '2026-11-20T11:00:00.000Z', { contractSigned: false, caseId: `${x.caseId}-b` });
    expect((await h.open(creditorScope('sign_contract', x.creditor)))?.title).toBe('Sign contract for 2 cases');
    await h.emit('Contract Signed', { creditorOrgId: x.creditor }, '2026-11-21T10:00:00.000Z');
    expect(await h.open(creditorScope('sign_contract', x.creditor))).toBeUndefined();
    // A submission older than the signature, delivered late, does not reopen it.
    await submit(x, '2026-11-20T12:00:00.000Z', { contractSigned: false, caseId: `${x.caseId}-c` });
    expect(await h.open(creditorScope('sign_contract', x.creditor))).toBeUndefined();
  });
});

describe('Chat Message Sent', () => {
  const chat = (caseId: string, senderParty: string, time: string, text = 'hello') =>
    h.emit(
      'Chat Message Sent',
      { caseId, messageId: ulid(), senderParty, senderUserId: `u-${senderParty}`, text },
      time,
    );

  it('coalesces messages into one task that keeps the earlier deadline, and hands over on a reply', async () => {
    const x = ids();
    await submit(x, '2026-11-20T10:00:00.000Z');
    await chat(x.caseId, 'creditor', '2026-11-23T10:00:00.000Z', 'first');
    await chat(x.caseId, 'creditor', '2026-11-23T15:00:00.000Z', 'second');
    const partnerChat = caseScope('new_message', 'partner', x.partner, x.caseId);
    const coalesced = await h.open(partnerChat);
    expect(coalesced).toMatchObject({
      deadline: '2026-11-24T10:00:00.000Z',
      details: { messageCount: 2, latestMessage: { excerpt: 'second' } },
    });
    expect((await listHistory(h.db, coalesced?.id ?? '')).map((entry) => entry.action)).toEqual(['created', 'updated']);
    // The partner replies: its task closes, the creditor now owes a reply.
    await chat(x.caseId, 'partner', '2026-11-24T09:00:00.000Z', 'reply');
    expect(await h.open(partnerChat)).toBeUndefined();
    const [answered] = (await h.tasksOf('partner', x.partner)).filter((task) => task.type === 'new_message');
    expect(answered).toMatchObject({ resolution: 'auto', completedAt: '2026-11-24T09:00:00.000Z' });
    expect(await h.open(caseScope('new_message', 'creditor', x.creditor, x.caseId))).toMatchObject({
      createdAt: '2026-11-24T09:00:00.000Z',
      details: { messageCount: 1 },
    });
  });

  it('an older message delivered late moves the clock back to it', async () => {
    const x = ids();
    await submit(x, '2026-11-20T10:00:00.000Z');
    await chat(x.caseId, 'creditor', '2026-11-23T15:00:00.000Z');
    await chat(x.caseId, 'creditor', '2026-11-23T10:00:00.000Z');
    expect(await h.open(caseScope('new_message', 'partner', x.partner, x.caseId))).toMatchObject({
      createdAt: '2026-11-23T10:00:00.000Z',
      deadline: '2026-11-24T10:00:00.000Z',
      originalDeadline: '2026-11-24T10:00:00.000Z',
      details: { messageCount: 2 },
    });
  });
});

describe('Case Survey Submitted', () => {
  const surveyTask = async (x: ReturnType<typeof ids>, at: string) => {
    const task = catalogueTask(calendar, {
      id: ulid(),
      type: 'update_case_status',
      orgId: x.partner,
      scopeKey: scopeKeys.case(x.caseId),
      caseId: x.caseId,
      at,
    });
    return createTask(h.db, task, creationEntry(task, platformActor));
  };

  it('closes update_case_status; keep_active does nothing more', async () => {
    const x = ids();
    await submit(x, '2026-11-20T10:00:00.000Z');
    await surveyTask(x, '2026-11-21T10:00:00.000Z');
    await h.emit(
      'Case Survey Submitted',
      { caseId: x.caseId, surveyId: 's-1', outcome: 'keep_active' },
      '2026-11-23T10:00:00.000Z',
    );
    const survey = (await h.tasksOf('partner', x.partner)).find((task) => task.type === 'update_case_status');
    expect(survey).toMatchObject({ status: 'completed', resolution: 'auto' });
    expect(workflow.started).toHaveLength(0);
  });

  it('pause creates the follow-up for the unblocking party and starts the workflow; leaving paused ends both', async () => {
    const x = ids();
    await submit(x, '2026-11-20T10:00:00.000Z');
    await h.emit(
      'Case Survey Submitted',
      { caseId: x.caseId, surveyId: 's-9', outcome: 'pause', unblockingParty: 'creditor' },
      '2026-11-23T10:00:00.000Z',
    );
    const scope = {
      type: 'client_input_required',
      party: 'creditor',
      orgId: x.creditor,
      scopeKey: scopeKeys.pause(x.caseId, 's-9'),
    } as const;
    const pauseTask = await h.open(scope);
    expect(pauseTask?.deadline).toBe('2026-12-11T10:00:00.000Z');
    expect(workflow.started).toMatchObject([{ caseId: x.caseId, pauseId: 's-9' }]);
    expect((await getCaseState(h.db, x.caseId))?.status).toBe('paused');
    await h.emit('Case Status Changed', { caseId: x.caseId, status: 'active' }, '2026-11-30T10:00:00.000Z');
    expect(await h.open(scope)).toBeUndefined();
    expect(workflow.stopped).toEqual([{ caseId: x.caseId, pauseId: 's-9' }]);
  });

  it('a retry after a partial failure applies only the missing steps', async () => {
    // Prepare: the workflow start fails once (a Step Functions outage) after the task was written.
    const x = ids();
    await submit(x, '2026-11-20T10:00:00.000Z');
    let failures = 1;
    const started: string[] = [];
    setWorkflowStarter({
      startPausedCaseFollowUp: async (start) => {
        if (failures-- > 0) throw new Error('states unavailable');
        started.push(start.pauseId);
      },
      stopPausedCaseFollowUp: async () => {},
    });
    const pause = platformEvent(
      'Case Survey Submitted',
      { caseId: x.caseId, surveyId: 's-r', outcome: 'pause', unblockingParty: 'partner' },
      '2026-11-23T10:00:00.000Z',
    );
    await expect(h.send(pause)).rejects.toThrow('states unavailable');
    // Act: the platform redelivers the same event.
    const retry = await h.send(pause);
    // Assess
    expect(retry.duplicate).toBe(false);
    expect(started).toEqual(['s-r']);
    const followUps = (await h.tasksOf('partner', x.partner)).filter((task) => task.type === 'paused_case_follow_up');
    expect(followUps).toHaveLength(1);
    expect(await listHistory(h.db, followUps[0]?.id ?? '')).toHaveLength(1);
    const created = (await listOutboxSince(h.db, '0')).filter(
      (entry) => entry.detailType === 'Task Created' && (entry.detail.task as { id: string }).id === followUps[0]?.id,
    );
    expect(created).toHaveLength(1);
    expect((await h.send(pause)).duplicate).toBe(true);
  });

  it('close closes the case', async () => {
    const x = ids();
    await submit(x, '2026-11-20T10:00:00.000Z');
    await h.emit(
      'Case Survey Submitted',
      { caseId: x.caseId, surveyId: 's-2', outcome: 'close' },
      '2026-11-23T10:00:00Z',
    );
    expect((await getCaseState(h.db, x.caseId))?.status).toBe('closed');
    const [review] = await h.tasksOf('partner', x.partner);
    expect(review).toMatchObject({ type: 'review_new_case', resolution: 'cancelled' });
  });
});

describe('quotes', () => {
  it('one provide_quote per invited partner, select_quote_winner once all quoted, the winner ends it', async () => {
    const x = ids();
    const [p1, p2] = [`${x.partner}-1`, `${x.partner}-2`];
    await h.emit(
      'Quote Requested',
      { caseId: x.caseId, creditorOrgId: x.creditor, partnerOrgIds: [p1, p2] },
      '2026-11-20T10:00:00Z',
    );
    expect(await h.open(caseScope('provide_quote', 'partner', p1, x.caseId))).toMatchObject({
      deadline: '2026-11-25T10:00:00.000Z',
    });
    await h.emit('Quote Submitted', { caseId: x.caseId, partnerOrgId: p1 }, '2026-11-23T10:00:00.000Z');
    expect(await h.open(caseScope('provide_quote', 'partner', p1, x.caseId))).toBeUndefined();
    expect(await h.open(caseScope('select_quote_winner', 'creditor', x.creditor, x.caseId))).toBeUndefined();
    await h.emit('Quote Submitted', { caseId: x.caseId, partnerOrgId: p2 }, '2026-11-24T10:00:00.000Z');
    const select = await h.open(caseScope('select_quote_winner', 'creditor', x.creditor, x.caseId));
    expect(select).toMatchObject({ createdAt: '2026-11-24T10:00:00.000Z', deadline: '2026-12-01T10:00:00.000Z' });
    await h.emit('Quote Winner Selected', { caseId: x.caseId, partnerOrgId: p2 }, '2026-11-25T10:00:00.000Z');
    expect(await h.open(caseScope('select_quote_winner', 'creditor', x.creditor, x.caseId))).toBeUndefined();
  });

  it('a winner picked before everyone quoted ends the remaining provide_quote tasks auto', async () => {
    const x = ids();
    const [p1, p2] = [`${x.partner}-1`, `${x.partner}-2`];
    await h.emit(
      'Quote Requested',
      { caseId: x.caseId, creditorOrgId: x.creditor, partnerOrgIds: [p1, p2] },
      '2026-11-20T10:00:00Z',
    );
    await h.emit('Quote Submitted', { caseId: x.caseId, partnerOrgId: p1 }, '2026-11-23T10:00:00.000Z');
    await h.emit('Quote Winner Selected', { caseId: x.caseId, partnerOrgId: p1 }, '2026-11-24T10:00:00.000Z');
    const [p2Task] = await h.tasksOf('partner', p2);
    expect(p2Task).toMatchObject({ status: 'completed', resolution: 'auto', completedAt: '2026-11-24T10:00:00.000Z' });
    // The late quote of p2 completes the set after the winner: no selection task is owed.
    await h.emit('Quote Submitted', { caseId: x.caseId, partnerOrgId: p2 }, '2026-11-25T10:00:00.000Z');
    expect(await h.tasksOf('creditor', x.creditor)).toHaveLength(0);
  });
});

describe('complaints', () => {
  it('Complaint Filed opens respond_to_complaint, Complaint Responded closes it, in either order', async () => {
    const x = ids();
    await h.emit(
      'Complaint Filed',
      { complaintId: `k-${x.caseId}`, caseId: x.caseId, partnerOrgId: x.partner },
      '2026-11-20T10:00:00Z',
    );
    expect(
      await h.open({
        type: 'respond_to_complaint',
        party: 'partner',
        orgId: x.partner,
        scopeKey: scopeKeys.complaint(`k-${x.caseId}`),
      }),
    ).toMatchObject({
      deadline: '2026-11-25T10:00:00.000Z',
      details: { complaintId: `k-${x.caseId}` },
    });
    await h.emit('Complaint Responded', { complaintId: `k-${x.caseId}` }, '2026-11-23T10:00:00.000Z');
    // The other order: the response waits for its complaint.
    await h.emit('Complaint Responded', { complaintId: `k2-${x.caseId}` }, '2026-11-23T10:00:00.000Z');
    await h.emit(
      'Complaint Filed',
      { complaintId: `k2-${x.caseId}`, caseId: x.caseId, partnerOrgId: x.partner },
      '2026-11-20T11:00:00Z',
    );
    const tasks = await h.tasksOf('partner', x.partner);
    expect(tasks).toHaveLength(2);
    expect(tasks.every((task) => task.status === 'completed' && task.resolution === 'auto')).toBe(true);
  });
});

describe('Case Solved and commission', () => {
  it('creates review_partner and invoice_commission; each closes on its event; chase_commission per invoice', async () => {
    const x = ids();
    await submit(x, '2026-11-20T10:00:00.000Z');
    await h.emit('Case Verified', { caseId: x.caseId }, '2026-11-20T11:00:00.000Z');
    await h.emit('Case Solved', { caseId: x.caseId, paymentReceivedBy: 'client' }, '2026-11-23T10:00:00.000Z');
    expect(await h.open(caseScope('review_partner', 'creditor', x.creditor, x.caseId))).toMatchObject({
      deadline: '2026-12-07T10:00:00.000Z',
    });
    expect(await h.open(caseScope('invoice_commission', 'partner', x.partner, x.caseId))).toMatchObject({
      title: 'Invoice & collect payment from client',
      deadline: '2026-11-30T10:00:00.000Z',
    });
    await h.emit('Commission Invoice Sent', { caseId: x.caseId }, '2026-11-24T10:00:00.000Z');
    expect(await h.open(caseScope('invoice_commission', 'partner', x.partner, x.caseId))).toBeUndefined();
    await h.emit(
      'Commission Invoice Overdue',
      { caseId: x.caseId, invoiceId: `i-${x.caseId}` },
      '2026-12-10T10:00:00Z',
    );
    const chase = {
      type: 'chase_commission',
      party: 'partner',
      orgId: x.partner,
      scopeKey: scopeKeys.invoice(`i-${x.caseId}`),
    } as const;
    expect(await h.open(chase)).toMatchObject({ details: { invoiceId: `i-${x.caseId}` } });
    await h.emit('Commission Collection Started', { invoiceId: `i-${x.caseId}` }, '2026-12-11T10:00:00.000Z');
    expect(await h.open(chase)).toBeUndefined();
    await h.emit('Partner Reviewed', { caseId: x.caseId }, '2026-12-01T10:00:00.000Z');
    expect(await h.open(caseScope('review_partner', 'creditor', x.creditor, x.caseId))).toBeUndefined();
  });

  it('payment received by the partner: no invoice_commission', async () => {
    const x = ids();
    await submit(x, '2026-11-20T10:00:00.000Z');
    await h.emit('Case Solved', { caseId: x.caseId, paymentReceivedBy: 'partner' }, '2026-11-23T10:00:00.000Z');
    expect(await h.open(caseScope('invoice_commission', 'partner', x.partner, x.caseId))).toBeUndefined();
  });
});

describe('Case Status Updated', () => {
  it('keeps the newest status update on the case state', async () => {
    const x = ids();
    await h.emit(
      'Case Status Updated',
      { caseId: x.caseId, statusType: 'payment_plan', promisedDate: '2026-12-01' },
      '2026-11-23T10:00:00Z',
    );
    await h.emit('Case Status Updated', { caseId: x.caseId, statusType: 'older' }, '2026-11-22T10:00:00Z');
    expect((await getCaseState(h.db, x.caseId))?.lastStatusUpdate).toEqual({
      statusType: 'payment_plan',
      at: '2026-11-23T10:00:00.000Z',
      promisedDate: '2026-12-01',
    });
  });
});

describe('invalid events', () => {
  it('write nothing and name the field', async () => {
    const x = ids();
    const outboxBefore = (await listOutboxSince(h.db, '0')).length;
    const bad = platformEvent(
      'Case Submitted',
      { caseId: x.caseId, creditorOrgId: x.creditor },
      '2026-11-20T10:00:00Z',
    );
    const error = await h.send(bad).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidEventError);
    expect(error).toMatchObject({ field: 'detail.hasBankAccount', statusCode: 400 });
    expect(await getCaseState(h.db, x.caseId)).toBeUndefined();
    expect((await listOutboxSince(h.db, '0')).length).toBe(outboxBefore);
  });

  it('the Lambda handler rethrows, so the on-failure destination keeps the event with the reason', async () => {
    const bad = platformEvent('Case Verified', {}, '2026-11-20T10:00:00Z');
    await expect(handler(bad, {} as Context)).rejects.toThrow(/detail\.caseId/);
  });
});
