// Org settings: one item per (party, org) (`org#{party}#{org}` / `settings`), read with one GetItem and
// written one section at a time; beside it, one round-robin turn counter per auto-assigned task type, and
// the org's entry in the holiday-refresh partition while its calendar has a country (issue 17).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  autoAssignmentSettingsSchema,
  chatCleanupSettingsSchema,
  type MaterialisedHolidays,
  materialisedHolidaysSchema,
  type OrgSettings,
  orgCalendarSettingsSchema,
  type Party,
  partySchema,
  reminderSettingsSchema,
  type TaskType,
} from '@casetasks/core';
import * as z from 'zod';
import type { Db } from '../client.js';
import { readItem } from '../item-reads.js';
import { partitionPages } from '../partition-pages.js';
import { readStoredItems, reportCorruptItem } from '../stored-items.js';
import { Transaction } from '../transaction.js';

const orgPartition = (party: Party, orgId: string) => `org#${party}#${orgId}`;
const orgSettingsKey = (party: Party, orgId: string) => ({ pk: orgPartition(party, orgId), sk: 'settings' });
const assignmentTurnKey = (party: Party, orgId: string, type: TaskType) => ({
  pk: orgPartition(party, orgId),
  sk: `assign#${type}`,
});

/** The sections an owner sets, each its own attribute so PUTs of different sections never clobber. */
export const orgSettingsSections = {
  calendar: orgCalendarSettingsSchema,
  reminders: reminderSettingsSchema,
  autoAssignment: autoAssignmentSettingsSchema,
  chatCleanup: chatCleanupSettingsSchema,
} as const;
export type OrgSettingsSection = keyof typeof orgSettingsSections;

/** Parses a stored settings item; a section that no longer parses is dropped (defaults apply), not fatal. */
const fromOrgSettingsItem = (item: Record<string, unknown> | undefined): OrgSettings => {
  const settings: OrgSettings = { version: typeof item?.version === 'number' ? item.version : 0 };
  if (!item) return settings;
  for (const section of Object.keys(orgSettingsSections) as OrgSettingsSection[]) {
    const parsed = orgSettingsSections[section].safeParse(item[section]);
    if (parsed.success) Object.assign(settings, { [section]: parsed.data });
  }
  const holidays = materialisedHolidaysSchema.safeParse(item.holidays);
  if (holidays.success) settings.holidays = holidays.data;
  if (typeof item.updatedAt === 'string') settings.updatedAt = item.updatedAt;
  if (typeof item.updatedBy === 'string') settings.updatedBy = item.updatedBy;
  return settings;
};

/** The org's settings (version 0 and no sections when it never set any); a stored section that no longer parses is reported. */
export const getOrgSettings = async (db: Db, party: Party, orgId: string, consistent = false): Promise<OrgSettings> => {
  const item = await readItem(db, orgSettingsKey(party, orgId), consistent);
  const settings = fromOrgSettingsItem(item);
  for (const section of Object.keys(orgSettingsSections) as OrgSettingsSection[]) {
    if (item?.[section] !== undefined && settings[section] === undefined) {
      reportCorruptItem(db, item, `${section}: no longer a valid section (defaults apply)`);
    }
  }
  if (item?.holidays !== undefined && settings.holidays === undefined) {
    reportCorruptItem(db, item, 'holidays: no longer valid (weekends and closed days only until refreshed)');
  }
  return settings;
};

export interface SettingsWrite<S extends OrgSettingsSection> {
  party: Party;
  orgId: string;
  section: S;
  value: NonNullable<OrgSettings[S]>;
  updatedBy: string;
  now: Date;
}

/**
 * The UpdateItem of one section: the section (and any extra attributes) set, the item's identity and
 * author stamped, the version bumped. `remove` drops attributes in the same write.
 */
