// A DynamoDB Local that dies: calls answer 503 naming the cause, the supervisor restarts it, persisted data is still there.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signLocalToken } from '../../infra/local/local-jwt.js';
import { type LocalServer, startLocalServer } from '../../infra/local/server.js';

const fail = (message: string) => {
  throw new Error(message);
};

describe('a DynamoDB Local that dies is restarted by the supervisor', () => {
  let server: LocalServer;
  let dataDir: string;
  let bearer: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'casetasks-supervised-'));
    server = await startLocalServer({
      persistDir: dataDir,
      tableName: `rel-supervised-${ulid().toLowerCase()}`,
      workflow: false,
    });
    bearer = `Bearer ${await signLocalToken({ sub: 'u-1', org_id: 'p-supervised', party: 'partner', role: 'manager' })}`;
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: bearer, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers 503 naming the cause while it is down, then works again with the persisted data', async () => {
    // Prepare
    const created = await call('POST', '/tasks', { title: 'Survives a crash', dueInBusinessDays: 2 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const dynamo = server.dynamo ?? fail('the server should supervise its own DynamoDB Local');
    const pid = dynamo.pid ?? fail('no DynamoDB Local process');
    // Act: kill the Java process as a crash would, and wait (bounded) until the supervisor saw it.
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 500 && dynamo.downCause === undefined; i++) await sleep(10);
    const whileDown = await call('GET', '/tasks');
    const eventsWhileDown = await call('POST', '/local/events', {
      source: 'platform',
      'detail-type': 'Case Verified',
      detail: { caseId: 'case-down' },
    });
    await dynamo.whenUp();
    const afterRestart = await call('GET', '/tasks');
    // Assess
    for (const answer of [whileDown, eventsWhileDown]) {
      expect(answer.status).toBe(503);
      expect(answer.body.error).toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(/^DynamoDB Local is not running: it was killed \(SIGKILL\)/),
      });
    }
    expect(dynamo.pid).not.toBe(pid);
    expect(afterRestart.status, JSON.stringify(afterRestart.body)).toBe(200);
    expect((afterRestart.body.items as { id: string }[]).map((task) => task.id)).toContain(created.body.id);
  });
});
