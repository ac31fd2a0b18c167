// 50 parallel writes on one task over HTTP: each applies on its version or is refused; history and state lose nothing.
import { tasksDb } from '@casetasks/app/runtime';
import { listHistory, listOutboxSince } from '@casetasks/db';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, type ApiResponse, json, startApi } from '../integration/api-client.js';
import { owner } from './requests.js';

const PARALLEL = 50;
const DAY = 86_400_000;

type Op = { kind: 'postpone'; deadline: string } | { kind: 'assign'; assigneeId: string } | { kind: 'complete' };

interface TaskState {
  version: number;
  status: string;
  deadline: string;
  assigneeId: string | null;
}

/** The mix of 50 calls: mostly postpones and assigns with distinct values, a few completes (seeded). */
const opsArb = fc
  .array(fc.constantFrom<Op['kind']>('postpone', 'postpone', 'assign', 'assign', 'complete'), {
    minLength: PARALLEL,
    maxLength: PARALLEL,
  })
  .map((kinds) =>
    kinds.map((kind, i): Op => {
      if (kind === 'postpone') return { kind, deadline: new Date(Date.now() + (10 + i) * DAY).toISOString() };
      if (kind === 'assign') return { kind, assigneeId: `u-${i}` };
      return { kind };
    }),
  );

/** The core rule each applied change must have followed, from the state before it. */
const replay = (before: TaskState, op: Op): Omit<TaskState, 'version'> => {
  if (op.kind === 'postpone') return { ...before, deadline: op.deadline };
  if (op.kind === 'assign') return { ...before, assigneeId: op.assigneeId };
  return { ...before, status: 'completed' };
};

const stateOf = (body: Record<string, unknown>): TaskState => ({
  version: Number(body.version),
  status: String(body.status),
  deadline: String(body.deadline),
  assigneeId: (body.assigneeId as string | null) ?? null,
});

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('rel-concurrency');
});
afterAll(async () => {
  await api.stop();
});

const send = (taskId: string, op: Op): Promise<ApiResponse> => {
  if (op.kind === 'postpone')
    return api.call('POST', `/tasks/${taskId}/postpone`, { as: owner, body: { deadline: op.deadline } });
  if (op.kind === 'assign')
    return api.call('POST', `/tasks/${taskId}/assign`, { as: owner, body: { assigneeId: op.assigneeId } });
  return api.call('POST', `/tasks/${taskId}/complete`, { as: owner, body: {} });
};

describe(`${PARALLEL} parallel postpone/assign/complete calls on one task`, () => {
  const [ops] = fc.sample(opsArb, { seed: 20261123, numRuns: 1 });

  it('each applies on its version (200) or is refused (409, or a rule error for what it saw); nothing lost', async () => {
    // Prepare
    if (!ops) throw new Error('no sample');
    const task = await api.plant({ type: 'generic', accessLevel: 'partner', orgId: 'p-1', assigneeId: null });
    // Act
    const responses = await Promise.all(ops.map((op) => send(task.id, op)));
    // Assess: no 5xx, only the answers the contract allows.
    const statuses = responses.map((response) => response.status);
    expect(
      statuses.filter((status) => ![200, 400, 409].includes(status)),
      JSON.stringify(responses.filter((r) => r.status >= 500).map((r) => r.body)),
    ).toEqual([]);
    for (const response of responses.filter((r) => r.status !== 200)) {
      const code = (json(response).error as { code: string }).code;
      expect(['conflict', 'rule_violation']).toContain(code);
    }
    const applied = ops
      .map((op, i) => ({ op, response: responses[i] as ApiResponse }))
      .filter(({ response }) => response.status === 200)
      .map(({ op, response }) => ({ op, state: stateOf(json(response)) }))
      .sort((a, b) => a.state.version - b.state.version);
    expect(applied.length).toBeGreaterThan(0);
    // Versions contiguous from 2: every applied change saw the one before it.
    expect(applied.map(({ state }) => state.version)).toEqual(applied.map((_, i) => i + 2));
    // Each applied state is exactly the previous state with that one change.
    let previous: TaskState = { version: 1, status: 'open', deadline: task.deadline, assigneeId: null };
    for (const { op, state } of applied) {
      expect({ ...state, version: undefined }).toEqual({ ...replay(previous, op), version: undefined });
      previous = state;
    }
    // The stored task is the last applied state; the history lists exactly the applied changes.
    const stored = stateOf(json(await api.call('GET', `/tasks/${task.id}`, { as: owner })));
    expect(stored).toEqual(previous);
    const history = json(await api.call('GET', `/tasks/${task.id}/history`, { as: owner })).items as {
      version: number;
      action: string;
    }[];
    expect(history.map((entry) => entry.version)).toEqual([1, ...applied.map(({ state }) => state.version)]);
    const action = { postpone: 'postponed', assign: 'assigned', complete: 'completed' } as const;
    expect(history.slice(1).map((entry) => entry.action)).toEqual(applied.map(({ op }) => action[op.kind]));
    // Completed at most once, and nothing after it; one Task Completed in the outbox if so.
    const completions = applied.filter(({ op }) => op.kind === 'complete');
    expect(completions.length).toBeLessThanOrEqual(1);
    if (completions.length === 1) expect(applied.at(-1)?.op.kind).toBe('complete');
    const completedEvents = (await listOutboxSince(api.db, '0')).filter(
      (entry) => entry.detailType === 'Task Completed' && (entry.detail.task as { id: string }).id === task.id,
    );
    expect(completedEvents).toHaveLength(completions.length);
  });
});

