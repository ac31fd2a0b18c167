// SLA terms per creditor (issue 19): a creditor owner sets them, the creditor reads them, both parties of a case
// see the terms in force for it, and task creation and the case-update dashboard apply them.
import {
  CaseNotFoundError,
  type CaseState,
  deadlineDaysFor,
  entityIdSchema,
  ForbiddenError,
  type Principal,
  resolvedTerms,
  type SlaTerms,
  type SlaTermsRef,
  type SlaTermsVersion,
  slaTermsSchema,
  slaTermsVersionSchema,
  type TaskType,
  TERMS_VERSIONS_LISTED,
  type TermsInForce,
  termsInForce,
  type UpdateIntervals,
  updateIntervalsOf,
} from '@casetasks/core';
import {
  type Db,
  getCaseState,
  latestSlaTermsVersion,
  putSlaTermsVersion,
  SlaTermsChangedError,
  type SlaTermsOwner,
  type StepWrite,
  slaTermsInForce,
  slaTermsVersions,
} from '@casetasks/db';
import * as z from 'zod';
import { tasksDb } from '../runtime/clients.js';

export { caseSlaTermsSchema } from '@casetasks/core';

/** The highest version number: the sort key pads it to 8 digits. */
const MAX_TERMS_VERSION = 99_999_999;

export const slaTermsBodySchema = z
  .strictObject({
    ...slaTermsSchema.shape,
    partnerOrgId: entityIdSchema
      .optional()
      .describe('Set: the agreement with this partner, which wins over the creditor terms'),
    expectedVersion: z
      .number()
      .int()
      .min(1)
      .max(MAX_TERMS_VERSION)
      .optional()
      .describe('The `latestVersion` read: a 409 when someone set the terms since (omit for no check)'),
  })
  .meta({ id: 'SlaTermsChange' });
export type SlaTermsBody = z.infer<typeof slaTermsBodySchema>;

export const slaTermsQuerySchema = z.strictObject({
  partnerOrgId: entityIdSchema
    .optional()
    .describe('The agreement with this partner; omitted: the terms for all partners'),
});

export const slaTermsViewSchema = z
  .object({
    creditorOrgId: z.string(),
    partnerOrgId: z.string().nullable(),
    /** What to send as expectedVersion; 0 when never set. */
    latestVersion: z.number().int().nonnegative(),
    inForce: slaTermsVersionSchema.nullable().describe('The version in force now; null: the catalogue applies'),
    versions: z.array(slaTermsVersionSchema).describe(`The newest ${TERMS_VERSIONS_LISTED} versions by effectiveFrom`),
  })
  .meta({ id: 'SlaTermsView' });

const assertCreditor = (principal: Principal): void => {
  if (principal.party !== 'creditor') throw new ForbiddenError('SLA terms are set by creditor organisations');
};

const termsView = async (db: Db, owner: SlaTermsOwner, now: Date) => {
  const [latestVersion, inForce, versions] = await Promise.all([
    latestSlaTermsVersion(db, owner),
    slaTermsInForce(db, owner, now.toISOString()),
    slaTermsVersions(db, owner, TERMS_VERSIONS_LISTED),
  ]);
  return { ...owner, latestVersion, inForce: inForce ?? null, versions };
};

/** The creditor's terms (or its agreement with one partner): every role of the creditor reads them. */
export const readSlaTerms = async (principal: Principal, query: z.infer<typeof slaTermsQuerySchema>, now: Date) => {
  assertCreditor(principal);
  return termsView(tasksDb(), { creditorOrgId: principal.orgId, partnerOrgId: query.partnerOrgId ?? null }, now);
};

/** Writes the next version of (creditor, partner|*)'s terms, effective `effectiveFrom`; 409 when expectedVersion is stale. */
export const addSlaTermsVersion = async (
  db: Db,
  owner: SlaTermsOwner,
  change: { terms: SlaTerms; effectiveFrom: string; setBy: string; setAt: string; expectedVersion?: number },
  options: StepWrite = {},
): Promise<SlaTermsVersion> => {
  const latest = await latestSlaTermsVersion(db, owner);
  if (change.expectedVersion !== undefined && change.expectedVersion !== latest) {
    throw new SlaTermsChangedError(owner, change.expectedVersion);
  }
  const { terms, effectiveFrom, setBy, setAt } = change;
  const version: SlaTermsVersion = { ...owner, version: latest + 1, effectiveFrom, terms, setBy, setAt };
  await putSlaTermsVersion(db, version, options);
  return version;
};

