// Org settings: one item per (party, org) (`org#{party}#{org}` / `settings`), read with one GetItem and
// written one section at a time; beside it, one round-robin turn counter per auto-assigned task type.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  autoAssignmentSettingsSchema,
  type OrgSettings,
  orgCalendarSettingsSchema,
  type Party,
  reminderSettingsSchema,
  type TaskType,
} from '@casetasks/core';
import type { Db } from '../client.js';
import { readItem } from '../item-reads.js';
import { reportCorruptItem } from '../stored-items.js';

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
 * Replaces one section atomically and bumps the version. A single UpdateItem per section means two
 * owners editing different sections at once both win, and the same section is last-writer-wins.
 */
export const putOrgSettingsSection = async <S extends OrgSettingsSection>(
  db: Db,
  write: SettingsWrite<S>,
): Promise<OrgSettings> => {
  const { Attributes } = await db.client.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: orgSettingsKey(write.party, write.orgId),
      UpdateExpression:
        'SET #section = :value, kind = :kind, party = :party, orgId = :orgId, updatedAt = :now, updatedBy = :by ADD version :one',
      ExpressionAttributeNames: { '#section': write.section },
      ExpressionAttributeValues: {
        ':value': write.value,
        ':kind': 'orgSettings',
        ':party': write.party,
        ':orgId': write.orgId,
        ':now': write.now.toISOString(),
        ':by': write.updatedBy,
        ':one': 1,
      },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return fromOrgSettingsItem(Attributes);
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
