// The console page's pure helpers: the queries and bodies it sends, the lines it shows, and its sample events.
import { parsePlatformEvent } from '@casetasks/events';
import { describe, expect, it } from 'vitest';
import {
  clockRequest,
  errorText,
  outboxAbout,
  runOutcome,
  samples,
  tasksQuery,
  timelineLine,
} from './console/console.js';

describe('console helpers', () => {
  it('builds the GET /tasks query from the tab and filters, leaving empty ones out', () => {
    // Prepare / Act
    const all = tasksQuery({ tab: 'all', status: 'open', type: '', assignee: '', caseId: '' });
    const narrowed = tasksQuery({
      tab: 'new-cases',
      status: 'completed',
      type: 'review_new_case',
      assignee: 'me',
      caseId: 'c-1',
    });
    // Assess
    expect(all).toBe('status=open');
    expect(narrowed).toBe('status=completed&tab=new-cases&type=review_new_case&assignee=me&caseId=c-1');
  });

  it('sends a duration as an advance and anything else as a new now', () => {
    expect(clockRequest(' P3D ')).toEqual({ advance: 'P3D' });
    expect(clockRequest('2030-01-01T00:00:00Z')).toEqual({ now: '2030-01-01T00:00:00Z' });
  });

  it('shows a history entry, its reason and its changes on one line', () => {
    const line = timelineLine({
      at: '2026-11-24T10:00:00.000Z',
      action: 'postponed',
      actor: { kind: 'user', id: 'u-1' },
      reason: 'after payday',
      changes: { deadline: ['2026-11-26', '2026-11-30'] },
    });
    const objectChange = timelineLine({ at: 'x', action: 'clock_paused', changes: { clock: [null, { a: 1 }] } });
    expect(objectChange).toBe('x — clock_paused by unknown (clock: — → {"a":1})');
    expect(line).toBe(
      '2026-11-24T10:00:00.000Z — postponed by user u-1 (after payday · deadline: 2026-11-26 → 2026-11-30)',
    );
  });

  it('summarises outbox entries, job runs and refusals', () => {
    expect(outboxAbout({ taskId: 't-1', caseId: 'c-1', extra: 1 })).toBe('taskId t-1, caseId c-1');
    expect(outboxAbout({ task: { id: 't-2', type: 'call_reminder', orgId: 'p-1' } })).toBe(
      'type call_reminder, taskId t-2, orgId p-1',
    );
    expect(runOutcome({ summary: { job: 'deadline-reminders', now: 'x', reminded: 2 } })).toBe('reminded 2');
    expect(runOutcome({ error: 'boom' })).toBe('error: boom');
    const refusal = { error: { message: 'invalid request: role', fields: [{ field: 'role', message: 'bad' }] } };
    expect(errorText(400, refusal)).toBe('400 invalid request: role (role: bad)');
  });

  it('builds sample events the event contract accepts', () => {
    for (const [name, sample] of Object.entries(samples)) {
      const events = sample.events({ caseId: 'case-s1', partnerOrgId: 'p-1', creditorOrgId: 'c-1' });
      for (const event of events) {
        expect(
          () => parsePlatformEvent({ id: 'evt-1', time: '2026-11-24T10:00:00Z', ...(event as object) }),
          name,
        ).not.toThrow();
      }
    }
  });
});
