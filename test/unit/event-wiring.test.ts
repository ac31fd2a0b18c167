// Every incoming event declared in @casetasks/events is wired: one bus rule to its group's function, an entry file, a rule in app.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventRules } from '@casetasks/app/events';
import {
  eventGroups,
  incomingEvents,
  OUTGOING_EVENT_SOURCE,
  outgoingDetailTypes,
  PLATFORM_EVENT_SOURCE,
  platformDetailTypes,
} from '@casetasks/events';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/constructs/service-function.js';
import { buildTestApp, referencedId, resourcesOf } from '../../infra/testing/test-app.js';

describe('event wiring', () => {
  // Prepare
  const { service } = buildTestApp();
  const rules = Object.values(resourcesOf(service, 'AWS::Events::Rule'));
  const functions = resourcesOf(service, 'AWS::Lambda::Function');
  const patternOf = (rule: (typeof rules)[number]) =>
    rule.Properties.EventPattern as { source?: string[]; 'detail-type'?: string[] };
  const targetFunctionOf = (rule: (typeof rules)[number]) =>
    referencedId((rule.Properties.Targets as { Arn: unknown }[] | undefined)?.[0]?.Arn);

  it.each(incomingEvents.map(({ detailType, group }) => ({ detailType, group })))(
    '$detailType is matched by exactly one rule, which invokes the $group function',
    ({ detailType, group }) => {
      // Act
      const matching = rules.filter((rule) => {
        const pattern = patternOf(rule);
        return pattern.source?.includes(PLATFORM_EVENT_SOURCE) && pattern['detail-type']?.includes(detailType);
      });
      // Assess
      expect(matching).toHaveLength(1);
      const [rule] = matching;
      if (!rule) return;
      const functionId = targetFunctionOf(rule) ?? '';
      expect(functions[functionId]).toBeDefined();
      expect(functionId).toContain(group.replace('-', ''));
    },
  );

  const routedFrom = (source: string) =>
    rules
      .filter((rule) => patternOf(rule).source?.includes(source))
      .flatMap((rule) => patternOf(rule)['detail-type'] ?? []);

  it('routes no detail-type that is not declared, per source', () => {
    // Platform rules: each incoming type once. The service's own events (webhooks, e-mail) and SES's mail events.
    expect(routedFrom(PLATFORM_EVENT_SOURCE).sort()).toEqual([...platformDetailTypes].sort());
    expect(routedFrom(OUTGOING_EVENT_SOURCE).filter((type) => !outgoingDetailTypes.includes(type as never))).toEqual(
      [],
    );
    expect(new Set(routedFrom('aws.ses'))).toEqual(new Set(['Email Bounced', 'Email Complaint Received']));
    const sources = new Set(rules.flatMap((rule) => patternOf(rule).source ?? []));
    expect(sources).toEqual(new Set([PLATFORM_EVENT_SOURCE, OUTGOING_EVENT_SOURCE, 'aws.ses']));
  });

  it.each(eventGroups)('the %s group has its entry file exporting a handler', async (group) => {
    const entry = join(repoRoot, 'functions/events', `${group}.ts`);
    expect(existsSync(entry)).toBe(true);
    const module = (await import(entry)) as { handler?: unknown };
    expect(typeof module.handler).toBe('function');
  });

  it('app has a rule for every declared detail-type and for nothing else', () => {
    expect(Object.keys(eventRules).sort()).toEqual([...platformDetailTypes].sort());
  });

  it('docs/events.md documents every declared incoming and outgoing detail-type', () => {
    const docs = readFileSync(join(repoRoot, 'docs/events.md'), 'utf8');
    const missing = [...platformDetailTypes, ...outgoingDetailTypes].filter((type) => !docs.includes(type));
    expect(missing).toEqual([]);
  });
});
