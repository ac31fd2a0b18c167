// Org settings items: one per (party, org), plus one round-robin turn counter per auto-assigned task type.
import {
  autoAssignmentSettingsSchema,
  type OrgSettings,
  orgCalendarSettingsSchema,
  type Party,
  reminderSettingsSchema,
  type TaskType,
} from '@casetasks/core';

export const orgSettingsKey = (party: Party, orgId: string) => ({ pk: `org#${party}#${orgId}`, sk: 'settings' });

export const assignmentTurnKey = (party: Party, orgId: string, type: TaskType) => ({
  pk: `org#${party}#${orgId}`,
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
export const fromOrgSettingsItem = (item: Record<string, unknown> | undefined): OrgSettings => {
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