const sectionUpdate = <S extends OrgSettingsSection>(
  db: Db,
  write: SettingsWrite<S>,
  extra: { set?: Record<string, unknown>; remove?: string[] } = {},
) => {
  const extraSet = Object.keys(extra.set ?? {});
  return {
    TableName: db.tableName,
    Key: orgSettingsKey(write.party, write.orgId),
    UpdateExpression: [
      `SET #section = :value, ${extraSet.map((name) => `${name} = :${name}, `).join('')}`,
      'kind = :kind, party = :party, orgId = :orgId, updatedAt = :now, updatedBy = :by',
      extra.remove?.length ? ` REMOVE ${extra.remove.join(', ')}` : '',
      ' ADD version :one',
    ].join(''),
    ExpressionAttributeNames: { '#section': write.section },
    ExpressionAttributeValues: {
      ':value': write.value,
      ...Object.fromEntries(Object.entries(extra.set ?? {}).map(([name, value]) => [`:${name}`, value])),
      ':kind': 'orgSettings',
      ':party': write.party,
      ':orgId': write.orgId,
      ':now': write.now.toISOString(),
      ':by': write.updatedBy,
      ':one': 1,
    },
  };
};

/**
 * Replaces one section atomically and bumps the version. A single UpdateItem per section means two
 * owners editing different sections at once both win, and the same section is last-writer-wins.
 */
export const putOrgSettingsSection = async <S extends OrgSettingsSection>(
  db: Db,
  write: SettingsWrite<S>,
): Promise<OrgSettings> => {
  const { Attributes } = await db.client.send(
    new UpdateCommand({ ...sectionUpdate(db, write), ReturnValues: 'ALL_NEW' }),
  );
  return fromOrgSettingsItem(Attributes);
};

// ---- the calendar and its materialised holidays (issue 17) --------------------------------------------

/**
 * The holiday-refresh partition: one entry per org whose calendar has a country, holding what its stored
 * holidays cover, so the calendar-refresh job finds the orgs to extend with one Query (never a Scan).
 * Written in the same transaction as the settings item, so the two never disagree.
 */
const holidayRefreshKey = (party: Party, orgId: string) => ({ pk: 'holidays', sk: `${party}#${orgId}` });

const holidayRefreshSchema = z.object({
  party: partySchema,
  orgId: z.string().min(1),
  /** Empty for an org registered by a read (settings stored before issue 17): due at once. */
  country: z.string(),
  source: z.string(),
  fromYear: z.number().int(),
  throughYear: z.number().int(),
});
/** An org's entry in the holiday-refresh partition. */
export type HolidayRefreshEntry = z.infer<typeof holidayRefreshSchema>;

const toHolidayRefreshItem = (party: Party, orgId: string, holidays: MaterialisedHolidays) => ({
  ...holidayRefreshKey(party, orgId),
  kind: 'holidayRefresh',
  party,
  orgId,
  country: holidays.country,
  source: holidays.source,
  fromYear: holidays.fromYear,
  throughYear: holidays.throughYear,
});

/** The settings changed (an owner saved) since the job read them: its write was not applied. */
export class SettingsChangedError extends Error {
  constructor(
    readonly party: Party,
    readonly orgId: string,
  ) {
    super(`settings of ${party} org ${orgId} changed since they were read`);
    this.name = 'SettingsChangedError';
  }
}

/** The version the job read still holds (version 0: the item does not exist). */
const versionStill = (version: number) =>
  version === 0
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': version } };

export interface CalendarWrite extends SettingsWrite<'calendar'> {
  /** The calendar country's public holidays; null when the calendar has no country. */
  holidays: MaterialisedHolidays | null;
}

/**
 * Replaces the calendar section and its materialised holidays together, and puts (country) or deletes
 * (none) the org's holiday-refresh entry, in one transaction; then reads the item back (consistent) for
 * the answer. Last writer wins, as for every section.
 */
