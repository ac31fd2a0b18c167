// The local console: plain DOM + fetch over the API and the /local routes of `npm start` (no framework, no build).

/** Pure helpers (exported for tests); the page itself starts at the bottom, only in a browser. */

/** The GET /tasks query of the picked tab and filters: empty filters are left out. */
export const tasksQuery = ({ tab, status, type, assignee, caseId }) => {
  const query = new URLSearchParams({ status: status || 'open' });
  if (tab && tab !== 'all') query.set('tab', tab);
  if (type) query.set('type', type);
  if (assignee) query.set('assignee', assignee);
  if (caseId) query.set('caseId', caseId);
  return query.toString();
};

/** What the clock form sends: a duration advances, an instant moves to it (both as POST /local/clock takes them). */
export const clockRequest = (input) => {
  const value = input.trim();
  return value.startsWith('P') ? { advance: value } : { now: value };
};

/** The sample events, built for the picked org and case; each sends a batch through POST /local/events. */
export const samples = {
  'case-submitted': {
    label: 'Case Submitted (a new case for the partner)',
    events: ({ caseId, partnerOrgId, creditorOrgId }) => [
      {
        source: 'platform',
        'detail-type': 'Case Submitted',
        detail: {
          caseId,
          creditorOrgId,
          partnerOrgId,
          hasBankAccount: true,
          contractSigned: true,
          requiresQuote: false,
        },
      },
    ],
  },
  'case-paused': {
    label: 'Case active, then a survey pauses it (starts the 14-day follow-up)',
    events: ({ caseId }) => [
      { source: 'platform', 'detail-type': 'Case Status Changed', detail: { caseId, status: 'active' } },
      {
        source: 'platform',
        'detail-type': 'Case Survey Submitted',
        detail: { caseId, surveyId: `survey-${caseId}`, outcome: 'pause', unblockingParty: 'partner' },
      },
    ],
  },
  'case-verified': {
    label: 'Case Verified',
    events: ({ caseId }) => [{ source: 'platform', 'detail-type': 'Case Verified', detail: { caseId } }],
  },
};

/** One line per history entry: when, what, who, and why or what changed. */
export const timelineLine = (entry) => {
  const actor = entry.actor ? `${entry.actor.kind}${entry.actor.id ? ` ${entry.actor.id}` : ''}` : 'unknown';
  const changes = Object.entries(entry.changes ?? {})
    .map(([field, [from, to]]) => `${field}: ${shown(from)} → ${shown(to)}`)
    .join('; ');
  const why = [entry.reason, changes].filter(Boolean).join(' · ');
  return `${entry.at} — ${entry.action} by ${actor}${why ? ` (${why})` : ''}`;
};

/** A short "about" for an outbox entry: the ids its detail (or the task it carries) names. */
export const outboxAbout = (detail = {}) => {
  const task = detail.task && typeof detail.task === 'object' ? detail.task : {};
  const ids = { type: task.type, taskId: task.id, caseId: task.caseId, orgId: task.orgId, ...detail };
  return ['type', 'taskId', 'caseId', 'orgId']
    .filter((key) => typeof ids[key] === 'string')
    .map((key) => `${key} ${ids[key]}`)
    .join(', ');
};

const shown = (value) =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** A job run's outcome in a line: its error, or its summary's numbers. */
export const runOutcome = (run) => {
  if (run.error) return `error: ${run.error}`;
  const summary = run.summary ?? {};
  const parts = Object.entries(summary)
    .filter(
      ([key, value]) => key !== 'job' && key !== 'now' && (typeof value === 'number' || typeof value === 'string'),
    )
    .map(([key, value]) => `${key} ${value}`);
  return parts.join(', ') || 'done';
};

/** A refusal of the API in a line: its message and the fields it names. */
export const errorText = (status, body) => {
  const error = body?.error;
  const fields = (error?.fields ?? []).map((field) => `${field.field}: ${field.message}`).join('; ');
  return `${status} ${error?.message ?? body?.message ?? ''}${fields ? ` (${fields})` : ''}`.trim();
};

