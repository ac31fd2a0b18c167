// The bad-input-events suite's cases, generated from the incoming zod schemas (counted by counts.ts).
import { MAX_INVOICE_COUNT, MAX_MINOR_AMOUNT } from '@casetasks/core';
import { MAX_QUOTE_PARTNERS, MAX_SOURCE_LENGTH, platformEventSchema } from '@casetasks/events';
import type * as z from 'zod';
import { platformEvent, type RawEvent } from '../integration/events-helpers.js';
import { badDates, HUGE, injections, notStrings, oddUnicode } from './nasty-values.js';
import { shapeOf } from './requests.js';

export const TIME = '2026-11-23T10:00:00.000Z';

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

export interface BadEvent {
  name: string;
  field: string;
  event: unknown;
}

export const validEvent = (detailType: string, shape: Record<string, z.ZodType>): RawEvent =>
  platformEvent(
    detailType,
    Object.fromEntries(
      Object.entries(shape)
        .filter(([, schema]) => !schema.safeParse(undefined).success)
        .map(([name, schema]) => [name, validValue(kindOf(name, schema), schema, name)]),
    ),
    TIME,
  );

export const schemas = platformEventSchema.options.map((option) => ({
  detailType: option.shape['detail-type'].value,
  detail: shapeOf(option.shape.detail),
}));

const generated: BadEvent[] = schemas.flatMap(({ detailType, detail }) => {
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

/** Every case of the suite: per detail-type, then 4 whole-event cases. */
export const badEventCases = (): BadEvent[] => [
  ...generated,
  { name: 'unknown detail-type', field: 'detail-type', event: platformEvent('Case Deleted', { caseId: 'c-1' }, TIME) },
  {
    name: 'detail-type injection',
    field: 'detail-type',
    event: platformEvent(injections.sql, { caseId: 'c-1' }, TIME),
  },
  { name: 'not an object', field: '(event)', event: 'Case Submitted' },
  { name: 'null', field: '(event)', event: null },
];
