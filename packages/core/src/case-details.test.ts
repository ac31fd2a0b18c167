// Case details (issue 20): the search key's folding and cut, the details schema, the sort keys a task takes, stamp order.
import { describe, expect, it } from 'vitest';
import {
  caseDetailsSchema,
  caseDetailsStamp,
  caseSortKeys,
  MAX_INVOICE_COUNT,
  MAX_MINOR_AMOUNT,
  MAX_SEARCH_KEY_LENGTH,
  searchKey,
} from './case-details.js';

describe('searchKey', () => {
  it.each([
    ['Jørgensen-Müller', 'jorgensen muller'],
    ['jorgensen muller', 'jorgensen muller'],
    ['ÆBLE', 'aeble'],
    ['Straße', 'strasse'],
    ['Œuvre Łódź', 'oeuvre lodz'],
    ['Çağlar İnce', 'caglar ince'],
    ['ﬁnance', 'finance'],
    ['  --INV/2026__0042.. ', 'inv 2026 0042'],
    ['Ünal & Søn, A/S', 'unal son a s'],
  ])('folds %j to %j', (text, key) => {
    // Act / Assess
    expect(searchKey(text)).toBe(key);
  });

  it('keeps Greek and Cyrillic letters, lower-cased, accents off', () => {
    // Act / Assess
    expect(searchKey('Οδυσσέας Παπαδόπουλος')).toBe('οδυσσεασ παπαδοπουλοσ');
    expect(searchKey('ИВАНОВ-Петров')).toBe('иванов петров');
  });

  it('makes a capital Greek prefix ending in Σ a prefix of the full name (final sigma)', () => {
    // Act
    const prefix = searchKey('ΟΔΥΣ');
    // Assess
    expect(searchKey('Οδυσσέας').startsWith(prefix)).toBe(true);
    expect(searchKey('ΟΔΥΣΣΕΑΣ')).toBe(searchKey('Οδυσσέας'));
  });

  it('is empty for text without letters or digits', () => {
    // Act / Assess
    expect(searchKey('-- / ..')).toBe('');
    expect(searchKey('')).toBe('');
  });

  it('cuts at 64 characters without ending in a space', () => {
    // Prepare: the 65th character is a letter, the 64th a space
    const text = `${'a'.repeat(63)} bcd`;
    // Act
    const key = searchKey(text);
    // Assess
    expect(key).toBe('a'.repeat(63));
    expect(searchKey('b'.repeat(100))).toHaveLength(MAX_SEARCH_KEY_LENGTH);
  });

  it('cuts by code point: a letter outside the BMP is kept whole or dropped whole', () => {
    // Prepare: 63 letters, then two CJK letters of two UTF-16 units each
    const text = `${'x'.repeat(63)}𠀀𠀁`;
    // Act
    const key = searchKey(text);
    // Assess
    expect(key).toBe(`${'x'.repeat(63)}𠀀`);
    expect(Array.from(key)).toHaveLength(MAX_SEARCH_KEY_LENGTH);
    expect(/\p{Cs}/u.test(key)).toBe(false);
  });
});

describe('caseDetailsSchema', () => {
  const issuePaths = (input: unknown) => {
    const result = caseDetailsSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  it('accepts full details and none', () => {
    // Prepare
    const full = {
      reference: 'INV-2026-0042',
      debtorName: 'Jørgensen-Müller ApS',
      currency: 'DKK',
      outstandingAmount: MAX_MINOR_AMOUNT,
      overdueAmount: 0,
      invoiceCount: MAX_INVOICE_COUNT,
    };
    // Act / Assess
    expect(caseDetailsSchema.parse(full)).toEqual(full);
    expect(caseDetailsSchema.parse({})).toEqual({});
  });

  it.each([[{ outstandingAmount: 100 }], [{ overdueAmount: 5 }]])(
    'refuses an amount without its currency, naming currency: %j',
    (input) => {
      // Act / Assess
      expect(issuePaths(input)).toEqual(['currency']);
    },
  );

  it.each([
    [{ reference: '' }, 'reference'],
    [{ reference: 'r'.repeat(65) }, 'reference'],
    [{ debtorName: 'd'.repeat(201) }, 'debtorName'],
    [{ debtorName: '\uD800x' }, 'debtorName'],
    [{ currency: 'eur' }, 'currency'],
    [{ currency: 'EURO' }, 'currency'],
    [{ currency: 'EUR', outstandingAmount: -1 }, 'outstandingAmount'],
    [{ currency: 'EUR', outstandingAmount: 1.5 }, 'outstandingAmount'],
    [{ currency: 'EUR', overdueAmount: MAX_MINOR_AMOUNT + 1 }, 'overdueAmount'],
    [{ invoiceCount: MAX_INVOICE_COUNT + 1 }, 'invoiceCount'],
    [{ invoiceCount: -1 }, 'invoiceCount'],
  ])('refuses %j naming %s', (input, field) => {
    // Act / Assess
    expect(issuePaths(input)).toEqual([field]);
  });

  it('keeps the bounds themselves', () => {
    // Act / Assess
    expect(issuePaths({ reference: 'r'.repeat(64), debtorName: 'd'.repeat(200), currency: 'EUR' })).toEqual([]);
  });
});

describe('caseSortKeys', () => {
  it('takes the amount and the search keys of reference and debtor name', () => {
    // Act
    const keys = caseSortKeys({
      reference: 'INV/42',
      debtorName: 'Jørgensen-Müller',
      currency: 'EUR',
      outstandingAmount: 1234,
    });
    // Assess
    expect(keys).toEqual({ amount: 1234, reference: 'inv 42', debtor: 'jorgensen muller' });
  });

  it('keeps an amount of zero', () => {
    // Act / Assess
    expect(caseSortKeys({ currency: 'EUR', outstandingAmount: 0 })).toEqual({ amount: 0 });
  });

  it('leaves out what is unknown, and a name without letters or digits', () => {
    // Act
    const keys = caseSortKeys({ reference: '--', currency: 'EUR', overdueAmount: 9, invoiceCount: 2 });
    // Assess
    expect(keys).toEqual({});
  });

  it('has no keys without details', () => {
    // Act / Assess
    expect(caseSortKeys(undefined)).toEqual({});
  });
});

describe('caseDetailsStamp', () => {
  it('orders by time first, whatever the event ids', () => {
    // Act
    const earlier = caseDetailsStamp('2026-11-20T10:00:00.000Z', 'ZZZZ');
    const later = caseDetailsStamp('2026-11-20T10:00:00.001Z', 'AAAA');
    // Assess
    expect(earlier < later).toBe(true);
  });

  it('compares times across offsets and precisions as instants', () => {
    // Act
    const utc = caseDetailsStamp('2026-11-20T10:00:00Z', 'A');
    const offset = caseDetailsStamp('2026-11-20T11:00:00.000+01:00', 'A');
    const laterOffset = caseDetailsStamp('2026-11-20T10:30:00+02:00', 'A');
    // Assess
    expect(offset).toBe(utc);
    expect(laterOffset < utc).toBe(true);
  });

  it('breaks a tie in the same millisecond by event id', () => {
    // Act
    const a = caseDetailsStamp('2026-11-20T10:00:00.000Z', '01KB000000000000000000000A');
    const b = caseDetailsStamp('2026-11-20T10:00:00.000Z', '01KB000000000000000000000B');
    // Assess
    expect(a < b).toBe(true);
    expect(a).toBe('2026-11-20T10:00:00.000Z#01KB000000000000000000000A');
  });
});