/**
 * Holds every task write the server sends until each request still waiting for its answer has sent its
 * write: then all of them have read the task before any write landed, so they really overlap (no timer).
 */
const writeBarrier = () => {
  const held: (() => void)[] = [];
  let waiting = 0;
  let released = 0;
  const release = () => {
    if (held.length === 0 || held.length < waiting) return;
    released = Math.max(released, held.length);
    for (const go of held.splice(0)) go();
  };
  const name = 'concurrency-test-write-barrier';
  tasksDb().client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'TransactWriteItemsCommand') {
        await new Promise<void>((go) => {
          held.push(go);
          release();
        });
      }
      return next(args);
    },
    { step: 'initialize', name },
  );
  return {
    /** Counts the request as waiting until its answer comes. */
    send: async (request: () => Promise<ApiResponse>): Promise<ApiResponse> => {
      waiting++;
      try {
        return await request();
      } finally {
        waiting--;
        release();
      }
    },
    /** The most writes released together. */
    largestRelease: () => released,
    remove: () => tasksDb().client.middlewareStack.remove(name),
  };
};

describe(`${PARALLEL} writers that all read the task before any writes`, () => {
  const [ops] = fc.sample(opsArb, { seed: 20261129, numRuns: 1 });

  it('the race happens: exactly one applies (200), every other is a 409 conflict, history has one change', async () => {
    // Prepare
    if (!ops) throw new Error('no sample');
    const task = await api.plant({ type: 'generic', accessLevel: 'partner', orgId: 'p-1', assigneeId: null });
    const barrier = writeBarrier();
    // Act
    let responses: ApiResponse[];
    try {
      responses = await Promise.all(ops.map((op) => barrier.send(() => send(task.id, op))));
    } finally {
      barrier.remove();
    }
    // Assess: all writers were in flight together, so one won and the rest lost on the version check.
    expect(barrier.largestRelease()).toBe(PARALLEL);
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(PARALLEL - 1);
    for (const response of responses.filter((r) => r.status === 409))
      expect((json(response).error as { code: string }).code).toBe('conflict');
    const winner = ops[statuses.indexOf(200)] as Op;
    const stored = stateOf(json(await api.call('GET', `/tasks/${task.id}`, { as: owner })));
    expect(stored).toEqual({
      ...replay({ version: 1, status: 'open', deadline: task.deadline, assigneeId: null }, winner),
      version: 2,
    });
    expect((await listHistory(api.db, task.id)).map((entry) => entry.version)).toEqual([1, 2]);
  });
});
