// A quote case has no partner until its winner is picked: what events owe the partner before that waits for the
// winner, so a winner delivered after Case Solved, a pause or commission events still gives its tasks (issue 15).

import { setWorkflowStarter } from '@casetasks/app/runtime';
import type { Task } from '@casetasks/core';
import { listHistory } from '@casetasks/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EventsHarness,
  eventsHarness,
  platformEvent,
  type RawEvent,
  recordingWorkflow,
} from './events-helpers.js';
import { allTasks, orgsOf, projection } from './replay-model.js';

let h: EventsHarness;
let workflow: ReturnType<typeof recordingWorkflow>;
beforeAll(async () => {
  workflow = recordingWorkflow();
  h = await eventsHarness('quote-winner');
});
afterAll(async () => {
  setWorkflowStarter(undefined);
  await h.table.drop();
});

type EventRow = [string, Record<string, unknown>, string];

/** A quote case submitted without a partner on 2 November, both partners quoting on the 3rd. */
const quotedCase = (run: string) => {
  const { creditors, partners } = orgsOf(run);
  const [creditorOrgId, p1, p2] = [creditors[0], partners[0], partners[1]];
  const caseId = `c-${run}`;
  const opening: EventRow[] = [
    [
      'Case Submitted',
      { caseId, creditorOrgId, hasBankAccount: true, contractSigned: true, requiresQuote: true },
      '2026-11-02T09:00:00.000Z',
    ],
    ['Quote Requested', { caseId, creditorOrgId, partnerOrgIds: [p1, p2] }, '2026-11-02T10:00:00.000Z'],
    ['Quote Submitted', { caseId, partnerOrgId: p1 }, '2026-11-03T10:00:00.000Z'],
    ['Quote Submitted', { caseId, partnerOrgId: p2 }, '2026-11-03T11:00:00.000Z'],
  ];
  return { caseId, p2, opening };
};

const toEvents = (run: string, events: readonly EventRow[]): RawEvent[] =>
  events.map(([type, detail, time], i) => platformEvent(type, detail, time, `${run}-${i}`));

/** A quote case in time order: submitted without a partner, quoted, won by the second partner, then its life. */
const quoteCaseStream = (run: string): RawEvent[] => {
  const { caseId, p2, opening } = quotedCase(run);
  const events: EventRow[] = [
    ...opening,
    ['Quote Winner Selected', { caseId, partnerOrgId: p2 }, '2026-11-04T10:00:00.000Z'],
    ['Case Status Changed', { caseId, status: 'active' }, '2026-11-05T10:00:00.000Z'],
    [
      'Chat Message Sent',
      { caseId, messageId: 'm-1', senderParty: 'creditor', senderUserId: 'u-c', text: 'any news?' },
      '2026-11-05T12:00:00.000Z',
    ],
    [
      'Case Survey Submitted',
      { caseId, surveyId: 's-1', outcome: 'pause', unblockingParty: 'partner' },
      '2026-11-06T10:00:00.000Z',
    ],
    ['Case Status Changed', { caseId, status: 'active' }, '2026-11-09T10:00:00.000Z'],
    ['Case Solved', { caseId, paymentReceivedBy: 'client' }, '2026-11-10T10:00:00.000Z'],
    ['Commission Invoice Overdue', { caseId, invoiceId: `i-${run}` }, '2026-11-11T10:00:00.000Z'],
    ['Partner Reviewed', { caseId }, '2026-11-12T10:00:00.000Z'],
  ];
  return toEvents(run, events);
};

const isWinner = (event: RawEvent) => event['detail-type'] === 'Quote Winner Selected';

const deliver = async (events: readonly RawEvent[]) => {
  for (const event of events) await h.send(event);
};

/** The tasks of a run with the run's name taken out, so two runs compare. */
const tasksOf = async (run: string) => {
  const tasks = await allTasks(h, run);
  return { tasks, rows: projection(tasks).map((row) => row.replaceAll(run, 'RUN')) };
};

const ofType = (tasks: readonly Task[], type: Task['type']) => tasks.filter((task) => task.type === type);

