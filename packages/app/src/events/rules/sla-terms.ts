// `SLA Terms Set`: platform ops set a creditor's SLA terms (issue 19), a new version effective at the event's time.
import type { PlatformEventOf } from '@casetasks/events';
import { addSlaTermsVersion } from '../../sla/sla-terms.js';
import type { EventContext } from './context.js';
import { step } from './steps.js';

/** Exactly once: the version and the step marker commit together; a racing writer re-reads and numbers after it. */
export const slaTermsSet = async (ctx: EventContext, event: PlatformEventOf<'SLA Terms Set'>): Promise<void> => {
  const { creditorOrgId, partnerOrgId, taskDeadlines, updateIntervals, defaultUpdateIntervalDays } = event.detail;
  const owner = { creditorOrgId, partnerOrgId: partnerOrgId ?? null };
  const terms = {
    taskDeadlines: taskDeadlines ?? {},
    updateIntervals: updateIntervals ?? {},
    ...(defaultUpdateIntervalDays === undefined ? {} : { defaultUpdateIntervalDays }),
  };
  let version = 0;
  const applied = await step(ctx, `sla-terms:${creditorOrgId}:${partnerOrgId ?? '*'}`, async (options) => {
    const change = { terms, effectiveFrom: event.time, setBy: 'platform', setAt: ctx.now.toISOString() };
    version = (await addSlaTermsVersion(ctx.db, owner, change, options)).version;
  });
  if (applied) ctx.effects.push({ action: 'recorded', note: `SLA terms version ${version} from ${event.time}` });
};
