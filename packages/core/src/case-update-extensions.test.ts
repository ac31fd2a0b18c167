// Case-update deadline extensions with hand-computed fixtures: the dashboard line of an approved / rejected / superseded
// request, the request rules and who may ask.
import { describe, expect, it } from 'vitest';
import { weekendCalendar } from './calendar.js';
import type { CaseState } from './case-state.js';
import {
  assertMayRequestUpdateExtension,
  decideUpdateExtension,
  MAX_UPDATE_EXTENSIONS_KEPT,
  requestUpdateExtension,
  updateApprovalTaskFor,
} from './case-update-extensions.js';
import { activeCaseOf, caseUpdateLine } from './case-update-sla.js';
import type { Principal } from './lifecycle.js';
import type { Actor } from './task.js';

const partner: Actor = { kind: 'user', id: 'u-partner' };
const creditor: Actor = { kind: 'user', id: 'u-creditor' };
// Contact attempted Tue 3 Nov 12:00Z: the next update is due 7 calendar days later, Tue 10 Nov 12:00Z.
const UPDATED_AT = '2026-11-03T12:00:00.000Z';
const DUE = '2026-11-10T12:00:00.000Z';
const input = { extensionId: 'ext-1', approvalTaskId: 'appr-1', days: 5, reason: 'debtor in hospital' };

const activeCase = (patch: Partial<CaseState> = {}): CaseState => ({
  caseId: 'c-1',
  creditorOrgId: 'c-org',
  partnerOrgId: 'p-org',
  status: 'active',
  statusAt: '2026-10-01T00:00:00.000Z',
  lastStatusUpdate: { statusType: 'contact_attempted', at: UPDATED_AT },
  version: 4,
  ...patch,
});

/** The case after a 5-day request on Sun 8 Nov, decided so on Mon 9 Nov. */
const decided = (decision: 'approved' | 'rejected', state = activeCase()): CaseState => {
  const requested = { ...state, ...requestUpdateExtension(state, input, partner, '2026-11-08T10:00:00.000Z').patch };
  return { ...requested, ...decideUpdateExtension(requested, 'ext-1', decision, creditor, '2026-11-09T10:00:00.000Z') };
};

const lineAt = (state: CaseState, now: string) => caseUpdateLine(activeCaseOf(state), new Date(now));

describe('the dashboard line', () => {
  it('without a request: due 10 Nov 12:00, red on 12 Nov 12:00 (2 days overdue)', () => {
    expect(lineAt(activeCase(), '2026-11-12T12:00:00.000Z')).toMatchObject({
      nextUpdateDue: DUE,
      daysRemaining: -2,
      alert: 'red',
      extensionDays: 0,
    });
  });

  it('approved +5 days: due 15 Nov 12:00; yellow on 12 Nov 12:00 (exactly 3 days left), green on 11 Nov 12:00 (4)', () => {
    const state = decided('approved');
    expect(lineAt(state, '2026-11-12T12:00:00.000Z')).toMatchObject({
      nextUpdateDue: '2026-11-15T12:00:00.000Z',
      daysRemaining: 3,
      alert: 'yellow',
      extensionDays: 5,
    });
    expect(lineAt(state, '2026-11-11T12:00:00.000Z')).toMatchObject({ daysRemaining: 4, alert: 'green' });
  });

  it('rejected: the deadline stays, red on 12 Nov', () => {
    expect(lineAt(decided('rejected'), '2026-11-12T12:00:00.000Z')).toMatchObject({
      nextUpdateDue: DUE,
      alert: 'red',
      extensionDays: 0,
    });
  });

  it('a newer status update starts a new clock and drops the extension', () => {
    // Contact attempted again Thu 12 Nov 09:00Z: due 19 Nov 09:00Z. On 20 Nov 12:00Z that is 27 h overdue → -2
    // (whole days away from zero), red; keeping the 5 days would wrongly say due 24 Nov, green.
    const newer = {
      ...decided('approved'),
      lastStatusUpdate: { statusType: 'contact_attempted', at: '2026-11-12T09:00:00.000Z' },
    };
    expect(lineAt(newer, '2026-11-20T12:00:00.000Z')).toMatchObject({
      nextUpdateDue: '2026-11-19T09:00:00.000Z',
      daysRemaining: -2,
      alert: 'red',
      extensionDays: 0,
    });
  });

  it('a case without an update yet: the clock is the activation, and its extension counts', () => {
    // Activated 1 Oct 00:00Z: due 14 days later, 15 Oct 00:00Z; +5 approved → 20 Oct 00:00Z.
    const state = decided('approved', activeCase({ lastStatusUpdate: undefined }));
    expect(state.updateExtensions?.[0]?.forUpdateAt).toBe('2026-10-01T00:00:00.000Z');
    expect(lineAt(state, '2026-10-18T00:00:00.000Z')).toMatchObject({
      nextUpdateDue: '2026-10-20T00:00:00.000Z',
      extensionDays: 5,
    });
  });
});