describe('Quote Winner Selected after the events that follow it', () => {
  it('gives the winner the tasks the in-order stream gives (Case Solved to the client, pause, commission, chat)', async () => {
    // Prepare
    const inOrder = quoteCaseStream('qw-a');
    const winnerLast = quoteCaseStream('qw-b');
    const lateDelivery = [...winnerLast.filter((event) => !isWinner(event)), ...winnerLast.filter(isWinner)];
    // Act
    await deliver(inOrder);
    await deliver(lateDelivery);
    // Assess: the winner's own tasks exist, then everything equals in-order delivery.
    const [expected, actual] = await Promise.all([tasksOf('qw-a'), tasksOf('qw-b')]);
    const winner = orgsOf('qw-b').partners[1];
    expect(ofType(actual.tasks, 'invoice_commission')).toMatchObject([{ orgId: winner, status: 'open' }]);
    expect(ofType(actual.tasks, 'chase_commission')).toMatchObject([
      { orgId: winner, status: 'open', details: { invoiceId: 'i-qw-b' } },
    ]);
    expect(ofType(actual.tasks, 'paused_case_follow_up')).toMatchObject([
      { orgId: winner, status: 'completed', resolution: 'auto', createdAt: '2026-11-06T10:00:00.000Z' },
    ]);
    expect(ofType(actual.tasks, 'new_message')).toMatchObject([
      { orgId: winner, accessLevel: 'partner', status: 'open', createdAt: '2026-11-05T12:00:00.000Z' },
    ]);
    expect(actual.rows).toEqual(expected.rows);
  });

  it('every order of the stream, reversed included, ends as in order; duplicates change nothing', async () => {
    // Prepare
    const inOrder = quoteCaseStream('qw-c');
    const reversed = quoteCaseStream('qw-d').reverse();
    // Act
    await deliver(inOrder);
    await deliver(reversed);
    const again = await Promise.all(reversed.map((event) => h.send(event)));
    // Assess
    const [expected, actual] = await Promise.all([tasksOf('qw-c'), tasksOf('qw-d')]);
    expect(actual.rows).toEqual(expected.rows);
    expect(again.every((outcome) => outcome.duplicate && outcome.effects.length === 0)).toBe(true);
  });

  it('an event owed to the partner before the winner starts the pause workflow once the winner names the partner', async () => {
    // Prepare: the pause is still on when the winner arrives.
    const stream = quoteCaseStream('qw-e').filter((event) => event.time <= '2026-11-06T10:00:00.000Z');
    const before = workflow.started.length;
    // Act
    await deliver(stream.filter((event) => !isWinner(event)));
    const startedWithoutPartner = workflow.started.length - before;
    await deliver(stream.filter(isWinner));
    // Assess
    expect(startedWithoutPartner).toBe(0);
    expect(workflow.started.slice(before)).toMatchObject([
      { caseId: 'c-qw-e', pauseId: 's-1', input: { partnerOrgId: orgsOf('qw-e').partners[1] } },
    ]);
  });
});

/** A quote case closed after both quotes; the winner is picked the day after the closing (issue 24). */
const closedQuoteCaseStream = (run: string): RawEvent[] => {
  const { caseId, p2, opening } = quotedCase(run);
  return toEvents(run, [
    ...opening,
    ['Case Status Changed', { caseId, status: 'closed' }, '2026-11-04T10:00:00.000Z'],
    ['Quote Winner Selected', { caseId, partnerOrgId: p2 }, '2026-11-05T10:00:00.000Z'],
  ]);
};

/** The selection task of a run, with the action and reason of its last history entry. */
const selectionOf = async (run: string) => {
  const [task] = ofType(await allTasks(h, run), 'select_quote_winner');
  if (!task) throw new Error(`no select_quote_winner in ${run}`);
  const last = (await listHistory(h.db, task.id)).at(-1);
  return {
    status: task.status,
    resolution: task.resolution,
    completedAt: task.completedAt,
    last: { action: last?.action, reason: last?.reason },
  };
};

describe('Quote Winner Selected after the case closed', () => {
  const cancelledAtClosing = {
    status: 'completed',
    resolution: 'cancelled',
    completedAt: '2026-11-04T10:00:00.000Z',
    last: { action: 'cancelled', reason: 'the case closed' },
  };

  it('in order: the closing cancels select_quote_winner and the late winner changes nothing', async () => {
    // Prepare
    const stream = closedQuoteCaseStream('qw-f');
    // Act
    await deliver(stream);
    // Assess
    expect(await selectionOf('qw-f')).toEqual(cancelledAtClosing);
  });

  it('the winner delivered before the closing: the closing still cancels it, as in order', async () => {
    // Prepare: the winner first, then the rest; the closing comes last.
    const inOrder = closedQuoteCaseStream('qw-g');
    const winnerFirst = closedQuoteCaseStream('qw-h');
    const delivery = [...winnerFirst.filter(isWinner), ...winnerFirst.filter((event) => !isWinner(event))];
    // Act
    await deliver(inOrder);
    await deliver(delivery);
    // Assess: the same end state and history reason as in order, and every task of the run alike.
    expect(await selectionOf('qw-h')).toEqual(cancelledAtClosing);
    const [expected, actual] = await Promise.all([tasksOf('qw-g'), tasksOf('qw-h')]);
    expect(ofType(actual.tasks, 'provide_quote')).toMatchObject([
      { status: 'completed', resolution: 'auto' },
      { status: 'completed', resolution: 'auto' },
    ]);
    expect(actual.rows).toEqual(expected.rows);
  });

  it('the winner applied before the closing arrives (the quotes seen first): the closing re-decides it', async () => {
    // Prepare: everything but the closing, then the closing; the winner has ended the selection auto by then.
    const stream = closedQuoteCaseStream('qw-i');
    const closing = stream.filter((event) => event['detail-type'] === 'Case Status Changed');
    await deliver(stream.filter((event) => !closing.includes(event)));
    const beforeClosing = await selectionOf('qw-i');
    // Act
    await deliver(closing);
    // Assess
    expect(beforeClosing).toMatchObject({ status: 'completed', resolution: 'auto' });
    expect(await selectionOf('qw-i')).toEqual(cancelledAtClosing);
  });
});