export const putOrgCalendarSection = async (db: Db, write: CalendarWrite): Promise<OrgSettings> => {
  const key = orgSettingsKey(write.party, write.orgId);
  const refreshKey = holidayRefreshKey(write.party, write.orgId);
  const tx = new Transaction(db);
  tx.add(
    {
      Update: sectionUpdate(
        db,
        write,
        write.holidays ? { set: { holidays: write.holidays } } : { remove: ['holidays'] },
      ),
    },
    () => new SettingsChangedError(write.party, write.orgId),
  );
  if (write.holidays) tx.put(toHolidayRefreshItem(write.party, write.orgId, write.holidays));
  else tx.add({ Delete: { TableName: db.tableName, Key: refreshKey } }, () => new Error('unconditional delete'));
  await tx.commit();
  return fromOrgSettingsItem(await readItem(db, key, true));
};

/**
 * The holiday-refresh entries, page by page: one Query of one partition, from its start (the job has no
 * checkpoint: a run walks it all). An entry that no longer parses is reported and skipped.
 */
export async function* holidayRefreshPages(
  db: Db,
  options: { pageSize?: number } = {},
): AsyncGenerator<{ entries: HolidayRefreshEntry[] }> {
  for await (const items of partitionPages(db, {
    pk: 'holidays',
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  })) {
    yield { entries: readStoredItems(db, items, (item) => holidayRefreshSchema.parse(item)) };
  }
}

/**
 * Stores freshly materialised holidays and moves the org's refresh entry along, only if the settings
 * are still at `version`: an owner's save in between wins (SettingsChangedError), since it stored
 * holidays of its own. The version does not move: the calendar an owner sees has not changed.
 */
export const saveMaterialisedHolidays = async (
  db: Db,
  write: { party: Party; orgId: string; version: number; holidays: MaterialisedHolidays },
): Promise<void> => {
  const tx = new Transaction(db);
  const { ConditionExpression, ExpressionAttributeValues } = versionStill(write.version);
  tx.add(
    {
      Update: {
        TableName: db.tableName,
        Key: orgSettingsKey(write.party, write.orgId),
        UpdateExpression: 'SET holidays = :holidays',
        ConditionExpression,
        ExpressionAttributeValues: { ...ExpressionAttributeValues, ':holidays': write.holidays },
      },
    },
    () => new SettingsChangedError(write.party, write.orgId),
  );
  tx.put(toHolidayRefreshItem(write.party, write.orgId, write.holidays));
  await tx.commit();
};

/** Deletes the refresh entry of an org whose calendar (still at `version`) has no country any more. */
export const dropHolidayRefresh = async (
  db: Db,
  entry: { party: Party; orgId: string; version: number },
): Promise<void> => {
  const tx = new Transaction(db);
  tx.add(
    {
      ConditionCheck: {
        TableName: db.tableName,
        Key: orgSettingsKey(entry.party, entry.orgId),
        ...versionStill(entry.version),
      },
    },
    () => new SettingsChangedError(entry.party, entry.orgId),
  );
  tx.add(
    { Delete: { TableName: db.tableName, Key: holidayRefreshKey(entry.party, entry.orgId) } },
    () => new Error('unconditional delete'),
  );
  await tx.commit();
};

/**
 * Registers an org whose calendar has a country but no materialised holidays (settings stored before
 * issue 17) with the refresh job, which fills them on its next run. A no-op when the org has an entry.
 */
export const registerHolidayRefresh = async (db: Db, party: Party, orgId: string): Promise<void> => {
  try {
    await db.client.send(
      new PutCommand({
        TableName: db.tableName,
        Item: {
          ...holidayRefreshKey(party, orgId),
          kind: 'holidayRefresh',
          party,
          orgId,
          country: '',
          source: '',
          fromYear: 0,
          throughYear: 0,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
};

/** The next round-robin turn (1, 2, 3...) of an org and type: an atomic counter, so concurrent creates never share a turn. */
export const nextAssignmentTurn = async (db: Db, party: Party, orgId: string, type: TaskType): Promise<number> => {
  const { Attributes } = await db.client.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: assignmentTurnKey(party, orgId, type),
      UpdateExpression: 'SET kind = :kind ADD turn :one',
      ExpressionAttributeValues: { ':kind': 'assignmentTurn', ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(Attributes?.turn ?? 1);
};
