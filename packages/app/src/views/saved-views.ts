// Saved views (issue 20): named filter sets of GET /tasks per user, org and party; org owners may share one.
import { DomainError, entityIdSchema, ForbiddenError, type Principal } from '@casetasks/core';
import {
  createSavedView,
  deleteSavedView,
  getOwnSavedView,
  getSharedSavedView,
  listSavedViews,
  replaceSavedView,
  type SavedView,
  savedViewSchema,
} from '@casetasks/db';
import { ulid } from 'ulid';
import * as z from 'zod';
import { tasksDb } from '../runtime/clients.js';
import { listQuerySchema } from '../tasks/list-tasks.js';

/** Far beyond any real number of edits: bounds the number the version condition compares. */
const MAX_VIEW_VERSION = 1_000_000;

/** Paging belongs to one reading of a list, not to a saved view. */
const PAGING_PARAMETERS = ['cursor', 'limit'] as const;

/**
 * The query parameters of GET /tasks as strings, checked by GET /tasks's own query schema (so a view applies
 * as a list query later) and stored as given: a 400 names `filters.<parameter>`.
 */
const viewFiltersSchema = z
  .record(z.string().max(64), z.string().max(2048))
  .superRefine((filters, ctx) => {
    for (const key of PAGING_PARAMETERS) {
      if (key in filters) ctx.addIssue({ code: 'custom', path: [key], message: 'not part of a saved view' });
    }
    const parsed = listQuerySchema.safeParse(filters);
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, input: undefined });
  })
  .describe('Query parameters of GET /tasks (without `cursor` and `limit`), as in the query string');

const viewFields = {
  name: z.string().trim().min(1).max(100).describe('1-100 characters, unique (case-insensitively) among your views'),
  filters: viewFiltersSchema,
  shared: z.boolean().default(false).describe('Shown read-only to every user of your org and party (owners only)'),
};

export const savedViewCreateSchema = z.strictObject(viewFields).meta({ id: 'SavedViewCreate' });
export const savedViewChangeSchema = z
  .strictObject({
    ...viewFields,
    expectedVersion: z
      .number()
      .int()
      .min(1)
      .max(MAX_VIEW_VERSION)
      .describe('The `version` read: a 409 when the view changed since'),
  })
  .meta({ id: 'SavedViewChange' });
export const savedViewDeleteSchema = z
  .strictObject({
    expectedVersion: z.number().int().min(1).max(MAX_VIEW_VERSION).optional().describe('The `version` read (optional)'),
  })
  .meta({ id: 'SavedViewDelete' });
export const savedViewParamsSchema = z.strictObject({ viewId: entityIdSchema });

export const savedViewViewSchema = savedViewSchema
  .extend({ editable: z.boolean().describe('true: yours; false: shared with you read-only') })
  .meta({ id: 'SavedView' });
export const savedViewListSchema = z.object({ items: z.array(savedViewViewSchema) }).meta({ id: 'SavedViewList' });
export type SavedViewView = z.infer<typeof savedViewViewSchema>;

/** No view of that id is visible to the caller (another user's unshared view, another org or party): 404. */
export class SavedViewNotFoundError extends DomainError {
  override readonly statusCode = 404;
  override readonly code = 'not_found';
  constructor() {
    super('view not found');
  }
}

const ownerOf = (principal: Principal) => ({
  party: principal.party,
  orgId: principal.orgId,
  userId: principal.userId,
});
const viewOf =
  (principal: Principal) =>
  (view: SavedView): SavedViewView => ({
    ...view,
    editable: view.ownerId === principal.userId,
  });

const assertMayShare = (principal: Principal, shared: boolean): void => {
  if (shared && principal.role !== 'owner') throw new ForbiddenError('only org owners share views', 'shared');
};

/** The caller's own view; a view shared by someone else is 403 (read-only), any other id 404. */
const ownView = async (principal: Principal, viewId: string): Promise<SavedView> => {
  const db = tasksDb();
  const own = await getOwnSavedView(db, ownerOf(principal), viewId);
  if (own) return own;
  if (await getSharedSavedView(db, principal.party, principal.orgId, viewId)) {
    throw new ForbiddenError('a shared view is changed only by the user who made it');
  }
  throw new SavedViewNotFoundError();
};

export const listViews = async (principal: Principal) => ({
  items: (await listSavedViews(tasksDb(), ownerOf(principal))).map(viewOf(principal)),
});

export const createView = async (principal: Principal, body: z.infer<typeof savedViewCreateSchema>, now: Date) => {
  assertMayShare(principal, body.shared);
  const at = now.toISOString();
  const view: SavedView = {
    ...{ id: ulid(now.getTime()).toLowerCase(), party: principal.party, orgId: principal.orgId },
    ...{ ownerId: principal.userId, name: body.name, filters: body.filters, shared: body.shared },
    ...{ version: 1, createdAt: at, updatedAt: at },
  };
  await createSavedView(tasksDb(), view);
  return viewOf(principal)(view);
};

/** Replaces the caller's view at `expectedVersion` (409 otherwise); unsharing is always allowed, sharing is not. */
export const changeView = async (
  principal: Principal,
  viewId: string,
  body: z.infer<typeof savedViewChangeSchema>,
  now: Date,
) => {
  assertMayShare(principal, body.shared);
  const previous = await ownView(principal, viewId);
  const next: SavedView = {
    ...previous,
    ...{ name: body.name, filters: body.filters, shared: body.shared },
    ...{ version: body.expectedVersion + 1, updatedAt: now.toISOString() },
  };
  await replaceSavedView(tasksDb(), { ...previous, version: body.expectedVersion }, next);
  return viewOf(principal)(next);
};

export const deleteView = async (principal: Principal, viewId: string, body: z.infer<typeof savedViewDeleteSchema>) => {
  const view = await ownView(principal, viewId);
  await deleteSavedView(tasksDb(), { ...view, version: body.expectedVersion ?? view.version });
  return { id: view.id, deleted: true };
};
