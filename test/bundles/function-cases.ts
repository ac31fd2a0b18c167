// One representative trigger per deployed function (keyed by its construct path), what a working answer is, and how it
// must fail while the services it calls answer errors. A function of the templates without a case fails the tier.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  allTasksOf,
  createWebhookEndpoint,
  type Db,
  getNotificationPreferences,
  getOrgSettings,
  getTask,
  type NotificationPreferences,
  planTaskList,
  putOrgSettingsSection,
  registerHolidayRefresh,
  saveNotificationPreferences,
} from '@casetasks/db';
import { ulid } from 'ulid';
import { expect } from 'vitest';
import { seedChatTask } from '../integration/chat-cleanup-fixtures.js';
import type { AwsStub } from './support/aws-stub.js';
import type { Invocation } from './support/bundle-process.js';
import type { DeployedFunction, Trigger } from './support/cloud-assembly.js';
import {
  type ApiRequest,
  apiRequest,
  type Caller,
  platformEvent,
  queueBatch,
  scheduledInvocation,
  stepPayload,
  streamBatch,
} from './support/triggers.js';

/** What the cases share: the functions, their running bundles, the table and what earlier cases made. */
export interface Tier {
  fn(name: string): DeployedFunction;
  /** Invokes the function's bundle (DynamoDB Local; every other service answers errors). */
  invoke(name: string, event: unknown): Promise<Invocation>;
  /** The tests' own client on the table the bundles use (reads and seeds, never the code under test). */
  db: Db;
  /** Every item of the table, as DynamoDB stores it. */
  scanTable(): Promise<Record<string, AttributeValue>[]>;
  stub: AwsStub;
  ids: ReturnType<typeof runIds>;
  /** Values one case found and a later one uses (the created task's id, the follow-up's state). */
  found: Map<string, unknown>;
}

/** Ids of this run: fresh per run, so a rerun on a kept DynamoDB Local cannot collide. */
export const runIds = () => {
  const run = ulid().slice(-10).toLowerCase();
  return {
    creditor: `creditor-${run}`,
    partner: `partner-${run}`,
    quotePartner: `partner-q-${run}`,
    caseId: `case-${run}`,
    quoteCase: `case-q-${run}`,
    pausedCase: `case-p-${run}`,
  };
};

export type ServicesFailing =
  /** An HTTP function answers 5xx with the API's error body, no stack or internals. */
  | 'server-error'
  /** An event, step or job throws: Lambda's retries and the DLQ keep the event; nothing is lost. */
  | 'throws'
  /** The function calls no failing service on this trigger. */
  | 'unaffected'
  /** The stream or queue consumer reports every record it could read as a batch item failure: they are retried. */
  | 'reports-batch-failures';

export interface FunctionCase {
  /** The kind of trigger the case stands for; it must be one the template gives the function. */
  trigger: Trigger['kind'];
  /** The representative event, built from the function's trigger in the template. */
  event(tier: Tier): unknown | Promise<unknown>;
  /** What a working invocation answers and writes. */
  works(invocation: Invocation, tier: Tier): void | Promise<void>;
  /** How the same invocation ends while DynamoDB too answers errors. */
  whenServicesFail: ServicesFailing;
  /** Records of the batch the consumer drops unread (not retried) whatever the services answer. */
  unreadableRecords?: number;
}

/** The handler's value; a failed invocation fails the test with the function's own error. */
export const resultOf = (invocation: Invocation): Record<string, unknown> => {
  if (!invocation.ok)
    throw new Error(`invocation failed: ${invocation.error.errorType}: ${invocation.error.errorMessage}`);
  return invocation.result as Record<string, unknown>;
};

const httpBody = (invocation: Invocation, status: number) => {
  const response = resultOf(invocation);
  expect(response.statusCode, String(response.body)).toBe(status);
  return JSON.parse(String(response.body)) as Record<string, unknown>;
};

