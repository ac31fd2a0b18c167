// Bad platform events, generated from the incoming zod schemas: InvalidEventError naming the field (the DLQ reason), never a write.

import { processPlatformEvent } from '@casetasks/app/events';
import { setWorkflowStarter } from '@casetasks/app/runtime';
import { MAX_INVOICE_COUNT, MAX_MINOR_AMOUNT, weekendCalendar } from '@casetasks/core';
import { InvalidEventError, MAX_QUOTE_PARTNERS, MAX_SOURCE_LENGTH, platformEventSchema } from '@casetasks/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { type ApiHarness, json, startApi } from '../integration/api-client.js';
import { platformEvent, type RawEvent, recordingWorkflow } from '../integration/events-helpers.js';
import { badDates, HUGE, injections, notStrings, oddUnicode } from './nasty-values.js';
import { shapeOf } from './requests.js';

const calendar = weekendCalendar('UTC');
const TIME = '2026-11-23T10:00:00.000Z';

interface Internals {
  _zod: { def: { type: string; innerType?: z.ZodType; element?: z.ZodType; entries?: Record<string, string> } };
}
const defOf = (schema: z.ZodType) => (schema as unknown as Internals)._zod.def;
const unwrap = (schema: z.ZodType): z.ZodType => {
  const def = defOf(schema);
  return def.type === 'optional' && def.innerType ? unwrap(def.innerType) : schema;
};

/**
 * The event contract's field kinds: `…Id`/`…Ids` are platform identifiers (they end up in keys), `…Date`
 * is a date, other strings are free text. Read from each field's name and zod type.
 */
type EventFieldKind = 'id' | 'ids' | 'date' | 'text' | 'enum' | 'boolean' | 'number' | 'details';
const kindOf = (name: string, schema: z.ZodType): EventFieldKind => {
  const type = defOf(unwrap(schema)).type;
  // The only nested object of the contract: the case's details (issue 20).
  if (type === 'object') return 'details';
  if (type === 'enum') return 'enum';
  if (type === 'boolean') return 'boolean';
  if (type === 'number') return 'number';
  if (type === 'array') return 'ids';
  if (name.endsWith('Id')) return 'id';
  if (name.endsWith('Date')) return 'date';
  return 'text';
};

const validValue = (kind: EventFieldKind, schema: z.ZodType, name: string): unknown => {
  switch (kind) {
    case 'id':
      return `${name}-1`;
    case 'ids':
      return ['p-1', 'p-2'];
    case 'date':
      return '2026-12-01';
    case 'text':
      return 'hello';
    case 'enum':
      return Object.values(defOf(unwrap(schema)).entries ?? {})[0];
    case 'boolean':
      return true;
    case 'number':
      return 1;
    case 'details':
      return { reference: 'R-1', debtorName: 'Debtor', currency: 'EUR', outstandingAmount: 100, invoiceCount: 1 };
  }
};

/** Case details the platform may not send, each naming its one bad field (core's caseDetailsSchema). */
const badCaseDetails: { name: string; field: string; details: Record<string, unknown> }[] = [
  { name: 'amount without currency', field: 'currency', details: { outstandingAmount: 100 } },
  { name: 'overdue amount without currency', field: 'currency', details: { reference: 'R-1', overdueAmount: 5 } },
  { name: 'currency in lower case', field: 'currency', details: { currency: 'eur', outstandingAmount: 1 } },
  { name: 'negative amount', field: 'outstandingAmount', details: { currency: 'EUR', outstandingAmount: -1 } },
  { name: 'fractional amount', field: 'outstandingAmount', details: { currency: 'EUR', outstandingAmount: 10.5 } },
  { name: 'amount as a string', field: 'outstandingAmount', details: { currency: 'EUR', outstandingAmount: '100' } },
  {
    name: 'amount over MAX_MINOR_AMOUNT',
    field: 'overdueAmount',
    details: { currency: 'EUR', overdueAmount: MAX_MINOR_AMOUNT + 1 },
  },
  { name: 'reference of 65 characters', field: 'reference', details: { reference: 'r'.repeat(65) } },
  { name: 'empty reference', field: 'reference', details: { reference: '' } },
  { name: 'lone surrogate in debtorName', field: 'debtorName', details: { debtorName: oddUnicode.loneSurrogate } },
  { name: 'debtorName of 201 characters', field: 'debtorName', details: { debtorName: 'd'.repeat(201) } },
  { name: 'negative invoiceCount', field: 'invoiceCount', details: { invoiceCount: -1 } },
  { name: 'invoiceCount over its bound', field: 'invoiceCount', details: { invoiceCount: MAX_INVOICE_COUNT + 1 } },
];

