// The replay model shared by the replay tests: a realistic scenario generator, its event stream, and the
// projection of the tasks that must not depend on delivery order (docs/events.md, "Replay property").
import { aggregateTypes, type Party, type Task } from '@casetasks/core';
import fc from 'fast-check';
import type { EventsHarness } from './events-helpers.js';
import { platformEvent, type RawEvent } from './events-helpers.js';

export const BASE = Date.parse('2026-11-02T08:00:00.000Z');

export const caseArb = fc.record({
  creditor: fc.integer({ min: 0, max: 1 }),
  partner: fc.integer({ min: 0, max: 2 }),
  hasBankAccount: fc.boolean(),
  contractSigned: fc.boolean(),
  verified: fc.boolean(),
  messages: fc.array(fc.constantFrom<Party>('creditor', 'partner'), { maxLength: 4 }),
  needsDetails: fc.boolean(),
  pause: fc.option(fc.constantFrom<Party>('creditor', 'partner'), { nil: undefined }),
  bankAssigned: fc.boolean(),
  complaint: fc.option(fc.boolean(), { nil: undefined }),
  solved: fc.option(
    fc.record({
      paidTo: fc.constantFrom('client', 'partner'),
      reviewed: fc.boolean(),
      invoiceSent: fc.boolean(),
      overdue: fc.option(fc.boolean(), { nil: undefined }),
    }),
    { nil: undefined },
  ),
  closed: fc.boolean(),
});
export const quoteArb = fc.record({
  creditor: fc.integer({ min: 0, max: 1 }),
  quoted: fc.tuple(fc.boolean(), fc.boolean()),
  winner: fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined }),
});
export const scenarioArb = fc.record({
  cases: fc.array(caseArb, { minLength: 6, maxLength: 7 }),
  quotes: fc.array(quoteArb, { minLength: 1, maxLength: 2 }),
  contractSignedAfterStep: fc.array(fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }), {
    minLength: 2,
    maxLength: 2,
  }),
});
export type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

/** The orgs of one run: fresh names, so runs share the tables without touching each other. */
export const orgsOf = (run: string) => ({
  creditors: [`cr-${run}-0`, `cr-${run}-1`],
  partners: [`p-${run}-0`, `p-${run}-1`, `p-${run}-2`],
});

/** Every event at a distinct minute: per case one step a day, cases a little apart. */
export const at = (caseIndex: number, step: number) =>
  new Date(BASE + (step * 1441 + caseIndex * 97) * 60_000).toISOString();