const partnerManager = (tier: Tier): Caller => ({
  party: 'partner',
  orgId: tier.ids.partner,
  userId: 'u-partner-manager',
  role: 'manager',
});
const creditorOwner = (tier: Tier): Caller => ({
  party: 'creditor',
  orgId: tier.ids.creditor,
  userId: 'u-creditor-owner',
  role: 'owner',
});

const api = (name: string, caller: (tier: Tier) => Caller, request: (tier: Tier) => ApiRequest) => (tier: Tier) =>
  apiRequest(tier.fn(name), caller(tier), request(tier));

const createdTaskId = (tier: Tier): string => {
  const id = tier.found.get('taskId');
  if (typeof id !== 'string') throw new Error('the POST /tasks case did not run first');
  return id;
};

const openTasksOf = (tier: Tier, party: 'partner' | 'creditor', orgId: string) =>
  allTasksOf(tier.db, { ...planTaskList({ party, orgId, status: 'open' }), descending: false });

const effectsOf = (invocation: Invocation) =>
  (resultOf(invocation).effects as { action: string; taskId?: string; type?: string }[] | undefined) ?? [];

/** The effects' created tasks, each read back from the table: the event really wrote them. */
const expectCreatedTasks = async (invocation: Invocation, tier: Tier) => {
  const created = effectsOf(invocation).filter((effect) => effect.action === 'created');
  expect(created.length, JSON.stringify(resultOf(invocation))).toBeGreaterThan(0);
  for (const effect of created) expect(await getTask(tier.db, effect.taskId ?? '', true)).toBeDefined();
  return created;
};

const outboxOfTask = async (tier: Tier, taskId: string) =>
  (await tier.scanTable()).filter((item) => item.kind?.S === 'outbox' && JSON.stringify(item).includes(taskId));

/** A job run by its schedule's own input: it finishes (no checkpoint left) and reports its counts. */
const scheduledJob = (name: string, job: string): FunctionCase => ({
  trigger: 'schedule',
  event: (tier) => scheduledInvocation(tier.fn(name)),
  works: (invocation) => {
    const summary = resultOf(invocation);
    expect(summary).toMatchObject({ job, counts: expect.any(Object) });
    expect(summary.checkpoint).toBeUndefined();
  },
  whenServicesFail: 'throws',
});