const refused = (kind: EventFieldKind): Record<string, unknown> => {
  const strings = { ...notStrings, null: null };
  switch (kind) {
    case 'id':
      return { ...strings, empty: '', huge: HUGE, ...oddUnicode, ...injections, space: 'a b' };
    case 'ids':
      return {
        string: 'p-1',
        empty: [],
        number: [1],
        hostile: [injections.keyDelimiter],
        huge: [HUGE],
        null: null,
        // One over the bound that keeps a quote round inside one transaction.
        tooMany: Array.from({ length: MAX_QUOTE_PARTNERS + 1 }, (_, i) => `p-${i}`),
      };
    case 'date':
      return { ...strings, ...badDates, huge: HUGE, year9999: '9999-12-31', before2000: '1999-12-31' };
    case 'text':
      // Free text is data: only its type is refused (long chat text is accepted and cut to what is kept, below).
      return strings;
    case 'enum':
      return { ...strings, upper: 'ACTIVE', unknown: 'archived', ...injections, empty: '' };
    case 'boolean':
      return { string: 'true', number: 1, null: null, array: [] };
    case 'number':
      // Day counts (SLA Terms Set): whole numbers within their bounds only.
      return { string: '5', zero: 0, negative: -1, fraction: 1.5, huge: 1e9, null: null, boolean: true, array: [1] };
    case 'details':
      // Its fields' own refusals are badCaseDetails (each names the nested field).
      return { string: 'R-1', number: 42, boolean: true, array: [{ reference: 'R-1' }], null: null };
  }
};

interface BadEvent {
  name: string;
  field: string;
  event: unknown;
}

const validEvent = (detailType: string, shape: Record<string, z.ZodType>): RawEvent =>
  platformEvent(
    detailType,
    Object.fromEntries(
      Object.entries(shape)
        .filter(([, schema]) => !schema.safeParse(undefined).success)
        .map(([name, schema]) => [name, validValue(kindOf(name, schema), schema, name)]),
    ),
    TIME,
  );

const schemas = platformEventSchema.options.map((option) => ({
  detailType: option.shape['detail-type'].value,
  detail: shapeOf(option.shape.detail),
}));

const cases: BadEvent[] = schemas.flatMap(({ detailType, detail }) => {
  const base = () => validEvent(detailType, detail);
  const out: BadEvent[] = [];
  for (const [field, schema] of Object.entries(detail)) {
    const kind = kindOf(field, schema);
    for (const [name, value] of Object.entries(refused(kind))) {
      const event = base();
      out.push({
        name: `${detailType} ${field}: ${name}`,
        field: `detail.${field}`,
        event: { ...event, detail: { ...event.detail, [field]: value } },
      });
    }
    if (kind === 'details') {
      for (const bad of badCaseDetails) {
        const event = base();
        out.push({
          name: `${detailType} ${field}: ${bad.name}`,
          field: `detail.${field}.${bad.field}`,
          event: { ...event, detail: { ...event.detail, [field]: bad.details } },
        });
      }
    }
    if (!schema.safeParse(undefined).success) {
      const event = base();
      const { [field]: _dropped, ...rest } = event.detail;
      out.push({
        name: `${detailType} ${field}: missing`,
        field: `detail.${field}`,
        event: { ...event, detail: rest },
      });
    }
  }
  const envelope = (name: string, field: string, patch: Record<string, unknown>) => {
    const event: Record<string, unknown> = { ...base(), ...patch };
    for (const [key, value] of Object.entries(patch)) if (value === undefined) delete event[key];
    out.push({ name: `${detailType} ${name}`, field, event });
  };
  const outOfDomain = {
    year9999: '9999-12-31T10:00:00Z',
    year2100: '2100-01-01T00:00:00Z',
    before2000: '1999-12-31T23:59:59Z',
  };
  for (const [name, time] of Object.entries({
    ...badDates,
    ...outOfDomain,
    nul: oddUnicode.nul,
    number: 1_700_000_000,
  }))
    envelope(`time ${name}`, 'time', { time });
  envelope('source over its bound', 'source', { source: 'x'.repeat(MAX_SOURCE_LENGTH + 1) });
  envelope('no id', 'id', { id: undefined });
  envelope('empty id', 'id', { id: '' });
  envelope('detail null', 'detail', { detail: null });
  envelope('detail an array', 'detail', { detail: [] });
  envelope('detail a JSON string', 'detail', { detail: JSON.stringify(base().detail) });
  return out;
});
cases.push(
  { name: 'unknown detail-type', field: 'detail-type', event: platformEvent('Case Deleted', { caseId: 'c-1' }, TIME) },
  {
    name: 'detail-type injection',
    field: 'detail-type',
    event: platformEvent(injections.sql, { caseId: 'c-1' }, TIME),
  },
  { name: 'not an object', field: '(event)', event: 'Case Submitted' },
  { name: 'null', field: '(event)', event: null },
);

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
