// Bad input over real HTTP: ≥ 5 cases per route with inputs, each a 400 naming the field, with the table unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRoutes, routeKey } from '../../functions/http/routes.js';
import { type ApiHarness, type Caller, errorFields, startApi } from './api-client.js';

const manager: Caller = { party: 'partner', org: 'p-1', user: 'u-1', role: 'manager' };
const creditor: Caller = { party: 'creditor', org: 'c-1', user: 'u-2', role: 'owner' };
/** Settings PUTs are for owners: bad input must be refused on its own merits, not by role. */
const owner: Caller = { party: 'partner', org: 'p-1', user: 'u-0', role: 'owner' };
const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

interface BadInput {
  name: string;
  /** Path after the route's own (query string included); `{id}` is the planted task. */
  path?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  as?: Caller;
  field: string;
}

let api: ApiHarness;
let taskId: string;
beforeAll(async () => {
  api = await startApi('api-validation');
  const task = await api.plant({
    type: 'call_reminder',
    accessLevel: 'partner',
    orgId: 'p-1',
    deadline: inDays(3),
    caseId: 'case-v',
  });
  taskId = task.id;
});
afterAll(async () => {
  await api.stop();
});

const badTaskIds = (suffix: string): BadInput[] => [
  { name: 'id not a ULID', path: `/tasks/not-a-task${suffix}`, field: 'id' },
  { name: 'id with a U (not Crockford)', path: `/tasks/01ARZ3NDEKTSV4RRFFQ69G5FAU${suffix}`, field: 'id' },
  { name: 'id too long', path: `/tasks/01ARZ3NDEKTSV4RRFFQ69G5FAVX${suffix}`, field: 'id' },
  { name: 'id with a space', path: `/tasks/01ARZ3NDEKTSV4RRFF%2069G5FAV${suffix}`, field: 'id' },
];

