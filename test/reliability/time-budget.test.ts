// Time budgets: a stalled DynamoDB never leads to a write after the answer; local mode answers writes from their own result and bounds /local/events.
import { setTimeout as sleep } from 'node:timers/promises';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { tasksDb } from '@casetasks/app/runtime';
import {
  CONFLICT_ATTEMPTS,
  createDb,
  DatabaseUnavailableError,
  getTask,
  TimeBudgetExceededError,
  Transaction,
  withinTimeBudget,
} from '@casetasks/db';
import type { Context } from 'aws-lambda';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as caseEvents } from '../../functions/events/case-events.js';
import { freePort, localClientConfig } from '../../infra/local/dynamodb-local.js';
import { type ApiHarness, type Caller, errorFields, json, startApi } from '../integration/api-client.js';

const partner: Caller = { party: 'partner', org: 'p-budget', user: 'u-1', role: 'manager' };
const DAY = 86_400_000;
/** The emulated Lambda timeout of this file's API: a budget of 2 s less the 0.5 s safety margin. */
const FUNCTION_TIMEOUT_MS = 2_000;
/** Longer than any budget here. */
const STALL_MS = 3_000;

/**
 * Holds matching calls of the handlers' document client for STALL_MS before they go on (a DynamoDB
 * that answers late); `ended` settles once every held call has gone on and finished.
 */
const stallCalls = (matches: (commandName: string, input: unknown) => boolean) => {
  const name = `stall-${ulid()}`;
  const held: Promise<unknown>[] = [];
  tasksDb().client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!matches(String(context.commandName), args.input)) return next(args);
      const call = sleep(STALL_MS).then(() => next(args));
      held.push(call.catch(() => undefined));
      return call;
    },
    { step: 'initialize', name },
  );
  return {
    held: () => held.length,
    /** Until no held call is left: work that carried on after the answer would be held again here. */
    ended: async () => {
      for (let seen = -1; seen !== held.length; ) {
        seen = held.length;
        await Promise.all(held);
        await sleep(100);
      }
      tasksDb().client.middlewareStack.remove(name);
    },
  };
};

/** A `Case Submitted` for the budget partner, without envelope id and time (local mode adds them). */
const caseSubmitted = (caseId: string) => ({
  source: 'platform',
  'detail-type': 'Case Submitted',
  detail: {
    caseId,
    creditorOrgId: 'c-budget',
    partnerOrgId: partner.org,
    hasBankAccount: true,
    contractSigned: true,
    requiresQuote: false,
  },
});

const fail = (message: string) => {
  throw new Error(message);
};

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('rel-budget', {
    server: { functionTimeoutMs: FUNCTION_TIMEOUT_MS, eventLimits: { timeoutMs: 1_500 } },
  });
});
afterAll(async () => {
  await api.stop();
});

describe('a DynamoDB stall past the time budget: 503 unavailable, and nothing written afterwards', () => {
  it('POST /tasks whose transaction is held past the budget', async () => {
    // Prepare
    const before = await api.snapshot();
    const stall = stallCalls((command) => command === 'TransactWriteItemsCommand');
    // Act
    const response = await api.call('POST', '/tasks', {
      as: partner,
      body: { title: 'Stalled create', dueInBusinessDays: 2 },
    });
    await stall.ended();
    // Assess: answered within the budget; the transaction, released after the answer, was never sent.
    expect(response.status, JSON.stringify(response.body)).toBe(503);
    expect(json(response).error).toMatchObject({ code: 'unavailable' });
    expect(stall.held()).toBe(1);
    expect(await api.snapshot()).toBe(before);
  });

  it('POST /tasks/{id}/postpone whose read is held past the budget: the change never follows', async () => {
    // Prepare
    const task = await api.plant({ type: 'generic', accessLevel: 'partner', orgId: partner.org });
    const stall = stallCalls((command) => command === 'GetItemCommand');
    // Act
    const response = await api.call('POST', `/tasks/${task.id}/postpone`, {
      as: partner,
      body: { deadline: new Date(Date.parse(task.deadline) + 5 * DAY).toISOString() },
    });
    await stall.ended();
    // Assess
    expect(response.status, JSON.stringify(response.body)).toBe(503);
    expect(json(response).error).toMatchObject({ code: 'unavailable' });
    expect(await getTask(api.db, task.id, true)).toMatchObject({ version: 1, deadline: task.deadline });
  });

  it('an EventBridge event whose transaction is held past the budget throws a retryable error and writes nothing', async () => {
    // Prepare
    const before = await api.snapshot();
    const caseId = `case-${ulid()}`;
    const event = { id: ulid(), time: new Date().toISOString(), ...caseSubmitted(caseId) };
    const context = { getRemainingTimeInMillis: () => FUNCTION_TIMEOUT_MS } as Context;
    const stall = stallCalls((command) => command === 'TransactWriteItemsCommand');
    // Act
    const outcome = await caseEvents(event, context).then(
      () => fail('the event should have run out of time'),
      (error: unknown) => error,
    );
    await stall.ended();
    // Assess: Lambda retries it (the error says so) and the retry finds nothing half-written.
    expect(outcome).toBeInstanceOf(TimeBudgetExceededError);
    expect(outcome).toMatchObject({ retryable: true });
    expect(await api.snapshot()).toBe(before);
  });
});