// ---- the page ---------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, body) {
    super(errorText(status, body));
    this.status = status;
  }
}

const $ = (id) => document.getElementById(id);

/** An element with text children only: nothing the API returns is ever parsed as HTML. */
const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child instanceof Node ? child : String(child ?? ''));
  return node;
};

const row = (testId, cells, attributes = {}) =>
  el('tr', { 'data-testid': testId, ...attributes }, ...cells.map((cell) => el('td', {}, cell)));

const emptyRow = (tbody, columns, text) => tbody.replaceChildren(el('tr', {}, el('td', { colspan: columns }, text)));

const say = (text, isError = false) => {
  $('message').textContent = text;
  $('message').classList.toggle('error', isError);
};

const caller = () => ({
  org: $('org').value.trim(),
  party: $('party').value,
  role: $('role').value,
  user: $('user').value.trim(),
});

const tokens = new Map();

const tokenFor = async (who) => {
  const key = JSON.stringify(who);
  if (!tokens.has(key)) {
    const response = await fetch(`/local/token?${new URLSearchParams(who)}`);
    const body = await response.json();
    if (!response.ok) throw new ApiError(response.status, body);
    tokens.set(key, body.token);
  }
  return tokens.get(key);
};

/** Calls this server; `auth` adds the picked caller's token (minted once per caller). */
const api = async (method, path, { body, auth = false } = {}) => {
  const headers = {};
  if (auth) headers.authorization = `Bearer ${await tokenFor(caller())}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  // An expired token (after 12 h) is minted again on the next call.
  if (response.status === 401) tokens.clear();
  if (!response.ok) throw new ApiError(response.status, parsed);
  return parsed;
};

const state = { tab: 'all', selectedTask: undefined };

const loadClock = async () => {
  try {
    const clock = await api('GET', '/local/clock');
    $('clock-now').textContent = clock.now;
    $('clock-mode').textContent = clock.offsetMs === 0 ? '(real time)' : `(ahead of real time by ${clock.offsetMs} ms)`;
    $('advance-button').disabled = false;
  } catch (error) {
    $('clock-now').textContent = 'clock not available';
    $('clock-mode').textContent = error.status === 404 ? '' : `(${error.message})`;
    $('advance-button').disabled = error.status === 404;
  }
};

const loadTasks = async () => {
  const status = $('status').value;
  const query = tasksQuery({
    tab: state.tab,
    status,
    type: $('type').value.trim(),
    assignee: $('assignee').value,
    caseId: $('case-filter').value.trim(),
  });
  $('task-caption').textContent = `${status === 'open' ? 'Open' : 'Completed'} tasks, tab ${state.tab}`;
  const tbody = $('task-rows');
  try {
    const { items } = await api('GET', `/tasks?${query}`, { auth: true });
    if (items.length === 0) return emptyRow(tbody, 6, 'No tasks.');
    tbody.replaceChildren(
      ...items.map((task) => {
        const open = el('button', { type: 'button', class: 'link' }, task.type);
        open.addEventListener('click', () => showTask(task.id));
        return row(
          'task-row',
          [task.deadline, open, task.title, task.caseId ?? '—', task.assigneeId ?? '—', task.status],
          {
            'data-task-id': task.id,
          },
        );
      }),
    );
  } catch (error) {
    emptyRow(tbody, 6, `Could not list tasks: ${error.message}`);
  }
};

const showTask = async (id) => {
  state.selectedTask = id;
  const target = $('task-detail');
  try {
    const [task, history] = await Promise.all([
      api('GET', `/tasks/${encodeURIComponent(id)}`, { auth: true }),
      api('GET', `/tasks/${encodeURIComponent(id)}/history`, { auth: true }),
    ]);
    const facts = [
      ['Id', task.id],
      ['Type', task.type],
      ['Title', task.title],
      ['Status', task.status],
      ['Case', task.caseId ?? '—'],
      ['Deadline', task.deadline],
      ['Original deadline', task.originalDeadline],
      ['Assignee', task.assigneeId ?? '—'],
      ['Version', task.version],
    ];
    const list = el('dl', {}, ...facts.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value ?? '—')]));
    const timeline = el('ol', { class: 'timeline', 'aria-label': 'History' });
    for (const entry of history.items) timeline.append(el('li', {}, timelineLine(entry)));
    target.replaceChildren(list, el('h3', {}, 'History'), timeline);
  } catch (error) {
    target.replaceChildren(el('p', {}, `Could not load task ${id}: ${error.message}`));
  }
};

const loadOutbox = async () => {
  const tbody = $('outbox-rows');
  try {
    const { items } = await api('GET', '/local/outbox');
    const newest = items.slice(-100).reverse();
    if (newest.length === 0) return emptyRow(tbody, 3, 'Nothing emitted yet.');
    tbody.replaceChildren(
      ...newest.map((entry) => row('outbox-row', [entry.createdAt, entry.detailType, outboxAbout(entry.detail)])),
    );
  } catch (error) {
    emptyRow(tbody, 3, `Outbox not available: ${error.message}`);
  }
};

const loadWorkflows = async () => {
  const tbody = $('workflow-rows');
  try {
    const { available, items } = await api('GET', '/local/workflows');
    if (!available) return emptyRow(tbody, 3, 'The state machine is not running in this server.');
    if (items.length === 0) return emptyRow(tbody, 3, 'No paused case yet.');
    tbody.replaceChildren(
      ...items.map((execution) =>
        row('workflow-row', [
          execution.caseId ?? execution.name,
          execution.error ? `${execution.status}: ${execution.error}` : execution.status,
          execution.waitingUntil ?? '—',
        ]),
      ),
    );
  } catch (error) {
    emptyRow(tbody, 3, `Workflows not available: ${error.message}`);
  }
};

const loadJobs = async () => {
  const schedules = $('job-schedules');
  const runs = $('job-run-rows');
  try {
    const { jobs, runs: done } = await api('GET', '/local/jobs');
    const select = $('job');
    const picked = select.value;
    select.replaceChildren(...jobs.map((job) => el('option', { value: job.name }, job.name)));
    if (picked) select.value = picked;
    schedules.replaceChildren(
      ...jobs.map((job) =>
        row('job-schedule-row', [job.name, `${job.schedule} ${job.timeZone}`, job.nextRunAt ?? '—']),
      ),
    );
    // The newest 25: a long clock move crosses a hundred runs or more (the server keeps the last 200).
    const newest = [...done].reverse().slice(0, 25);
    if (newest.length === 0) return emptyRow(runs, 4, 'No runs yet.');
    runs.replaceChildren(
      ...newest.map((run) => row('job-run-row', [run.name, run.scheduledAt, run.finishedAt ?? '…', runOutcome(run)])),
    );
  } catch (error) {
    const text = error.status === 404 ? 'Job runs are not available in this server.' : error.message;
    emptyRow(schedules, 3, text);
    emptyRow(runs, 4, text);
  }
};

const loadSla = async () => {
  const score = $('sla-score');
  const cases = $('sla-case-rows');
  if (caller().party !== 'partner') {
    score.replaceChildren(el('p', {}, 'SLA views are for partner organisations: pick party "partner".'));
    return emptyRow(cases, 6, '—');
  }
  try {
    const [report, dashboard] = await Promise.all([
      api('GET', '/sla/score', { auth: true }),
      api('GET', '/sla/cases', { auth: true }),
    ]);
    const headline = report.score === null ? `no score (${report.reason})` : `${report.score}`;
    const breakdown = el('ul', {});
    for (const line of report.breakdown) {
      breakdown.append(
        el('li', {}, `${line.label}: ${line.onTime} on time, ${line.late} late, ${line.openOverdue} open overdue`),
      );
    }
    score.replaceChildren(
      el(
        'p',
        {},
        `Score ${report.from} – ${report.to}: ${headline}; ${report.counted} counted, ${report.notYetDue} not yet due`,
      ),
      breakdown,
      el(
        'p',
        {},
        `Active cases ${dashboard.activeCases}, compliance ${dashboard.complianceRate ?? '—'}, at risk ${dashboard.casesAtRisk}, overdue updates ${dashboard.overdueUpdates}`,
      ),
    );
    if (dashboard.cases.length === 0) return emptyRow(cases, 6, 'No active cases.');
    cases.replaceChildren(
      ...dashboard.cases.map((item) =>
        row('sla-case-row', [
          item.caseId,
          item.statusLabel,
          item.lastUpdateAt ?? '—',
          item.nextUpdateDue ?? '—',
          item.daysRemaining ?? '—',
          item.alert,
        ]),
      ),
    );
  } catch (error) {
    score.replaceChildren(el('p', {}, `SLA not available: ${error.message}`));
    emptyRow(cases, 6, '—');
  }
};

const refresh = async () => {
  await Promise.all([loadClock(), loadTasks(), loadOutbox(), loadWorkflows(), loadJobs(), loadSla()]);
  if (state.selectedTask) await showTask(state.selectedTask);
};

/** Runs an action, reports its outcome, then shows what it changed. */
const act = async (label, action) => {
  try {
    say(`${label}: ${await action()}`);
  } catch (error) {
    say(`${label} failed: ${error.message}`, true);
  }
  await refresh();
};

const newCaseId = () => `case-${Date.now().toString(36)}`;

const start = () => {
  const select = $('sample');
  for (const [name, sample] of Object.entries(samples)) select.append(el('option', { value: name }, sample.label));
  $('case-id').value = newCaseId();

  $('caller-form').addEventListener('submit', (event) => {
    event.preventDefault();
    state.selectedTask = undefined;
    refresh();
  });
  $('filter-form').addEventListener('submit', (event) => {
    event.preventDefault();
    loadTasks();
  });
  for (const button of document.querySelectorAll('#tabs button')) {
    button.addEventListener('click', () => {
      state.tab = button.dataset.tab;
      for (const other of document.querySelectorAll('#tabs button')) {
        other.setAttribute('aria-pressed', String(other === button));
      }
      loadTasks();
    });
  }
  $('advance-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act('Clock', async () => {
      const moved = await api('POST', '/local/clock', { body: clockRequest($('advance').value) });
      return `now ${moved.now}; ${moved.jobsRun?.length ?? 0} job runs`;
    });
  });
  $('real-time').addEventListener('click', () =>
    act('Clock', async () => `now ${(await api('POST', '/local/clock', { body: { real: true } })).now} (real time)`),
  );
  $('send-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const sample = samples[select.value];
    const events = sample.events({
      caseId: $('case-id').value.trim(),
      partnerOrgId: caller().party === 'partner' ? caller().org : 'p-1',
      creditorOrgId: $('creditor-org').value.trim(),
    });
    act(`Sent ${sample.label}`, async () => {
      const { results } = await api('POST', '/local/events', { body: events });
      const effects = results.flatMap((result) => result.effects ?? []);
      return `${results.length} event(s), ${effects.length} effect(s)`;
    });
  });
  $('job-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const name = $('job').value;
    if (!name) return;
    act(`Job ${name}`, async () =>
      runOutcome(await api('POST', `/local/jobs/${encodeURIComponent(name)}`, { body: {} })),
    );
  });

  setInterval(() => {
    if ($('auto-refresh').checked && document.visibilityState === 'visible') refresh();
  }, 5_000);
  refresh();
};

if (typeof document !== 'undefined') start();
