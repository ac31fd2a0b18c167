// Bad platform events, generated from the incoming zod schemas: InvalidEventError naming the field (the DLQ reason), never a write.

import { processPlatformEvent } from '@casetasks/app/events';
import { setWorkflowStarter } from '@casetasks/app/runtime';
import { weekendCalendar } from '@casetasks/core';
import { InvalidEventError } from '@casetasks/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, json, startApi } from '../integration/api-client.js';
import { platformEvent, recordingWorkflow } from '../integration/events-helpers.js';
import { badEventCases, schemas, TIME, validEvent } from './bad-input-events-cases.js';
import { injections } from './nasty-values.js';

const calendar = weekendCalendar('UTC');
const cases = badEventCases();

let api: ApiHarness;
beforeAll(async () => {
  recordingWorkflow();
  api = await startApi('rel-bad-events');
});
afterAll(async () => {
  setWorkflowStarter(undefined);
  await api.stop();
});

describe('generated bad events', () => {
  it('has its ~1,390 cases over every field of every incoming detail-type', () => {
    // 1,389 cases at this writing: per detail-type, the refused values of each detail field's kind, "missing" for
    // each required field, the nested case-details refusals, and the envelope cases (time, source, id, detail);
    // plus 4 whole-event cases. The floor is that count less ~2 %: dropping a detail-type (~90 cases), a kind's
    // values or the envelope cases fails here. Raise it when the generator grows.
    expect(cases.length).toBeGreaterThanOrEqual(1_360);
    for (const { detailType, detail } of schemas) {
      expect(cases.some((c) => c.name.startsWith(`${detailType} `))).toBe(true);
      for (const field of Object.keys(detail))
        expect(
          cases.some((c) => c.name.startsWith(`${detailType} ${field}: `)),
          `${detailType} ${field}`,
        ).toBe(true);
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s → InvalidEventError naming the field, nothing written',
    async (_name, c) => {
      // Prepare
      const before = await api.snapshot();
      // Act
      const error = await processPlatformEvent(c.event, { db: api.db, calendar }).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      // Assess
      expect(error).toBeInstanceOf(InvalidEventError);
      const invalid = error as InvalidEventError;
      expect(
        invalid.field === c.field || invalid.field.startsWith(`${c.field}.`),
        `${invalid.field} should be ${c.field}`,
      ).toBe(true);
      expect(invalid).toMatchObject({ statusCode: 400, retryable: false });
      expect(invalid.message).toContain(invalid.field);
      expect(await api.snapshot()).toBe(before);
    },
  );
});

describe('every valid base event is accepted (the bad cases fail for their one field only)', () => {
  it.each(schemas.map(({ detailType, detail }) => [detailType, detail] as const))('%s', async (detailType, detail) => {
    await expect(processPlatformEvent(validEvent(detailType, detail), { db: api.db, calendar })).resolves.toMatchObject(
      {
        detailType,
      },
    );
  });
});

describe('unknown fields are tolerated, never stored (producers may add fields; decision in docs/RELIABILITY.md)', () => {
  it('an extra detail field and an extra envelope field change nothing about the outcome', async () => {
    // Prepare
    // A known case, so nothing parks here; parked events keep only their parsed fields (events-input-domain.test.ts).
    await processPlatformEvent(
      platformEvent(
        'Case Submitted',
        {
          caseId: 'c-extra',
          creditorOrgId: 'cr-x',
          partnerOrgId: 'p-x',
          hasBankAccount: true,
          contractSigned: true,
          requiresQuote: false,
        },
        TIME,
      ),
      { db: api.db, calendar },
    );
    const event = platformEvent(
      'Case Verified',
      { caseId: 'c-extra', injectedField: 'smuggled-value' },
      '2026-11-23T10:05:00.000Z',
    );
    // Act
    const outcome = await processPlatformEvent(
      { ...event, account: '123456789012', region: 'eu-west-1' },
      { db: api.db, calendar },
    );
    // Assess
    expect(outcome.duplicate).toBe(false);
    const snapshot = await api.snapshot();
    expect(snapshot).toContain('c-extra');
    expect(snapshot).not.toContain('smuggled-value');
    expect(snapshot).not.toContain('injectedField');
  });
});

describe('POST /local/events answers 400 with the event index and the field', () => {
  const samples = cases.filter((_, i) => i % 40 === 0).slice(0, 6);
  it.each(samples.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    // Prepare
    const before = await api.snapshot();
    const good = platformEvent('Case Verified', { caseId: 'c-local' }, TIME);
    // Act: a batch whose second event is bad applies none of them.
    const response = await api.call('POST', '/local/events', { body: [good, c.event] });
    // Assess
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(400);
    const body = json(response);
    expect(body.index).toBe(1);
    expect(JSON.stringify(body.error)).toContain(c.field);
    expect(await api.snapshot()).toBe(before);
  });
});

describe('long chat text is data, bounded where it travels', () => {
  it('a 200 KB message is accepted (its first MAX_CHAT_TEXT_LENGTH characters kept); the task and its outgoing events carry only an excerpt', async () => {
    // Prepare
    await processPlatformEvent(
      platformEvent(
        'Case Submitted',
        {
          caseId: 'c-long',
          creditorOrgId: 'cr-long',
          partnerOrgId: 'p-long',
          hasBankAccount: true,
          contractSigned: true,
          requiresQuote: false,
        },
        TIME,
      ),
      { db: api.db, calendar },
    );
    const text = `${injections.html}${'x'.repeat(200 * 1024)}`;
    // Act
    const outcome = await processPlatformEvent(
      platformEvent(
        'Chat Message Sent',
        { caseId: 'c-long', messageId: 'm-long', senderParty: 'creditor', senderUserId: 'u-1', text },
        '2026-11-23T11:00:00.000Z',
      ),
      { db: api.db, calendar },
    );
    // Assess
    expect(outcome.effects.map((effect) => effect.action)).toContain('created');
    const outbox = json(await api.call('GET', '/local/outbox')).items as { detailType: string; detail: unknown }[];
    const created = outbox.filter(
      (entry) => entry.detailType === 'Task Created' && JSON.stringify(entry.detail).includes('c-long'),
    );
    expect(created.length).toBeGreaterThan(0);
    // EventBridge refuses entries over 256 KB: the outgoing event must stay far below.
    for (const entry of created) expect(JSON.stringify(entry.detail).length).toBeLessThan(16 * 1024);
  });
});