describe('retries stop when the budget is spent', () => {
  it('conflict retries of a transaction end at the deadline, not after CONFLICT_ATTEMPTS', async () => {
    // Prepare: every attempt answers late with a TransactionConflict, as under heavy contention.
    const db = createDb(api.server.tableName, localClientConfig(api.server.dynamoEndpoint));
    let attempts = 0;
    db.client.middlewareStack.add(
      () => async () => {
        attempts += 1;
        await sleep(200);
        throw new TransactionCanceledException({
          message: 'conflict',
          $metadata: {},
          CancellationReasons: [{ Code: 'TransactionConflict' }],
        });
      },
      { step: 'initialize', name: 'always-conflicting' },
    );
    const tx = new Transaction(db).put({ pk: `budget#${ulid()}`, sk: 'x' });
    // Act: the budget's race answers at the deadline; the commit's own outcome is what this test is about.
    let commit: Promise<unknown> = Promise.resolve();
    await withinTimeBudget({ deadline: Date.now() + 300 }, 'the test', async () => {
      commit = tx.commit().then(
        () => fail('the commit should have failed'),
        (error: unknown) => error,
      );
      return commit;
    }).catch(() => undefined);
    const outcome = await commit;
    db.client.destroy();
    // Assess
    expect(outcome).toBeInstanceOf(TimeBudgetExceededError);
    expect(attempts).toBeLessThan(CONFLICT_ATTEMPTS);
  });
});

describe('local mode answers a write from its own result', () => {
  it('POST /tasks answers 201 when the outbox read after it fails', async () => {
    // Prepare
    const name = `failing-outbox-${ulid()}`;
    let refused = 0;
    tasksDb().client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'QueryCommand' || !JSON.stringify(args.input).includes('outbox#')) {
          return next(args);
        }
        refused += 1;
        throw new Error('outbox read failed');
      },
      { step: 'initialize', name },
    );
    // Act
    const response = await api.call('POST', '/tasks', {
      as: partner,
      body: { title: 'Outbox down', dueInBusinessDays: 2 },
    });
    tasksDb().client.middlewareStack.remove(name);
    // Assess
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(refused).toBeGreaterThan(0);
    expect(await getTask(api.db, String(json(response).id), true)).toMatchObject({ title: 'Outbox down' });
  });
});

describe('POST /local/events is bounded', () => {
  const verified = (caseId: string) => ({ source: 'platform', 'detail-type': 'Case Verified', detail: { caseId } });

  it('more than 100 events in one call: 400 naming the body, none applied', async () => {
    // Prepare
    const before = await api.snapshot();
    const events = Array.from({ length: 101 }, () => verified(`case-${ulid()}`));
    // Act
    const response = await api.call('POST', '/local/events', { body: events });
    // Assess
    expect(response.status).toBe(400);
    expect(errorFields(response)).toEqual(['body']);
    expect(await api.snapshot()).toBe(before);
  });

  it('a call that runs past its time bound: 503 JSON saying how far it got, and no write after the answer', async () => {
    // Prepare
    const before = await api.snapshot();
    const stall = stallCalls((command) => command === 'TransactWriteItemsCommand');
    // Act
    const response = await api.call('POST', '/local/events', {
      body: [caseSubmitted(`case-${ulid()}`), caseSubmitted(`case-${ulid()}`)],
    });
    await stall.ended();
    // Assess
    expect(response.status, JSON.stringify(response.body)).toBe(503);
    expect(json(response)).toMatchObject({ error: { code: 'unavailable' }, index: 0, results: [] });
    expect(await api.snapshot()).toBe(before);
  });
});

describe('DynamoDB unreachable: 503 unavailable naming the cause', () => {
  it('a local client whose endpoint refuses connections throws DatabaseUnavailableError', async () => {
    // Prepare: a port nobody listens on.
    const db = createDb(
      'nowhere',
      { ...localClientConfig(`http://127.0.0.1:${await freePort()}`), maxAttempts: 1 },
      {
        unreachableMessage: 'DynamoDB Local is not running',
      },
    );
    // Act
    const outcome = await getTask(db, 't-1', true).then(
      () => fail('the read should have failed'),
      (error: unknown) => error,
    );
    db.client.destroy();
    // Assess
    expect(outcome).toBeInstanceOf(DatabaseUnavailableError);
    expect(outcome).toMatchObject({ statusCode: 503, code: 'unavailable' });
    expect(String((outcome as Error).message)).toMatch(/^DynamoDB Local is not running: .*ECONNREFUSED/);
  });
});
