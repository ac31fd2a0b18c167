// Read or replace one section of the caller org's settings: every role reads, owners replace.

import { ForbiddenError, type OrgSettings, type Principal } from '@casetasks/core';
import { getOrgSettings, putOrgSettingsSection } from '@casetasks/db';
import { tasksDb } from '../runtime/clients.js';
import { type SectionValue, type SettingsSection, settingsSections } from './settings-sections.js';

const view = <S extends SettingsSection>(settings: OrgSettings, section: S) => {
  const value = settings[section];
  return {
    ...(value ?? settingsSections[section].defaults()),
    version: settings.version,
    ...(settings.updatedAt === undefined ? {} : { updatedAt: settings.updatedAt }),
    ...(settings.updatedBy === undefined ? {} : { updatedBy: settings.updatedBy }),
    isDefault: value === undefined,
  };
};
export type SettingsView<S extends SettingsSection> = ReturnType<typeof view<S>>;

const assertOwner = (principal: Principal): void => {
  if (principal.role !== 'owner') throw new ForbiddenError('only owners may change settings');
};

/** The section as set, or its effective default; read consistently, so an owner's change shows at once. */
export const readSettingsSection = async <S extends SettingsSection>(
  principal: Principal,
  section: S,
): Promise<SettingsView<S>> => view(await getOrgSettings(tasksDb(), principal.party, principal.orgId, true), section);

/** Owners only; applies to tasks created or re-planned afterwards. */
export const replaceSettingsSection = async <S extends SettingsSection>(
  principal: Principal,
  section: S,
  value: SectionValue<S>,
  now: Date,
): Promise<SettingsView<S>> => {
  assertOwner(principal);
  const spec = settingsSections[section];
  await spec.check?.(value, principal);
  const write = { party: principal.party, orgId: principal.orgId, section, value, updatedBy: principal.userId, now };
  const settings = await (spec.save ? spec.save(write) : putOrgSettingsSection(tasksDb(), write));
  return view(settings, section);
};