export const buildStream = (scenario: Scenario, run: string): RawEvent[] => {
  const { creditors, partners } = orgsOf(run);
  const events: RawEvent[] = [];
  const add = (type: string, detail: Record<string, unknown>, time: string) =>
    events.push(platformEvent(type, detail, time, `${run}-${events.length}`));
  scenario.cases.forEach((c, i) => {
    const caseId = `c-${run}-${i}`;
    const creditorOrgId = creditors[c.creditor] ?? '';
    const partnerOrgId = partners[c.partner] ?? '';
    let step = 0;
    const next = () => at(i, step++);
    add(
      'Case Submitted',
      {
        caseId,
        creditorOrgId,
        partnerOrgId,
        hasBankAccount: c.hasBankAccount,
        contractSigned: c.contractSigned,
        requiresQuote: false,
      },
      next(),
    );
    if (c.verified) add('Case Verified', { caseId }, next());
    add('Case Status Changed', { caseId, status: 'active' }, next());
    c.messages.forEach((senderParty, m) => {
      add(
        'Chat Message Sent',
        { caseId, messageId: `m-${m}`, senderParty, senderUserId: `u-${senderParty}`, text: `message ${m}` },
        next(),
      );
    });
    if (c.needsDetails) {
      add('Case Status Changed', { caseId, status: 'needs_additional_details' }, next());
      add('Case Status Changed', { caseId, status: 'active' }, next());
    }
    if (!c.hasBankAccount && c.bankAssigned) add('Bank Account Assigned', { caseId }, next());
    if (c.pause) {
      add('Case Survey Submitted', { caseId, surveyId: `s-${i}`, outcome: 'pause', unblockingParty: c.pause }, next());
      add('Case Status Changed', { caseId, status: 'active' }, next());
    }
    if (c.complaint !== undefined) {
      add('Complaint Filed', { complaintId: `k-${run}-${i}`, caseId, partnerOrgId }, next());
      if (c.complaint) add('Complaint Responded', { complaintId: `k-${run}-${i}` }, next());
    }
    if (c.solved) {
      add('Case Solved', { caseId, paymentReceivedBy: c.solved.paidTo }, next());
      if (c.solved.reviewed) add('Partner Reviewed', { caseId }, next());
      if (c.solved.paidTo === 'client' && c.solved.invoiceSent) add('Commission Invoice Sent', { caseId }, next());
      if (c.solved.overdue !== undefined) {
        add('Commission Invoice Overdue', { caseId, invoiceId: `i-${run}-${i}` }, next());
        if (c.solved.overdue) add('Commission Collection Started', { invoiceId: `i-${run}-${i}` }, next());
      }
    }
    if (c.closed) add('Case Status Changed', { caseId, status: 'closed' }, next());
  });
  scenario.quotes.forEach((q, j) => {
    const i = 50 + j;
    const caseId = `q-${run}-${j}`;
    const invited = [partners[j % 3] ?? '', partners[(j + 1) % 3] ?? ''];
    let step = 0;
    const next = () => at(i, step++);
    add('Quote Requested', { caseId, creditorOrgId: creditors[q.creditor], partnerOrgIds: invited }, next());
    q.quoted.forEach((quoted, k) => {
      if (quoted) add('Quote Submitted', { caseId, partnerOrgId: invited[k] }, next());
    });
    if (q.winner !== undefined) add('Quote Winner Selected', { caseId, partnerOrgId: invited[q.winner] }, next());
  });
  scenario.contractSignedAfterStep.forEach((step, k) => {
    if (step !== undefined) add('Contract Signed', { creditorOrgId: creditors[k] }, at(90 + k, step));
  });
  return events.sort((a, b) => a.time.localeCompare(b.time));
};

export const aggregates: ReadonlySet<string> = new Set(aggregateTypes);

/**
 * What must not depend on delivery: every open task with its clock and content (for aggregates: the
 * count and covered cases, not the clock), and every completed task with how it ended (not when),
 * except chat and aggregate episodes that ended before they were seen.
 */
export const projection = (tasks: readonly Task[]): string[] =>
  tasks
    .filter((task) => task.status === 'open' || (task.type !== 'new_message' && !aggregates.has(task.type)))
    .map((task) => {
      const who = { type: task.type, party: task.accessLevel, orgId: task.orgId, scopeKey: task.scopeKey };
      if (task.status === 'completed') {
        return { ...who, caseId: task.caseId, createdAt: task.createdAt, resolution: task.resolution };
      }
      if (aggregates.has(task.type)) {
        return { ...who, title: task.title, caseIds: task.caseIds, coveredCount: task.details?.coveredCount };
      }
      return {
        ...who,
        caseId: task.caseId,
        title: task.title,
        createdAt: task.createdAt,
        deadline: task.deadline,
        originalDeadline: task.originalDeadline,
        details: task.details ?? {},
      };
    })
    .map((row) => JSON.stringify(row))
    .sort();

export const allTasks = async (h: EventsHarness, run: string) => {
  const { creditors, partners } = orgsOf(run);
  const lists = await Promise.all([
    ...creditors.map((org) => h.tasksOf('creditor', org)),
    ...partners.map((org) => h.tasksOf('partner', org)),
  ]);
  return lists.flat();
};

export const openPerScope = (tasks: readonly Task[]) => {
  const counts = new Map<string, number>();
  for (const task of tasks.filter((candidate) => candidate.status === 'open')) {
    const key = `${task.type}#${task.accessLevel}#${task.orgId}#${task.scopeKey}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.values()];
};
