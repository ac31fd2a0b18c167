// Case details (issue 20): the facts about a case that the platform sends with its events (reference, debtor,
// amounts), stored once per case, and what a task keeps of them to be found and sorted by key.
import * as z from 'zod';
import { wellFormedTextSchema } from './input-domain.js';

/** Amounts are integers in the currency's minor unit (cents, øre): exact, and 15 digits stay inside 2^53. */
export const MAX_MINOR_AMOUNT = 999_999_999_999_999;
export const MAX_INVOICE_COUNT = 100_000;

const minorAmountSchema = z
  .number()
  .int()
  .min(0)
  .max(MAX_MINOR_AMOUNT)
  .describe(`In the currency's minor unit (e.g. cents), 0 to ${MAX_MINOR_AMOUNT}`);

/**
 * What a platform event may say about its case; every field optional (the platform sends what it has).
 * A newer event's details replace the stored ones as a whole: a field it leaves out is no longer known.
 */
export const caseDetailsSchema = z
  .object({
    reference: wellFormedTextSchema
      .min(1)
      .max(64)
      .optional()
      .describe("The creditor's case reference, 1-64 characters"),
    debtorName: wellFormedTextSchema.min(1).max(200).optional().describe("The debtor's display name, 1-200 characters"),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code in capitals, e.g. EUR')
      .optional()
      .describe('ISO 4217 code of both amounts'),
    outstandingAmount: minorAmountSchema.optional(),
    overdueAmount: minorAmountSchema.optional(),
    invoiceCount: z.number().int().min(0).max(MAX_INVOICE_COUNT).optional().describe('Outstanding invoices'),
  })
  .refine(
    (details) =>
      details.currency !== undefined ||
      (details.outstandingAmount === undefined && details.overdueAmount === undefined),
    { path: ['currency'], message: 'an amount needs its currency' },
  );
export type CaseDetails = z.infer<typeof caseDetailsSchema>;

/**
 * Which details are newer: the event time in milliseconds (`toISOString`, so strings compare as times) and
 * the event id as tie-break. Stored on the case's details and on every open task's keys.
 */
export const caseDetailsStamp = (time: string, eventId: string): string => `${new Date(time).toISOString()}#${eventId}`;

/** Characters of a search key; a longer name or reference is found by its first 64. */
export const MAX_SEARCH_KEY_LENGTH = 64;
/** A search needs this many characters once normalised (one letter would match most of a list). */
export const MIN_SEARCH_LENGTH = 2;

/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const UNDECOMPOSED: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  // Lower-casing a capital Σ at a word's end gives ς: `ΟΔΥΣ` must still be a prefix of `Οδυσσέας`.
  ς: 'σ',
};

/**
 * The form names and references are matched in: accents dropped (NFKD, marks removed, ø → o, æ → ae, …),
 * lower case, every run of non-letters and non-digits one space, at most 64 characters. `Jørgensen-Müller`
 * and `jorgensen muller` are the same key; letters of any script are kept.
 */
export const searchKey = (text: string): string => {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœßđðłþıς]/g, (letter) => UNDECOMPOSED[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return Array.from(folded).slice(0, MAX_SEARCH_KEY_LENGTH).join('').trimEnd();
};

/** The sort and search keys a task takes from its case's details (an empty search key is no key). */
export interface CaseSortKeys {
  amount?: number;
  reference?: string;
  debtor?: string;
}

export const caseSortKeys = (details: CaseDetails | undefined): CaseSortKeys => {
  const reference = details?.reference === undefined ? '' : searchKey(details.reference);
  const debtor = details?.debtorName === undefined ? '' : searchKey(details.debtorName);
  return {
    ...(details?.outstandingAmount === undefined ? {} : { amount: details.outstandingAmount }),
    ...(reference ? { reference } : {}),
    ...(debtor ? { debtor } : {}),
  };
};