/** A `Task Created` the relay put on the service bus (the stub kept it), as the bus hands it to a rule's target. */
const publishedTaskCreated = (tier: Tier) => {
  const entries = tier.stub
    .callsTo('events', 'PutEvents')
    .flatMap((call) => JSON.parse(call.body).Entries as { DetailType: string; Detail: string; Time?: number }[]);
  const entry = entries.findLast((candidate) => candidate.DetailType === 'Task Created');
  if (!entry) throw new Error('the outbox-relay case put no Task Created on the bus');
  const detail = JSON.parse(entry.Detail) as { eventId: string; task: { accessLevel: Caller['party']; orgId: string } };
  // The JSON protocol sends timestamps as epoch seconds.
  const time = new Date((entry.Time ?? Date.now() / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { detail, time, party: detail.task.accessLevel, orgId: detail.task.orgId };
};

/** A webhook endpoint of the org, subscribed to `Task Created`, whose URL the guard refuses before any lookup (credentials). */
const seedWebhookEndpoint = async (tier: Tier, party: Caller['party'], orgId: string) => {
  const now = new Date().toISOString();
  const endpoint = {
    ...{ id: ulid().toLowerCase(), party, orgId, url: 'https://bundle:tier@hooks.example.com/casetasks' },
    ...{ eventTypes: ['Task Created'], description: 'bundle tier', enabled: true },
    ...{ disabledReason: null, disabledAt: null, consecutiveFailures: 0, secret: `whsec_${'A'.repeat(43)}=` },
    ...{ previousSecret: null, previousSecretExpiresAt: null, version: 1, createdAt: now, updatedAt: now },
  };
  await createWebhookEndpoint(tier.db, endpoint);
  return endpoint;
};

/** A user of the org with a confirmed address who wants every mail. */
const seedMailUser = async (tier: Tier, party: Caller['party'], orgId: string): Promise<NotificationPreferences> => {
  const userId = `u-mail-${ulid().toLowerCase()}`;
  const preferences: NotificationPreferences = {
    ...{ party, orgId, userId, role: 'manager', email: `${userId}@example.com`, emailStatus: 'confirmed' },
    ...{ approaching: true, overdue: true, escalated: true, digest: false, digestHour: 8 },
    ...{ unsubscribeToken: `unsub-${ulid()}`, version: 1, updatedAt: new Date().toISOString() },
  };
  await saveNotificationPreferences(tier.db, preferences, 0, true);
  return preferences;
};

/** The invocation failed on the stub's answer (a service of the tier other than DynamoDB). */
const expectStubFailure = (invocation: Invocation) => {
  if (invocation.ok) throw new Error(`answered although the stub fails every call: ${JSON.stringify(invocation)}`);
  expect(`${invocation.error.errorType}: ${invocation.error.errorMessage}`).toMatch(/InternalFailure|bundle tier/);
};

export const functionCases: Record<string, FunctionCase> = {
  'PortalApi/task-actions': {
    trigger: 'http',
    event: api('PortalApi/task-actions', partnerManager, (tier) => ({
      routeKey: 'POST /tasks',
      body: { title: 'Call the debtor', dueInBusinessDays: 2, caseId: tier.ids.caseId },
    })),
    works: async (invocation, tier) => {
      const task = httpBody(invocation, 201);
      expect(task).toMatchObject({ title: 'Call the debtor', status: 'open', orgId: tier.ids.partner });
      expect(await getTask(tier.db, String(task.id), true)).toMatchObject({ title: 'Call the debtor' });
      tier.found.set('taskId', task.id);
    },
    whenServicesFail: 'server-error',
  },
  'PortalApi/list-tasks': {
    trigger: 'http',
    event: api('PortalApi/list-tasks', partnerManager, () => ({ routeKey: 'GET /tasks' })),
    works: (invocation, tier) => {
      const { items } = httpBody(invocation, 200) as { items: { id: string }[] };
      expect(items.map((item) => item.id)).toContain(createdTaskId(tier));
    },
    whenServicesFail: 'server-error',
  },
  'PortalApi/task-detail': {
    trigger: 'http',
    event: api('PortalApi/task-detail', partnerManager, (tier) => ({
      routeKey: 'GET /tasks/{id}',
      pathParameters: { id: createdTaskId(tier) },
    })),
    works: (invocation, tier) => {
      expect(httpBody(invocation, 200)).toMatchObject({ id: createdTaskId(tier), title: 'Call the debtor' });
    },
    whenServicesFail: 'server-error',
  },
  'PortalApi/action-items': {
    trigger: 'http',
    event: api('PortalApi/action-items', partnerManager, (tier) => ({
      routeKey: 'GET /cases/{caseId}/action-items',
      pathParameters: { caseId: tier.ids.caseId },
    })),
    works: (invocation, tier) => {
      expect(JSON.stringify(httpBody(invocation, 200))).toContain(createdTaskId(tier));
    },
    whenServicesFail: 'server-error',
  },
  'PortalApi/sla': {
    trigger: 'http',
    event: api('PortalApi/sla', partnerManager, () => ({ routeKey: 'GET /sla/score' })),
    works: (invocation) => {
      expect(Object.keys(httpBody(invocation, 200)).length).toBeGreaterThan(0);
    },
    whenServicesFail: 'server-error',
  },
  'PortalApi/settings': {
    trigger: 'http',
    event: api('PortalApi/settings', creditorOwner, () => ({
      routeKey: 'PUT /settings/calendar',
      body: { timeZone: 'Europe/Copenhagen', country: 'DK', closedDays: [] },
    })),
    works: (invocation) => {
      expect(httpBody(invocation, 200)).toMatchObject({ timeZone: 'Europe/Copenhagen', country: 'DK', version: 1 });
    },
    whenServicesFail: 'server-error',
  },
  'PortalApi/openapi': {
    trigger: 'http',
    event: api('PortalApi/openapi', partnerManager, () => ({ routeKey: 'GET /openapi.json' })),
    works: (invocation) => {
      const document = httpBody(invocation, 200) as { openapi: string; paths: Record<string, unknown> };
      expect(document.openapi).toMatch(/^3\./);
      expect(Object.keys(document.paths)).toContain('/tasks');
    },
    whenServicesFail: 'unaffected',
  },
  'PlatformEvents/case-events': {
    trigger: 'event',
    event: (tier) =>
      platformEvent(tier.fn('PlatformEvents/case-events'), 'Case Submitted', {
        caseId: tier.ids.caseId,
        creditorOrgId: tier.ids.creditor,
        partnerOrgId: tier.ids.partner,
        hasBankAccount: false,
        contractSigned: false,
        requiresQuote: false,
      }),
    // The creditor's tasks for a case without bank account and contract (among others: the partner's).
    works: async (invocation, tier) => {
      const created = await expectCreatedTasks(invocation, tier);
      const creditorTasks = (await openTasksOf(tier, 'creditor', tier.ids.creditor)).map((task) => task.id);
      expect(created.filter((effect) => creditorTasks.includes(effect.taskId ?? '')).length).toBeGreaterThan(0);
    },
    whenServicesFail: 'throws',
  },
  'PlatformEvents/chat-events': {
    trigger: 'event',
    event: (tier) =>
      platformEvent(tier.fn('PlatformEvents/chat-events'), 'Chat Message Sent', {
        caseId: tier.ids.caseId,
        messageId: `m-${ulid()}`,
        senderParty: 'creditor',
        senderUserId: 'u-creditor-owner',
        text: 'Any news from the debtor?',
      }),
    works: async (invocation, tier) => {
      const [created] = await expectCreatedTasks(invocation, tier);
      expect(created?.type).toBe('new_message');
      expect((await openTasksOf(tier, 'partner', tier.ids.partner)).map((task) => task.id)).toContain(created?.taskId);
    },
    whenServicesFail: 'throws',
  },
  'PlatformEvents/quote-events': {
    trigger: 'event',
    event: (tier) =>
      platformEvent(tier.fn('PlatformEvents/quote-events'), 'Quote Requested', {
        caseId: tier.ids.quoteCase,
        creditorOrgId: tier.ids.creditor,
        partnerOrgIds: [tier.ids.quotePartner],
      }),
    works: async (invocation, tier) => {
      await expectCreatedTasks(invocation, tier);
      expect(await openTasksOf(tier, 'partner', tier.ids.quotePartner)).toHaveLength(1);
    },
    whenServicesFail: 'throws',
  },
  'PlatformEvents/commission-events': {
    trigger: 'event',
    event: (tier) =>
      platformEvent(tier.fn('PlatformEvents/commission-events'), 'Commission Invoice Sent', {
        caseId: tier.ids.caseId,
      }),
    works: async (invocation) => {
      expect(resultOf(invocation)).toMatchObject({ detailType: 'Commission Invoice Sent', duplicate: false });
      expect(effectsOf(invocation).length).toBeGreaterThan(0);
    },
    whenServicesFail: 'throws',
  },
  'PlatformEvents/outbox-relay': {
    trigger: 'stream',
    event: async (tier) => {
      const outbox = (await tier.scanTable()).filter((item) => item.kind?.S === 'outbox');
      expect(outbox.length).toBeGreaterThan(0);
      tier.found.set('outbox', outbox);
      return streamBatch(tier.fn('PlatformEvents/outbox-relay'), outbox);
    },
    // The bus answers errors: every record goes back to the stream, and the stub saw the entries go out.
    works: async (invocation, tier) => {
      const batch = (tier.found.get('outbox') ?? []) as unknown[];
      const { batchItemFailures } = resultOf(invocation) as { batchItemFailures: unknown[] };
      expect(batchItemFailures).toHaveLength(batch.length);
      const busName = tier.fn('PlatformEvents/outbox-relay').environment.EVENT_BUS_NAME;
      const sent = tier.stub.callsTo('events', 'PutEvents').flatMap((call) => JSON.parse(call.body).Entries);
      expect(sent.length).toBeGreaterThanOrEqual(batch.length);
      expect(sent[0]).toMatchObject({ EventBusName: busName, Source: 'casetasks' });
      const stillThere = (await tier.scanTable()).filter((item) => item.kind?.S === 'outbox');
      expect(stillThere).toHaveLength(batch.length);
    },
    whenServicesFail: 'reports-batch-failures',
  },
  // SQS answers errors: the fan-out fails (Lambda retries it) after logging the delivery, and the one message went out.
  'WebhookDelivery/fan-out': {
    trigger: 'event',
    event: async (tier) => {
      const { detail, time, party, orgId } = publishedTaskCreated(tier);
      const endpoint = await seedWebhookEndpoint(tier, party, orgId);
      tier.found.set('webhookEndpoint', endpoint);
      return platformEvent(tier.fn('WebhookDelivery/fan-out'), 'Task Created', detail, { time });
    },
    works: async (invocation, tier) => {
      expectStubFailure(invocation);
      const endpoint = tier.found.get('webhookEndpoint') as { id: string };
      const [call] = tier.stub.callsTo('sqs', 'SendMessageBatch').slice(-1);
      const batch = JSON.parse(call?.body ?? '{}') as { QueueUrl: string; Entries: { MessageBody: string }[] };
      // The template's queue URL, on the tier's local host (support/lambda-environment.ts).
      const queueUrl = new URL(tier.fn('WebhookDelivery/fan-out').environment.WEBHOOK_DELIVERY_QUEUE_URL ?? '');
      expect(new URL(batch.QueueUrl).pathname).toBe(queueUrl.pathname);
      expect(batch.Entries).toHaveLength(1);
      const message = JSON.parse(batch.Entries[0]?.MessageBody ?? '{}') as Record<string, unknown>;
      expect(message).toMatchObject({ endpointId: endpoint.id, type: 'Task Created' });
      const logged = (await tier.scanTable()).filter((item) => item.kind?.S === 'webhookDelivery');
      expect(logged.filter((item) => item.endpointId?.S === endpoint.id).map((item) => item.status?.S)).toEqual([
        'pending',
      ]);
      tier.found.set('webhookMessage', message);
    },
    whenServicesFail: 'throws',
  },
  // An unparsable body is dropped; the fan-out's message meets the SSRF guard (no credentials in a URL): failed, done.
  'WebhookDelivery/delivery': {
    trigger: 'stream',
    event: (tier) => {
      const message = tier.found.get('webhookMessage');
      if (!message) throw new Error('the fan-out case did not run first');
      return queueBatch(tier.fn('WebhookDelivery/delivery'), ['{not json', JSON.stringify(message)]);
    },
    works: async (invocation, tier) => {
      expect(resultOf(invocation)).toEqual({ batchItemFailures: [] });
      const endpoint = tier.found.get('webhookEndpoint') as { id: string };
      const logged = (await tier.scanTable()).filter(
        (item) => item.kind?.S === 'webhookDelivery' && item.endpointId?.S === endpoint.id,
      );
      expect(logged.map((item) => [item.status?.S, item.lastError?.S])).toEqual([
        ['failed', expect.stringContaining('refused: credentials')],
      ]);
      expect(tier.stub.callsTo('sqs', 'ChangeMessageVisibility')).toEqual([]);
    },
    whenServicesFail: 'reports-batch-failures',
    unreadableRecords: 1,
  },
  // SES answers errors: the reminder fails (Lambda retries it) after asking SES for the org user's templated mail.
  'EmailNotifications/mail-events': {
    trigger: 'event',
    event: async (tier) => {
      const { detail, party, orgId } = publishedTaskCreated(tier);
      const user = await seedMailUser(tier, party, orgId);
      tier.found.set('mailUser', user);
      return platformEvent(tier.fn('EmailNotifications/mail-events'), 'Task Overdue', {
        task: { ...detail.task, assigneeId: null },
        remindedAt: new Date().toISOString(),
      });
    },
    works: (invocation, tier) => {
      expectStubFailure(invocation);
      const user = tier.found.get('mailUser') as NotificationPreferences;
      const { environment } = tier.fn('EmailNotifications/mail-events');
      const sent = tier.stub.callsTo('ses').map((call) => JSON.parse(call.body));
      expect(sent.find((mail) => mail.Destination?.ToAddresses?.includes(user.email))).toMatchObject({
        FromEmailAddress: environment.MAIL_FROM_ADDRESS,
        ConfigurationSetName: environment.MAIL_CONFIGURATION_SET,
        Content: { Template: { TemplateName: `${environment.MAIL_TEMPLATE_PREFIX}-overdue` } },
      });
    },
    whenServicesFail: 'throws',
  },
  // A permanent bounce of a mail tagged with a user turns that user's mail off.
  'EmailNotifications/mail-feedback': {
    trigger: 'event',
    event: async (tier) => {
      const fn = tier.fn('EmailNotifications/mail-feedback');
      const user = await seedMailUser(tier, 'creditor', tier.ids.creditor);
      tier.found.set('bouncedUser', user);
      const trigger = fn.triggers.find((candidate) => candidate.kind === 'event');
      const configurationSet = JSON.stringify(trigger?.pattern).match(/"ses:configuration-set":\["([^"]+)"/)?.[1];
      return platformEvent(fn, 'Email Bounced', {
        eventType: 'Bounce',
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [{ emailAddress: user.email }],
        },
        mail: {
          messageId: `ses-${ulid()}`,
          destination: [user.email],
          tags: {
            'ses:configuration-set': [configurationSet],
            party: [user.party],
            org: [user.orgId],
            user: [user.userId],
          },
        },
      });
    },
    works: async (invocation, tier) => {
      expect(resultOf(invocation)).toMatchObject({ suppressed: true });
      const user = tier.found.get('bouncedUser') as NotificationPreferences;
      expect(await getNotificationPreferences(tier.db, user)).toMatchObject({
        emailStatus: 'suppressed',
        version: 2,
      });
    },
    whenServicesFail: 'throws',
  },
  'NightlyJobs/deadline-reminders': scheduledJob('NightlyJobs/deadline-reminders', 'deadline-reminders'),
  'NightlyJobs/monthly-surveys': scheduledJob('NightlyJobs/monthly-surveys', 'monthly-surveys'),
  'NightlyJobs/monthly-scorecards': scheduledJob('NightlyJobs/monthly-scorecards', 'monthly-scorecards'),
  'NightlyJobs/calendar-refresh': {
    trigger: 'schedule',
    // The PUT /settings/calendar case's org is current, so the job would answer `current` without loading
    // date-holidays: an org with a country but no holidays (settings stored before issue 17), registered as
    // a read registers it, makes the bundle materialise them.
    event: async (tier) => {
      const orgId = `${tier.ids.creditor}-legacy`;
      await putOrgSettingsSection(tier.db, {
        party: 'creditor',
        orgId,
        section: 'calendar',
        value: { timeZone: 'Europe/Copenhagen', country: 'DK', closedDays: [] },
        updatedBy: 'u-creditor-owner',
        now: new Date(),
      });
      await registerHolidayRefresh(tier.db, 'creditor', orgId);
      tier.found.set('legacyCalendarOrg', orgId);
      return scheduledInvocation(tier.fn('NightlyJobs/calendar-refresh'));
    },
    works: async (invocation, tier) => {
      const summary = resultOf(invocation);
      const counts = summary.counts as Record<string, number>;
      expect(summary).toMatchObject({ job: 'calendar-refresh', source: expect.stringMatching(/^date-holidays /) });
      expect(counts.refreshed).toBeGreaterThanOrEqual(1);
      expect(counts.failed).toBe(0);
      expect(summary.stopped).toBeUndefined();
      const settings = await getOrgSettings(tier.db, 'creditor', String(tier.found.get('legacyCalendarOrg')), true);
      expect(settings.holidays).toMatchObject({ country: 'DK', source: summary.source, fromYear: 1999 });
      // Christmas Day is a Danish public holiday in every year listed.
      expect(settings.holidays?.days).toMatch(/2030:[\d,]*1225/);
    },
    whenServicesFail: 'throws',
  },
  'NightlyJobs/mail-digests': scheduledJob('NightlyJobs/mail-digests', 'mail-digests'),
  'NightlyJobs/chat-cleanup': {
    trigger: 'schedule',
    event: async (tier) => {
      const task = await seedChatTask(tier.db, {
        party: 'partner',
        orgId: tier.ids.partner,
        texts: ['Did the debtor pay?', 'Please answer.'],
        deadline: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      });
      tier.found.set('chatTaskId', task.id);
      return scheduledInvocation(tier.fn('NightlyJobs/chat-cleanup'));
    },
    // Bedrock answers errors: the judge's failure is counted, the task stays open for the next night.
    works: async (invocation, tier) => {
      const summary = resultOf(invocation) as { counts: Record<string, number> };
      expect(summary.counts.failed).toBeGreaterThanOrEqual(1);
      const modelId = tier.fn('NightlyJobs/chat-cleanup').environment.BEDROCK_MODEL_ID ?? '';
      const judged = tier.stub.callsTo('bedrock').map((call) => decodeURIComponent(call.operation));
      expect(
        judged.some((path) => path.includes(modelId)),
        judged.join(', '),
      ).toBe(true);
      expect(await getTask(tier.db, String(tier.found.get('chatTaskId')), true)).toMatchObject({ status: 'open' });
    },
    whenServicesFail: 'throws',
  },
  'PausedCaseFollowUp/CreateTask': {
    trigger: 'step',
    event: (tier) => {
      const fn = tier.fn('PausedCaseFollowUp/CreateTask');
      const [state = ''] = fn.triggers.flatMap((trigger) => (trigger.kind === 'step' ? trigger.states : []));
      return stepPayload(fn, state, {
        caseId: tier.ids.pausedCase,
        surveyId: `s-${ulid()}`,
        unblockingParty: 'creditor',
        creditorOrgId: tier.ids.creditor,
        partnerOrgId: tier.ids.partner,
        pausedAt: new Date().toISOString(),
      });
    },
    works: async (invocation, tier) => {
      const state = resultOf(invocation);
      expect(state).toMatchObject({ caseId: tier.ids.pausedCase, open: true, taskId: expect.any(String) });
      expect(await getTask(tier.db, String(state.taskId), true)).toMatchObject({ status: 'open' });
      tier.found.set('followUp', state);
    },
    whenServicesFail: 'throws',
  },
  'PausedCaseFollowUp/SendReminder': {
    trigger: 'step',
    event: async (tier) => {
      const fn = tier.fn('PausedCaseFollowUp/SendReminder');
      const [state = ''] = fn.triggers.flatMap((trigger) => (trigger.kind === 'step' ? trigger.states : []));
      const followUp = tier.found.get('followUp') as { taskId: string } | undefined;
      if (!followUp) throw new Error('the CreateTask case did not run first');
      tier.found.set('outboxBeforeReminder', (await outboxOfTask(tier, followUp.taskId)).length);
      return stepPayload(fn, state, followUp);
    },
    // The stage's event goes out once, through the outbox.
    works: async (invocation, tier) => {
      const followUp = tier.found.get('followUp') as { taskId: string };
      expect(resultOf(invocation)).toMatchObject({ open: true, taskId: followUp.taskId });
      const before = Number(tier.found.get('outboxBeforeReminder'));
      expect(await outboxOfTask(tier, followUp.taskId)).toHaveLength(before + 1);
    },
    whenServicesFail: 'throws',
  },
};
