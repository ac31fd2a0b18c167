// The job registry is wired everywhere: each job has its Lambda entry, its schedule in the template and its local route; nothing else does.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Job, type JobSummary, jobs } from '@casetasks/app/jobs';
import { Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jobEntry } from '../../infra/constructs/nightly-jobs.js';
import { repoRoot } from '../../infra/constructs/service-function.js';
import { LocalOutbox, serveLocalRoute } from '../../infra/local/local-routes.js';
import { buildTestApp, referencedId, resourcesOf } from '../../infra/testing/test-app.js';

const registered = jobs as readonly Job[];
const names = registered.map((job) => job.name);

describe('job wiring', () => {
  // Prepare
  const { stateless, service } = buildTestApp();
  const schedules = Object.values(resourcesOf(service, 'AWS::Scheduler::Schedule'));
  const functionIdOf = (job: Job) => {
    const fn = stateless.jobs.functions.get(job.name);
    if (!fn) throw new Error(`no function for ${job.name}`);
    return Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnFunction);
  };

  afterEach(() => vi.restoreAllMocks());

  it.each(registered)('$name has an entry file exporting `handler`', async (job) => {
    const entry = (await import(join(repoRoot, jobEntry(job.name)))) as { handler?: unknown };
    expect(typeof entry.handler).toBe('function');
  });

  it.each(registered)('$name runs on its schedule, targeting its own function', (job) => {
    const targeting = schedules.filter(
      (schedule) => referencedId((schedule.Properties.Target as { Arn: unknown }).Arn) === functionIdOf(job),
    );
    expect(targeting.map((schedule) => schedule.Properties)).toEqual([
      expect.objectContaining({
        ScheduleExpression: job.schedule.expression,
        ScheduleExpressionTimezone: job.schedule.timeZone,
      }),
    ]);
    expect(resourcesOf(service, 'AWS::Lambda::Function')[functionIdOf(job)]?.Properties).toMatchObject({
      Description: job.lambda.description,
      Timeout: job.lambda.timeoutSeconds,
      MemorySize: job.lambda.memoryMb,
    });
  });

  it.each(registered)('local mode runs $name on POST /local/jobs/{name}', async (job) => {
    // Prepare: the job's run stands in (the route's part is finding it); no table, so the outbox sync only reports.
    const summary: JobSummary = { job: job.name, now: '2026-11-25T02:00:00.000Z', counts: {}, durationMs: 0 };
    const run = vi.spyOn(job, 'run').mockResolvedValue(summary);
    const outbox = new LocalOutbox(() => {
      throw new Error('no table in this test');
    });
    // Act
    const response = await serveLocalRoute('POST', `/local/jobs/${job.name}`, Buffer.from('{}'), {
      outbox,
      eventLimits: { maxEvents: 1, timeoutMs: 1_000 },
    });
    // Assess
    expect(response?.statusCode).toBe(200);
    expect(JSON.parse(String(response?.body))).toMatchObject({ summary });
    expect(run).toHaveBeenCalledWith({});
  });

  it('has no entry file or schedule the registry lacks', () => {
    const entries = readdirSync(join(repoRoot, 'functions/scheduled'))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => file.replace(/\.ts$/, ''));
    expect(entries.sort()).toEqual([...names].sort());
    expect(schedules).toHaveLength(registered.length);
    expect([...stateless.jobs.functions.keys()].sort()).toEqual([...names].sort());
  });
});