/** Creditor owners only: a new version effective now; answers what GET /sla/terms then reads. */
export const setSlaTerms = async (principal: Principal, body: SlaTermsBody, now: Date) => {
  assertCreditor(principal);
  if (principal.role !== 'owner') throw new ForbiddenError('only owners may set SLA terms');
  const db = tasksDb();
  const { partnerOrgId, expectedVersion, ...terms } = body;
  const owner = { creditorOrgId: principal.orgId, partnerOrgId: partnerOrgId ?? null };
  const at = now.toISOString();
  await addSlaTermsVersion(db, owner, {
    terms,
    effectiveFrom: at,
    setBy: principal.userId,
    setAt: at,
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
  });
  return termsView(db, owner, now);
};

/** The terms in force at `at` for (creditor, partner): the agreement when one is in force, else the creditor's. */
export const termsInForceAt = async (
  db: Db,
  creditorOrgId: string,
  partnerOrgId: string | null,
  at: string,
): Promise<TermsInForce> => {
  const [creditor, agreement] = await Promise.all([
    slaTermsInForce(db, { creditorOrgId, partnerOrgId: null }, at),
    partnerOrgId === null ? undefined : slaTermsInForce(db, { creditorOrgId, partnerOrgId }, at),
  ]);
  return termsInForce(creditor, agreement);
};

/** The terms in force now for a case, shown to its creditor and its partner only (anyone else: 404). */
export const caseSlaTerms = async (principal: Principal, caseId: string, now: Date) => {
  const db = tasksDb();
  const state = await getCaseState(db, caseId);
  const creditorOrgId = state?.creditorOrgId;
  const partnerOrgId = state?.partnerOrgId ?? null;
  const party = principal.party === 'creditor' ? creditorOrgId : partnerOrgId;
  if (creditorOrgId === undefined || party !== principal.orgId) throw new CaseNotFoundError();
  const asOf = now.toISOString();
  const inForce = await termsInForceAt(db, creditorOrgId, partnerOrgId, asOf);
  return { caseId, creditorOrgId, partnerOrgId, asOf, ...resolvedTerms(inForce) };
};

/** What a task created from an event records of its case's creditor and terms, and the agreed days. */
export interface TaskTerms {
  days?: number;
  fields: { creditorOrgId?: string; slaTerms?: SlaTermsRef };
}

/** Terms read by one event: each (creditor, partner, instant) once, however many tasks the event opens. */
const readByEvent = new WeakMap<object, Map<string, Promise<TermsInForce>>>();

/**
 * The terms a task about a case is created under: those in force at its creating event's time (`at`), so
 * a late-delivered event gets the terms of its own time. Creditor tasks only record the creditor.
 */
export const taskTermsFor = async (
  event: { db: Db },
  task: { type: TaskType; party: 'partner' | 'creditor'; orgId: string; at: string; caseId?: string | null },
  caseState: CaseState | undefined,
): Promise<TaskTerms> => {
  const state = caseState ?? (task.caseId ? await getCaseState(event.db, task.caseId) : undefined);
  const creditorOrgId = state?.creditorOrgId;
  if (creditorOrgId === undefined) return { fields: {} };
  if (task.party !== 'partner') return { fields: { creditorOrgId } };
  const memo = readByEvent.get(event) ?? new Map<string, Promise<TermsInForce>>();
  readByEvent.set(event, memo);
  const key = JSON.stringify([creditorOrgId, task.orgId, task.at]);
  const inForce = memo.get(key) ?? termsInForceAt(event.db, creditorOrgId, task.orgId, task.at);
  memo.set(key, inForce);
  const value = deadlineDaysFor(task.type, await inForce);
  if (!value) return { fields: { creditorOrgId } };
  return { days: value.days, fields: { creditorOrgId, slaTerms: value.from } };
};

/**
 * The case-update intervals of each active case of a partner, from its creditor's terms in force now: one
 * read of the creditor's terms and one of its agreement with the partner per distinct creditor.
 */
export const updateIntervalsByCase = async (
  db: Db,
  partnerOrgId: string,
  states: readonly CaseState[],
  now: Date,
): Promise<Map<string, UpdateIntervals>> => {
  const byCreditor = new Map<string, Promise<TermsInForce>>();
  for (const { creditorOrgId } of states) {
    if (creditorOrgId !== undefined && !byCreditor.has(creditorOrgId)) {
      byCreditor.set(creditorOrgId, termsInForceAt(db, creditorOrgId, partnerOrgId, now.toISOString()));
    }
  }
  const intervals = new Map<string, UpdateIntervals>();
  for (const state of states) {
    const inForce = state.creditorOrgId === undefined ? undefined : byCreditor.get(state.creditorOrgId);
    if (inForce) intervals.set(state.caseId, updateIntervalsOf(await inForce));
  }
  return intervals;
};