describe('requesting', () => {
  it('records the request for the current update; the approval task carries calendarDays, no taskId', () => {
    const state = activeCase();
    const { patch, extension } = requestUpdateExtension(state, input, partner, '2026-11-08T10:00:00.000Z');
    expect(patch.updateExtensions).toEqual([extension]);
    expect(extension).toEqual({
      id: 'ext-1',
      forUpdateAt: UPDATED_AT,
      days: 5,
      reason: 'debtor in hospital',
      status: 'requested',
      requestedAt: '2026-11-08T10:00:00.000Z',
      requestedBy: 'u-partner',
      approvalTaskId: 'appr-1',
    });
    // Requested Fri 6 Nov 10:00Z on a weekend calendar: 3 business days → Wed 11 Nov 10:00Z.
    const approval = updateApprovalTaskFor(
      weekendCalendar('UTC'),
      { ...input, caseId: 'c-1', creditorOrgId: 'c-org', partnerOrgId: 'p-org' },
      '2026-11-06T10:00:00.000Z',
    );
    expect(approval).toMatchObject({
      type: 'approve_extension',
      accessLevel: 'creditor',
      orgId: 'c-org',
      caseId: 'c-1',
      deadline: '2026-11-11T10:00:00.000Z',
      scopeKey: 'extension#ext-1',
      details: { extensionRequest: { caseId: 'c-1', partnerOrgId: 'p-org', extensionId: 'ext-1', calendarDays: 5 } },
    });
    expect(approval.details?.extensionRequest?.taskId).toBeUndefined();
    expect(approval.details?.extensionRequest?.businessDays).toBeUndefined();
  });

  it('refuses (409) a case not active, one with no update due, an undecided request, a fourth for one update', () => {
    const at = '2026-11-08T10:00:00.000Z';
    const ask =
      (state: CaseState, id = 'ext-9') =>
      () =>
        requestUpdateExtension(state, { ...input, extensionId: id }, partner, at);
    expect(ask(activeCase({ status: 'paused' }))).toThrow(/only an active case/);
    expect(ask(activeCase({ lastStatusUpdate: { statusType: 'uncollectible', at: UPDATED_AT } }))).toThrow(
      /no next update due/,
    );
    expect(ask(activeCase({ statusAt: undefined, lastStatusUpdate: undefined }))).toThrow(/no next update due/);
    const pending = { ...activeCase(), ...requestUpdateExtension(activeCase(), input, partner, at).patch };
    expect(ask(pending)).toThrow(/still awaits the creditor/);
    let state = activeCase();
    for (const id of ['a', 'b', 'c']) {
      state = { ...state, ...requestUpdateExtension(state, { ...input, extensionId: id }, partner, at).patch };
      state = { ...state, ...decideUpdateExtension(state, id, 'rejected', creditor, at) };
    }
    expect(ask(state)).toThrow(/at most 3/);
    // A newer update starts a new allowance.
    const newer = { ...state, lastStatusUpdate: { statusType: 'contact_attempted', at: '2026-11-12T09:00:00.000Z' } };
    expect(ask(newer)().extension.forUpdateAt).toBe('2026-11-12T09:00:00.000Z');
  });

  it(`keeps the ${MAX_UPDATE_EXTENSIONS_KEPT} newest requests`, () => {
    let state = activeCase();
    for (let index = 0; index < 12; index += 1) {
      const at = new Date(Date.parse(UPDATED_AT) + index * 3_600_000).toISOString();
      // A new update every round, so the per-update limit does not stop the loop.
      state = { ...state, lastStatusUpdate: { statusType: 'contact_attempted', at } };
      state = { ...state, ...requestUpdateExtension(state, { ...input, extensionId: `e${index}` }, partner, at).patch };
      state = { ...state, ...decideUpdateExtension(state, `e${index}`, 'approved', creditor, at) };
    }
    expect(state.updateExtensions?.map((extension) => extension.id)).toEqual([
      'e2',
      'e3',
      'e4',
      'e5',
      'e6',
      'e7',
      'e8',
      'e9',
      'e10',
      'e11',
    ]);
  });

  it('a decided request is not decided again', () => {
    expect(() => decideUpdateExtension(decided('rejected'), 'ext-1', 'approved', creditor, DUE)).toThrow(
      /already rejected/,
    );
    expect(() => decideUpdateExtension(activeCase(), 'nope', 'approved', creditor, DUE)).toThrow(/not on the case/);
  });
});

describe('who may ask', () => {
  const who = (party: 'partner' | 'creditor', orgId: string, role: Principal['role'] = 'manager'): Principal => ({
    userId: 'u-1',
    orgId,
    party,
    role,
  });
  /** The status the use case answers; `null` = no case state at all. */
  const status = (principal: Principal, state: CaseState | null = activeCase()) => {
    try {
      assertMayRequestUpdateExtension(principal, state ?? undefined);
      return 200;
    } catch (error) {
      return (error as { statusCode: number }).statusCode;
    }
  };

  it('the case partner’s owners and managers; 404 for other orgs and unknown cases, 403 for its creditor and contributors', () => {
    expect(status(who('partner', 'p-org'))).toBe(200);
    expect(status(who('partner', 'p-org', 'owner'))).toBe(200);
    expect(status(who('partner', 'p-other'))).toBe(404);
    expect(status(who('creditor', 'c-other'))).toBe(404);
    expect(status(who('partner', 'p-org'), null)).toBe(404);
    // Same org id, the other party: not the case's creditor either.
    expect(status(who('creditor', 'p-org'))).toBe(404);
    expect(status(who('creditor', 'c-org'))).toBe(403);
    expect(status(who('partner', 'p-org', 'contributor'))).toBe(403);
  });
});
