// Org settings: read with one GetItem, written one section at a time; auto-assignment's turn counter and open counts.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AssignmentRule, OrgSettings, Party, TaskType } from '@casetasks/core';
import type { Db } from './client.js';
import {
  assignmentTurnKey,
  fromOrgSettingsItem,
  type OrgSettingsSection,
  orgSettingsKey,
  orgSettingsSections,
} from './items/org-settings-item.js';
import { taskPartitions } from './items/task-item.js';
import { reportCorruptItem } from './stored-items.js';
import { countTasks } from './task-count-repository.js';

/** The org's settings (version 0 and no sections when it never set any); a stored section that no longer parses is reported. */
export const getOrgSettings = async (db: Db, party: Party, orgId: string, consistent = false): Promise<OrgSettings> => {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: orgSettingsKey(party, orgId), ConsistentRead: consistent }),
  );
  const settings = fromOrgSettingsItem(Item);
  for (const section of Object.keys(orgSettingsSections) as OrgSettingsSection[]) {
    if (Item?.[section] !== undefined && settings[section] === undefined) {
      reportCorruptItem(db, Item, `${section}: no longer a valid section (defaults apply)`);
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

const FIRST_COUNT_CAP = 32;

/** Open tasks of each user in the org (all types), by COUNT queries on openByAssignee; users above the smallest count may read as capped. */
export const openTaskCounts = async (db: Db, party: Party, orgId: string, rule: AssignmentRule): Promise<number[]> => {
  // Only the smallest count matters: count everyone up to a cap, and raise the cap only while even the
  // least loaded user reaches it. A COUNT pays for every index item it reads, so the reads stay
  // proportional to the lightest load, not to the heaviest.
  for (let cap = FIRST_COUNT_CAP; ; cap *= 4) {
    const counts = await Promise.all(
      rule.userIds.map(
        async (userId) =>
          (
            await countTasks(
              db,
              { index: 'openByAssignee', partition: taskPartitions.openByAssignee(party, orgId, userId) },
              cap,
            )
          ).count,
      ),
    );
    if (Math.min(...counts) < cap) return counts;
  }
};