const cases: Record<string, BadInput[]> = {
  'GET /tasks': [
    { name: 'unknown status', path: '/tasks?status=closed', field: 'status' },
    { name: 'unknown tab', path: '/tasks?tab=inbox', field: 'tab' },
    { name: 'unknown type', path: '/tasks?type=generic,bogus', field: 'type.1' },
    { name: 'limit 0', path: '/tasks?limit=0', field: 'limit' },
    { name: 'limit 101', path: '/tasks?limit=101', field: 'limit' },
    { name: 'limit not a number', path: '/tasks?limit=ten', field: 'limit' },
    { name: 'garbage cursor', path: '/tasks?cursor=garbage', field: 'cursor' },
    { name: 'dueFrom not a date', path: '/tasks?dueFrom=yesterday', field: 'dueFrom' },
    { name: 'dueTo before dueFrom', path: '/tasks?dueFrom=2026-12-10&dueTo=2026-12-01', field: 'dueTo' },
    { name: 'assignee not an id', path: '/tasks?assignee=a%20b', field: 'assignee' },
    { name: 'unknown parameter', path: '/tasks?sort=title', field: 'sort' },
    // Sort and search (issue 20): the combinations not served by key, and searches too short or too long.
    { name: 'unknown sort', path: '/tasks?sort=-title', field: 'sort' },
    { name: 'sort ascending by amount', path: '/tasks?sort=amount', field: 'sort' },
    { name: 'sort with status=completed', path: '/tasks?status=completed&sort=-deadline', field: 'sort' },
    { name: 'q with status=completed', path: '/tasks?status=completed&q=acme', field: 'q' },
    { name: 'q with sort', path: '/tasks?q=acme&sort=-amount', field: 'sort' },
    { name: 'q with caseId', path: '/tasks?q=acme&caseId=case-v', field: 'caseId' },
    { name: 'q with dueFrom', path: '/tasks?q=acme&dueFrom=2026-12-01', field: 'dueFrom' },
    { name: 'sort=-amount with dueTo', path: '/tasks?sort=-amount&dueTo=2026-12-01', field: 'dueTo' },
    { name: 'sort=-created with caseId', path: '/tasks?sort=-created&caseId=case-v', field: 'caseId' },
    { name: 'q one letter after normalising', path: '/tasks?q=%20%C3%A9-', field: 'q' },
    { name: 'q only punctuation', path: '/tasks?q=--%2F%2F..', field: 'q' },
    { name: 'q of 201 characters', path: `/tasks?q=${'a'.repeat(201)}`, field: 'q' },
    { name: 'q empty', path: '/tasks?q=', field: 'q' },
  ],
  'GET /tasks/export': [
    { name: 'unknown status', path: '/tasks/export?status=closed', field: 'status' },
    { name: 'unknown type', path: '/tasks/export?type=generic,bogus', field: 'type.1' },
    { name: 'paging limit', path: '/tasks/export?limit=10', field: 'limit' },
    { name: 'paging cursor', path: '/tasks/export?cursor=x', field: 'cursor' },
    { name: 'dueTo before dueFrom', path: '/tasks/export?dueFrom=2026-12-10&dueTo=2026-12-01', field: 'dueTo' },
    { name: 'assignee not an id', path: '/tasks/export?assignee=a%20b', field: 'assignee' },
    { name: 'unknown sort', path: '/tasks/export?sort=title', field: 'sort' },
    { name: 'sort with status=completed', path: '/tasks/export?status=completed&sort=-created', field: 'sort' },
    { name: 'q with status=completed', path: '/tasks/export?status=completed&q=acme', field: 'q' },
    { name: 'q with sort', path: '/tasks/export?q=acme&sort=deadline', field: 'sort' },
    { name: 'q with caseId', path: '/tasks/export?q=acme&caseId=case-v', field: 'caseId' },
    { name: 'sort=-amount with dueTo', path: '/tasks/export?sort=-amount&dueTo=2026-12-01', field: 'dueTo' },
    { name: 'sort=-created with dueFrom', path: '/tasks/export?sort=-created&dueFrom=2026-12-01', field: 'dueFrom' },
    { name: 'q one digit', path: '/tasks/export?q=7', field: 'q' },
    { name: 'q only punctuation', path: '/tasks/export?q=%23%23%21', field: 'q' },
    { name: 'q of 201 characters', path: `/tasks/export?q=${'b'.repeat(201)}`, field: 'q' },
  ],
  'GET /tasks/summary': [
    { name: 'unknown parameter tab', path: '/tasks/summary?tab=messages', field: 'tab' },
    { name: 'unknown parameter status', path: '/tasks/summary?status=open', field: 'status' },
    { name: 'unknown parameter limit', path: '/tasks/summary?limit=5', field: 'limit' },
    { name: 'unknown parameter day', path: '/tasks/summary?day=2026-12-01', field: 'day' },
    { name: 'unknown parameter cursor', path: '/tasks/summary?cursor=x', field: 'cursor' },
  ],
  'GET /tasks/{id}': [
    ...badTaskIds(''),
    { name: 'unknown parameter', path: '/tasks/{id}?expand=history', field: 'expand' },
  ],
  'GET /tasks/{id}/history': [
    ...badTaskIds('/history'),
    { name: 'unknown parameter', path: '/tasks/{id}/history?limit=5', field: 'limit' },
  ],
  'POST /tasks': [
    { name: 'no title', body: { dueInBusinessDays: 2 }, field: 'title' },
    { name: 'empty title', body: { title: '  ', dueInBusinessDays: 2 }, field: 'title' },
    { name: 'title too long', body: { title: 'x'.repeat(201), dueInBusinessDays: 2 }, field: 'title' },
    { name: 'catalogue type', body: { type: 'review_new_case', title: 'x', dueInBusinessDays: 2 }, field: 'type' },
    { name: 'no deadline at all', body: { title: 'x' }, field: 'deadline' },
    {
      name: 'both deadlines',
      body: { title: 'x', deadline: inDays(5), dueInBusinessDays: 2 },
      field: 'dueInBusinessDays',
    },
    { name: 'zero business days', body: { title: 'x', dueInBusinessDays: 0 }, field: 'dueInBusinessDays' },
    { name: 'deadline not a date', body: { title: 'x', deadline: 'tomorrow' }, field: 'deadline' },
    { name: 'deadline in the past', body: { title: 'x', deadline: inDays(-1) }, field: 'deadline' },
    { name: 'unknown field', body: { title: 'x', dueInBusinessDays: 2, priority: 'high' }, field: 'priority' },
    { name: 'caseId not an id', body: { title: 'x', dueInBusinessDays: 2, caseId: 'a b' }, field: 'caseId' },
    { name: 'malformed JSON', rawBody: '{"title": "x",', field: 'body' },
    {
      name: 'bad Idempotency-Key',
      body: { title: 'x', dueInBusinessDays: 2 },
      headers: { 'idempotency-key': 'no spaces allowed' },
      field: 'idempotency-key',
    },
    {
      name: 'partner-only type for a creditor',
      as: creditor,
      body: { type: 'call_reminder', title: 'x', dueInBusinessDays: 2 },
      field: 'type',
    },
  ],
  'POST /tasks/{id}/postpone': [
    { name: 'no deadline', body: {}, field: 'deadline' },
    { name: 'deadline not a date', body: { deadline: 'next week' }, field: 'deadline' },
    { name: 'deadline without offset', body: { deadline: '2030-01-01T10:00:00' }, field: 'deadline' },
    { name: 'deadline in the past', body: { deadline: inDays(-2) }, field: 'deadline' },
    { name: 'earlier than the current deadline', body: { deadline: inDays(1) }, field: 'deadline' },
    { name: 'empty reason', body: { deadline: inDays(10), reason: '' }, field: 'reason' },
    { name: 'unknown field', body: { deadline: inDays(10), originalDeadline: inDays(10) }, field: 'originalDeadline' },
    { name: 'malformed JSON', rawBody: 'deadline=tomorrow', field: 'body' },
  ],
  'POST /tasks/{id}/assign': [
    { name: 'no assigneeId', body: {}, field: 'assigneeId' },
    { name: 'assigneeId a number', body: { assigneeId: 5 }, field: 'assigneeId' },
    { name: 'assigneeId not an id', body: { assigneeId: 'a b' }, field: 'assigneeId' },
    { name: 'assigneeId too long', body: { assigneeId: 'u'.repeat(129) }, field: 'assigneeId' },
    { name: 'unknown field', body: { assigneeId: 'u-2', notify: true }, field: 'notify' },
    { name: 'malformed JSON', rawBody: '{assigneeId: u-2}', field: 'body' },
  ],
  'POST /tasks/{id}/complete': [
    { name: 'empty reason', body: { reason: '' }, field: 'reason' },
    { name: 'reason too long', body: { reason: 'r'.repeat(501) }, field: 'reason' },
    { name: 'reason not a string', body: { reason: 42 }, field: 'reason' },
    { name: 'unknown field', body: { resolution: 'ai' }, field: 'resolution' },
    { name: 'an array body', body: [], field: 'body' },
    { name: 'malformed JSON', rawBody: '{', field: 'body' },
  ],
  'POST /tasks/{id}/reopen': [
    { name: 'no reason', body: {}, field: 'reason' },
    { name: 'empty reason', body: { reason: '  ' }, field: 'reason' },
    { name: 'reason too long', body: { reason: 'r'.repeat(501) }, field: 'reason' },
    { name: 'reason not a string', body: { reason: 42 }, field: 'reason' },
    { name: 'unknown field', body: { reason: 'needed', label: 'reply_needed' }, field: 'label' },
    { name: 'malformed JSON', rawBody: '{', field: 'body' },
    ...badTaskIds('/reopen').map((input) => ({ ...input, body: { reason: 'needed' } })),
  ],
  'POST /tasks/{id}/calls': [
    { name: 'no result', body: {}, field: 'result' },
    { name: 'unknown result', body: { result: 'busy' }, field: 'result' },
    { name: 'empty note', body: { result: 'answered', note: '' }, field: 'note' },
    { name: 'rescheduleTo not a date', body: { result: 'not_answered', rescheduleTo: 'later' }, field: 'rescheduleTo' },
    {
      name: 'rescheduleTo in the past',
      body: { result: 'not_answered', rescheduleTo: inDays(-1) },
      field: 'rescheduleTo',
    },
    { name: 'unknown field', body: { result: 'answered', duration: 60 }, field: 'duration' },
    { name: 'malformed JSON', rawBody: 'answered', field: 'body' },
  ],
  'GET /cases/{caseId}/action-items': [
    { name: 'caseId with a space', path: '/cases/a%20b/action-items', field: 'caseId' },
    { name: 'caseId with a #', path: '/cases/a%23b/action-items', field: 'caseId' },
    { name: 'caseId starting with -', path: '/cases/-case/action-items', field: 'caseId' },
    { name: 'caseId too long', path: `/cases/${'c'.repeat(129)}/action-items`, field: 'caseId' },
    { name: 'unknown parameter', path: '/cases/case-v/action-items?status=open', field: 'status' },
  ],
  'POST /tasks/bulk': [
    { name: 'no items', body: {}, field: 'items' },
    { name: 'empty items', body: { items: [] }, field: 'items' },
    {
      name: '101 items',
      body: { items: Array.from({ length: 101 }, () => ({ id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', action: 'complete' })) },
      field: 'items',
    },
    {
      name: 'unknown action',
      body: { items: [{ id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', action: 'delete' }] },
      field: 'items.0.action',
    },
    { name: 'id not a ULID', body: { items: [{ id: 'task-1', action: 'complete' }] }, field: 'items.0.id' },
    {
      name: 'postpone without deadline',
      body: { items: [{ id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', action: 'postpone' }] },
      field: 'items.0.deadline',
    },
    {
      name: 'assign without assigneeId',
      body: { items: [{ id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', action: 'assign' }] },
      field: 'items.0.assigneeId',
    },
    {
      name: 'the same task twice',
      body: {
        items: [
          { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', action: 'complete' },
          { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', action: 'assign', assigneeId: 'u-2' },
        ],
      },
      field: 'items.1.id',
    },
    { name: 'malformed JSON', rawBody: '{"items": [', field: 'body' },
  ],
  'PUT /settings/calendar': [
    {
      name: 'unknown time zone',
      body: { timeZone: 'Mars/Olympus', country: null, closedDays: [] },
      as: owner,
      field: 'timeZone',
    },
    {
      name: 'lower-case country',
      body: { timeZone: 'UTC', country: 'dk', closedDays: [] },
      as: owner,
      field: 'country',
    },
    { name: 'unknown country', body: { timeZone: 'UTC', country: 'XX', closedDays: [] }, as: owner, field: 'country' },
    {
      name: 'closed day not a date',
      body: { timeZone: 'UTC', country: null, closedDays: ['2026-02-30'] },
      as: owner,
      field: 'closedDays.0',
    },
    { name: 'missing closedDays', body: { timeZone: 'UTC', country: null }, as: owner, field: 'closedDays' },
    {
      name: 'unknown field',
      body: { timeZone: 'UTC', country: null, closedDays: [], weekend: ['Fri'] },
      as: owner,
      field: 'weekend',
    },
  ],
  'PUT /settings/chat-cleanup': [
    { name: 'no mode', body: {}, as: owner, field: 'mode' },
    { name: 'unknown mode', body: { mode: 'dry-run' }, as: owner, field: 'mode' },
    { name: 'mode in capitals', body: { mode: 'OFF' }, as: owner, field: 'mode' },
    { name: 'mode null', body: { mode: null }, as: owner, field: 'mode' },
    { name: 'unknown field', body: { mode: 'on', nights: 3 }, as: owner, field: 'nights' },
    { name: 'an array body', body: [], as: owner, field: 'body' },
  ],
  'GET /chat-cleanup/shadow-report': [
    { name: 'night not a date', path: '/chat-cleanup/shadow-report?night=yesterday', field: 'night' },
    { name: 'night with a time', path: '/chat-cleanup/shadow-report?night=2026-11-24T02:00', field: 'night' },
    { name: 'impossible date', path: '/chat-cleanup/shadow-report?night=2026-02-30', field: 'night' },
    { name: 'night before 2000', path: '/chat-cleanup/shadow-report?night=1999-12-31', field: 'night' },
    { name: 'unknown parameter', path: '/chat-cleanup/shadow-report?night=2026-11-24&org=p-2', field: 'org' },
  ],
  'PUT /settings/reminders': [
    {
      name: 'percent 0',
      body: { warnings: [{ percentOfTime: 0 }], escalation: null },
      as: owner,
      field: 'warnings.0.percentOfTime',
    },
    {
      name: 'percent 100',
      body: { warnings: [{ percentOfTime: 100 }], escalation: null },
      as: owner,
      field: 'warnings.0.percentOfTime',
    },
    {
      name: 'a threshold twice',
      body: { warnings: [{ businessDaysBefore: 2 }, { businessDaysBefore: 2 }], escalation: null },
      as: owner,
      field: 'warnings.1',
    },
    {
      name: 'escalation 0 days',
      body: { warnings: [], escalation: { businessDaysOverdue: 0 } },
      as: owner,
      field: 'escalation.businessDaysOverdue',
    },
    { name: 'missing escalation', body: { warnings: [] }, as: owner, field: 'escalation' },
    {
      name: 'both kinds in one threshold',
      body: { warnings: [{ percentOfTime: 50, businessDaysBefore: 2 }], escalation: null },
      as: owner,
      field: 'warnings.0',
    },
  ],
  'PUT /settings/auto-assignment': [
    {
      name: 'unknown task type',
      body: { rules: { make_coffee: { strategy: 'round_robin', userIds: ['u-1'] } } },
      as: owner,
      field: 'rules.make_coffee',
    },
    {
      name: 'unknown strategy',
      body: { rules: { generic: { strategy: 'random', userIds: ['u-1'] } } },
      as: owner,
      field: 'rules.generic.strategy',
    },
    {
      name: 'no users',
      body: { rules: { generic: { strategy: 'round_robin', userIds: [] } } },
      as: owner,
      field: 'rules.generic.userIds',
    },
    {
      name: 'a user twice',
      body: { rules: { generic: { strategy: 'least_open', userIds: ['u-1', 'u-1'] } } },
      as: owner,
      field: 'rules.generic.userIds.1',
    },
    {
      name: 'user id not an id',
      body: { rules: { generic: { strategy: 'least_open', userIds: ['a b'] } } },
      as: owner,
      field: 'rules.generic.userIds.0',
    },
    {
      name: "another party's type",
      body: { rules: { review_partner: { strategy: 'round_robin', userIds: ['u-1'] } } },
      as: owner,
      field: 'rules.review_partner',
    },
  ],
  // Extensions (issue 19): the body is checked before the task or case is read.
  'POST /tasks/{id}/extension': [
    { name: 'no businessDays', body: { reason: 'abroad' }, field: 'businessDays' },
    { name: 'businessDays 0', body: { businessDays: 0, reason: 'abroad' }, field: 'businessDays' },
    { name: 'businessDays 21', body: { businessDays: 21, reason: 'abroad' }, field: 'businessDays' },
    { name: 'empty reason', body: { businessDays: 2, reason: ' ' }, field: 'reason' },
    { name: 'unknown field', body: { businessDays: 2, reason: 'abroad', days: 2 }, field: 'days' },
  ],
  ...Object.fromEntries(
    ['approve', 'reject'].map((decision) => [
      `POST /tasks/{id}/${decision}`,
      [
        { name: 'empty note', body: { note: '' }, field: 'note' },
        { name: 'note a number', body: { note: 5 }, field: 'note' },
        { name: 'note of 501 characters', body: { note: 'x'.repeat(501) }, field: 'note' },
        { name: 'unknown field', body: { businessDays: 2 }, field: 'businessDays' },
        { name: 'malformed JSON', rawBody: 'note=ok', field: 'body' },
      ],
    ]),
  ),
  'POST /cases/{caseId}/update-extension': [
    { name: 'days 0', path: '/cases/case-v/update-extension', body: { days: 0, reason: 'ill' }, field: 'days' },
    { name: 'days 31', path: '/cases/case-v/update-extension', body: { days: 31, reason: 'ill' }, field: 'days' },
    { name: 'days 1.5', path: '/cases/case-v/update-extension', body: { days: 1.5, reason: 'ill' }, field: 'days' },
    { name: 'no reason', path: '/cases/case-v/update-extension', body: { days: 5 }, field: 'reason' },
    {
      name: 'caseId not an id',
      path: '/cases/a%20b/update-extension',
      body: { days: 5, reason: 'ill' },
      field: 'caseId',
    },
  ],
  // SLA terms (issue 19): only a creditor owner gets as far as the body.
  'PUT /sla/terms': [
    {
      name: 'review deadline 0',
      body: { taskDeadlines: { review_new_case: 0 }, updateIntervals: {} },
      as: creditor,
      field: 'taskDeadlines.review_new_case',
    },
    {
      name: 'review deadline 61',
      body: { taskDeadlines: { review_new_case: 61 }, updateIntervals: {} },
      as: creditor,
      field: 'taskDeadlines.review_new_case',
    },
    {
      name: 'a type without a catalogue deadline',
      body: { taskDeadlines: { generic: 3 }, updateIntervals: {} },
      as: creditor,
      field: 'taskDeadlines.generic',
    },
    {
      name: 'an interval for uncollectible',
      body: { taskDeadlines: {}, updateIntervals: { uncollectible: 10 } },
      as: creditor,
      field: 'updateIntervals.uncollectible',
    },
    {
      name: 'default interval 91',
      body: { taskDeadlines: {}, updateIntervals: {}, defaultUpdateIntervalDays: 91 },
      as: creditor,
      field: 'defaultUpdateIntervalDays',
    },
    { name: 'no updateIntervals', body: { taskDeadlines: {} }, as: creditor, field: 'updateIntervals' },
  ],
  'GET /sla/terms': [
    { name: 'partnerOrgId not an id', path: '/sla/terms?partnerOrgId=a%20b', as: creditor, field: 'partnerOrgId' },
    { name: 'partnerOrgId empty', path: '/sla/terms?partnerOrgId=', as: creditor, field: 'partnerOrgId' },
    {
      name: 'partnerOrgId of 129 characters',
      path: `/sla/terms?partnerOrgId=${'p'.repeat(129)}`,
      as: creditor,
      field: 'partnerOrgId',
    },
    { name: 'an unknown parameter', path: '/sla/terms?version=2', as: creditor, field: 'version' },
    {
      name: 'partnerOrgId twice',
      path: '/sla/terms?partnerOrgId=p-1&partnerOrgId=p-2',
      as: creditor,
      field: 'partnerOrgId',
    },
  ],
  'GET /cases/{caseId}/sla-terms': [
    { name: 'caseId not an id', path: '/cases/a%20b/sla-terms', field: 'caseId' },
    { name: 'caseId with a slash', path: '/cases/a%2Fb/sla-terms', field: 'caseId' },
    { name: 'caseId of 129 characters', path: `/cases/${'c'.repeat(129)}/sla-terms`, field: 'caseId' },
    { name: 'caseId with a control character', path: '/cases/a%07b/sla-terms', field: 'caseId' },
    { name: 'an unknown parameter', path: '/cases/case-v/sla-terms?at=now', field: 'at' },
  ],
  'GET /sla/scorecards': [
    { name: 'from not a month', path: '/sla/scorecards?from=2026-13', field: 'from' },
    { name: 'to a date, not a month', path: '/sla/scorecards?to=2026-11-01', field: 'to' },
    { name: 'to before from', path: '/sla/scorecards?from=2026-11&to=2026-10', field: 'to' },
    { name: 'more than 24 months', path: '/sla/scorecards?from=2024-01&to=2026-01', field: 'to' },
    { name: 'an unknown parameter', path: '/sla/scorecards?format=xml', field: 'format' },
  ],
  'GET /sla/score/what-if': [
    { name: 'a task id that is not an id', path: '/sla/score/what-if?complete=a%20b', field: 'complete' },
    {
      name: '51 task ids',
      path: `/sla/score/what-if?complete=${Array.from({ length: 51 }, (_, i) => `t-${i}`).join(',')}`,
      field: 'complete',
    },
    { name: 'at not a date', path: '/sla/score/what-if?at=tomorrow', field: 'at' },
    { name: 'from not a date', path: '/sla/score/what-if?from=last-month', field: 'from' },
    { name: 'an unknown task', path: '/sla/score/what-if?complete=01ARZ3NDEKTSV4RRFFQ69G5FAV', field: 'complete' },
  ],
  // Saved views (issue 20): filters are checked by GET /tasks's own query schema.
  'POST /views': [
    { name: 'empty name', body: { name: ' ', filters: {} }, field: 'name' },
    { name: 'name of 101 characters', body: { name: 'n'.repeat(101), filters: {} }, field: 'name' },
    { name: 'an unknown status', body: { name: 'v', filters: { status: 'pending' } }, field: 'filters.status' },
    { name: 'a cursor', body: { name: 'v', filters: { cursor: 'abc' } }, field: 'filters.cursor' },
    {
      name: 'dueTo before dueFrom',
      body: { name: 'v', filters: { dueFrom: '2026-12-02', dueTo: '2026-12-01' } },
      field: 'filters.dueTo',
    },
    { name: 'a number as filter value', body: { name: 'v', filters: { status: 1 } }, field: 'filters.status' },
  ],
  'PUT /views/{viewId}': [
    { name: 'no expectedVersion', path: '/views/v-1', body: { name: 'v', filters: {} }, field: 'expectedVersion' },
    {
      name: 'expectedVersion 0',
      path: '/views/v-1',
      body: { name: 'v', filters: {}, expectedVersion: 0 },
      field: 'expectedVersion',
    },
    {
      name: 'a bad assignee',
      path: '/views/v-1',
      body: { name: 'v', filters: { assignee: 'a b' }, expectedVersion: 1 },
      field: 'filters.assignee',
    },
    {
      name: 'viewId not an id',
      path: '/views/a%20b',
      body: { name: 'v', filters: {}, expectedVersion: 1 },
      field: 'viewId',
    },
    {
      name: 'an unknown field',
      path: '/views/v-1',
      body: { name: 'v', filters: {}, expectedVersion: 1, owner: 'x' },
      field: 'owner',
    },
  ],
  'POST /views/{viewId}/delete': [
    { name: 'viewId not an id', path: '/views/a%20b/delete', body: {}, field: 'viewId' },
    { name: 'viewId of 129 characters', path: `/views/${'v'.repeat(129)}/delete`, body: {}, field: 'viewId' },
    {
      name: 'expectedVersion a string',
      path: '/views/v-1/delete',
      body: { expectedVersion: '1' },
      field: 'expectedVersion',
    },
    { name: 'expectedVersion 0', path: '/views/v-1/delete', body: { expectedVersion: 0 }, field: 'expectedVersion' },
    { name: 'an unknown field', path: '/views/v-1/delete', body: { force: true }, field: 'force' },
  ],
  // Webhook endpoints (issue 21): the URL's syntax rules, the outgoing detail-types, the version read.
  'POST /settings/webhooks': [
    { name: 'http', body: { url: 'http://hooks.example.com/', eventTypes: ['Task Created'] }, field: 'url' },
    { name: 'port 8443', body: { url: 'https://hooks.example.com:8443/', eventTypes: ['Task Created'] }, field: 'url' },
    {
      name: 'credentials',
      body: { url: 'https://a:b@hooks.example.com/', eventTypes: ['Task Created'] },
      field: 'url',
    },
    { name: 'a loopback literal', body: { url: 'https://127.0.0.1/', eventTypes: ['Task Created'] }, field: 'url' },
    { name: 'a private IPv6 literal', body: { url: 'https://[fd00::1]/', eventTypes: ['Task Created'] }, field: 'url' },
    { name: 'a fragment', body: { url: 'https://hooks.example.com/#x', eventTypes: ['Task Created'] }, field: 'url' },
    {
      name: 'a URL of 2049 characters',
      body: { url: `https://hooks.example.com/${'a'.repeat(2023)}`, eventTypes: ['Task Created'] },
      field: 'url',
    },
    { name: 'no event types', body: { url: 'https://hooks.example.com/', eventTypes: [] }, field: 'eventTypes' },
    {
      name: 'an unknown event type',
      body: { url: 'https://hooks.example.com/', eventTypes: ['Task Deleted'] },
      field: 'eventTypes.0',
    },
    {
      name: 'an event type twice',
      body: { url: 'https://hooks.example.com/', eventTypes: ['Task Created', 'Task Created'] },
      field: 'eventTypes',
    },
    {
      name: 'description of 201 characters',
      body: { url: 'https://hooks.example.com/', eventTypes: ['Task Created'], description: 'd'.repeat(201) },
      field: 'description',
    },
    {
      name: 'a secret of its own',
      body: { url: 'https://hooks.example.com/', eventTypes: ['Task Created'], secret: 'whsec_x' },
      field: 'secret',
    },
  ],
  'GET /settings/webhooks/{webhookId}': [
    { name: 'webhookId not an id', path: '/settings/webhooks/a%20b', field: 'webhookId' },
    { name: 'webhookId with a #', path: '/settings/webhooks/a%23b', field: 'webhookId' },
    { name: 'webhookId of 129 characters', path: `/settings/webhooks/${'w'.repeat(129)}`, field: 'webhookId' },
    { name: 'webhookId starting with a dot', path: '/settings/webhooks/.w', field: 'webhookId' },
    { name: 'an unknown query parameter', path: '/settings/webhooks/w-1?secret=1', field: 'secret' },
  ],
  'PUT /settings/webhooks/{webhookId}': [
    {
      name: 'no expectedVersion',
      path: '/settings/webhooks/w-1',
      body: { url: 'https://hooks.example.com/', eventTypes: ['Task Created'] },
      field: 'expectedVersion',
    },
    {
      name: 'expectedVersion 0',
      path: '/settings/webhooks/w-1',
      body: { url: 'https://hooks.example.com/', eventTypes: ['Task Created'], expectedVersion: 0 },
      field: 'expectedVersion',
    },
    {
      name: 'no url',
      path: '/settings/webhooks/w-1',
      body: { eventTypes: ['Task Created'], expectedVersion: 1 },
      field: 'url',
    },
    {
      name: 'a metadata address',
      path: '/settings/webhooks/w-1',
      body: { url: 'https://169.254.169.254/', eventTypes: ['Task Created'], expectedVersion: 1 },
      field: 'url',
    },
    {
      name: 'enabled a string',
      path: '/settings/webhooks/w-1',
      body: { url: 'https://hooks.example.com/', eventTypes: ['Task Created'], enabled: 'yes', expectedVersion: 1 },
      field: 'enabled',
    },
    {
      name: 'webhookId not an id',
      path: '/settings/webhooks/a%20b',
      body: { url: 'https://hooks.example.com/', eventTypes: ['Task Created'], expectedVersion: 1 },
      field: 'webhookId',
    },
  ],
  ...Object.fromEntries(
    ['delete', 'rotate-secret', 'enable'].map((action) => [
      `POST /settings/webhooks/{webhookId}/${action}`,
      [
        { name: 'webhookId not an id', path: `/settings/webhooks/a%20b/${action}`, body: {}, field: 'webhookId' },
        {
          name: 'webhookId of 129 characters',
          path: `/settings/webhooks/${'w'.repeat(129)}/${action}`,
          body: {},
          field: 'webhookId',
        },
        {
          name: 'expectedVersion a string',
          path: `/settings/webhooks/w-1/${action}`,
          body: { expectedVersion: '1' },
          field: 'expectedVersion',
        },
        {
          name: 'expectedVersion 0',
          path: `/settings/webhooks/w-1/${action}`,
          body: { expectedVersion: 0 },
          field: 'expectedVersion',
        },
        {
          name: 'expectedVersion 1.5',
          path: `/settings/webhooks/w-1/${action}`,
          body: { expectedVersion: 1.5 },
          field: 'expectedVersion',
        },
        { name: 'an unknown field', path: `/settings/webhooks/w-1/${action}`, body: { force: true }, field: 'force' },
      ],
    ]),
  ),
  'GET /settings/webhooks/{webhookId}/deliveries': [
    { name: 'limit 0', path: '/settings/webhooks/w-1/deliveries?limit=0', field: 'limit' },
    { name: 'limit 101', path: '/settings/webhooks/w-1/deliveries?limit=101', field: 'limit' },
    { name: 'limit not a number', path: '/settings/webhooks/w-1/deliveries?limit=1e1', field: 'limit' },
    { name: 'cursor not a cursor', path: '/settings/webhooks/w-1/deliveries?cursor=abc', field: 'cursor' },
    { name: 'webhookId not an id', path: '/settings/webhooks/a%20b/deliveries', field: 'webhookId' },
    { name: 'an unknown query parameter', path: '/settings/webhooks/w-1/deliveries?status=failed', field: 'status' },
  ],
  'POST /settings/webhooks/{webhookId}/test': [
    { name: 'a body field', path: '/settings/webhooks/w-1/test', body: { type: 'Task Created' }, field: 'type' },
    { name: 'webhookId not an id', path: '/settings/webhooks/a%20b/test', body: {}, field: 'webhookId' },
    { name: 'webhookId with a #', path: '/settings/webhooks/a%23b/test', body: {}, field: 'webhookId' },
    {
      name: 'webhookId of 129 characters',
      path: `/settings/webhooks/${'w'.repeat(129)}/test`,
      body: {},
      field: 'webhookId',
    },
    { name: 'an unknown query parameter', path: '/settings/webhooks/w-1/test?force=1', body: {}, field: 'force' },
  ],
  'PUT /me/notifications': ((valid) => [
    { name: 'an unknown field', body: { ...valid, sms: true }, field: 'sms' },
    { name: 'digestHour 24', body: { ...valid, digestHour: 24 }, field: 'digestHour' },
    { name: 'digestHour -1', body: { ...valid, digestHour: -1 }, field: 'digestHour' },
    { name: 'digestHour 1.5', body: { ...valid, digestHour: 1.5 }, field: 'digestHour' },
    { name: 'a kind not a boolean', body: { ...valid, overdue: 'yes' }, field: 'overdue' },
    { name: 'expectedVersion missing', body: { ...valid, expectedVersion: undefined }, field: 'expectedVersion' },
    { name: 'expectedVersion negative', body: { ...valid, expectedVersion: -1 }, field: 'expectedVersion' },
  ])({ approaching: true, overdue: true, escalated: true, digest: false, digestHour: 7, expectedVersion: 0 }),
  'POST /me/notifications/confirm': [
    { name: 'code missing', body: {}, field: 'code' },
    { name: 'code empty', body: { code: '' }, field: 'code' },
    { name: 'code of 65 characters', body: { code: 'c'.repeat(65) }, field: 'code' },
    { name: 'code a number', body: { code: 123456 }, field: 'code' },
    { name: 'an extra field', body: { code: 'abc', email: 'x@y.example' }, field: 'email' },
  ],
  ...Object.fromEntries(
    ['GET', 'POST'].map((method) => [
      `${method} /notifications/unsubscribe/{token}`,
      [
        { name: 'token with a space', path: '/notifications/unsubscribe/a%20b', field: 'token' },
        { name: 'token with a #', path: '/notifications/unsubscribe/a%23b', field: 'token' },
        { name: 'token with a dot', path: '/notifications/unsubscribe/a.b', field: 'token' },
        { name: 'token of 65 characters', path: `/notifications/unsubscribe/${'t'.repeat(65)}`, field: 'token' },
        { name: 'an unknown query parameter', path: '/notifications/unsubscribe/tok?all=1', field: 'all' },
      ],
    ]),
  ),
  // The SLA routes belong to the SLA stream; their query schema refuses these (GET /sla/cases takes no input).
  'GET /sla/score': [
    { name: 'from not a date', path: '/sla/score?from=last-month', field: 'from' },
    { name: 'to not a date', path: '/sla/score?to=now', field: 'to' },
    { name: 'lines not a boolean', path: '/sla/score?lines=yes', field: 'lines' },
  ],
};

describe('every route with inputs has a bad-input table', () => {
  it('covers each route of the route table that takes input', () => {
    const withoutInput = [
      'GET /sla/cases',
      'GET /openapi.json',
      'GET /settings/calendar',
      'GET /settings/reminders',
      'GET /settings/auto-assignment',
      'GET /settings/chat-cleanup',
      'GET /chat-cleanup/examples',
      'GET /views',
      'GET /settings/webhooks',
      'GET /me/notifications',
    ];
    for (const route of httpRoutes) {
      const key = routeKey(route);
      if (withoutInput.includes(key)) continue;
      const minimum = key === 'GET /sla/score' ? 3 : 5;
      expect(cases[key]?.length ?? 0, key).toBeGreaterThanOrEqual(minimum);
    }
  });
});

describe.each(Object.entries(cases))('%s', (key, inputs) => {
  const [method = 'GET', template = '/'] = key.split(' ');
  it.each(inputs)('$name → 400 naming $field, nothing written', async (input) => {
    const before = await api.snapshot();
    const path = (input.path ?? template).replace('{id}', taskId);
    const response = await api.call(method, path, {
      as: input.as ?? manager,
      ...(input.body === undefined ? {} : { body: input.body }),
      ...(input.rawBody === undefined ? {} : { rawBody: input.rawBody }),
      ...(input.headers ? { headers: input.headers } : {}),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(errorFields(response)).toContain(input.field);
    expect(await api.snapshot()).toBe(before);
  });
});

describe('a 400 names every bad field at once', () => {
  it('lists title, deadline and an unknown field together', async () => {
    const response = await api.call('POST', '/tasks', { as: manager, body: { title: '', colour: 'red' } });
    expect(response.status).toBe(400);
    expect(errorFields(response)).toEqual(expect.arrayContaining(['title', 'colour']));
  });
});
