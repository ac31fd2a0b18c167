// The e-mail templates, declared once: infra creates one SES template per kind from here, renderMail renders the same sources.
import type { MailKind } from '@casetasks/core';

export interface MailTemplate {
  subject: string;
  html: string;
  text: string;
}

const footerText = '\n\nUnsubscribe from all casetasks e-mail: {{unsubscribeUrl}}';
const footerHtml =
  '<p style="font-size:small"><a href="{{unsubscribeUrl}}">Unsubscribe from all casetasks e-mail</a></p>';

const taskText = '{{title}} (task {{taskId}}{{#if caseId}}, case {{caseId}}{{/if}}) — deadline {{deadline}}';
const taskHtml =
  '<p><strong>{{title}}</strong> (task {{taskId}}{{#if caseId}}, case {{caseId}}{{/if}})<br>Deadline: {{deadline}}</p>';

const bodies: Record<MailKind, MailTemplate> = {
  confirm: {
    subject: 'Confirm your e-mail address for casetasks',
    text: 'Your confirmation code is {{code}}. It works for 24 hours.',
    html: '<p>Your confirmation code is <strong>{{code}}</strong>. It works for 24 hours.</p>',
  },
  approaching: {
    subject: 'Deadline approaching: {{title}}',
    text: `A deadline is approaching ({{threshold}}):\n${taskText}`,
    html: `<p>A deadline is approaching ({{threshold}}):</p>${taskHtml}`,
  },
  overdue: {
    subject: 'Overdue: {{title}}',
    text: `This task is overdue:\n${taskText}`,
    html: `<p>This task is overdue:</p>${taskHtml}`,
  },
  escalated: {
    subject: 'Escalated: {{title}}',
    text: `This task is still open {{businessDaysOverdue}} business days after its deadline:\n${taskText}`,
    html: `<p>This task is still open {{businessDaysOverdue}} business days after its deadline:</p>${taskHtml}`,
  },
  digest: {
    subject: 'Your casetasks digest for {{day}}',
    text: '{{overdue}} overdue, {{dueToday}} due today, {{upcoming}} upcoming.\n{{#each tasks}}- {{title}} (task {{id}}) — deadline {{deadline}}\n{{/each}}',
    html: '<p>{{overdue}} overdue, {{dueToday}} due today, {{upcoming}} upcoming.</p><ul>{{#each tasks}}<li>{{title}} (task {{id}}), deadline {{deadline}}</li>{{/each}}</ul>',
  },
};

/**
 * Handlebars sources (SES templates use the same syntax); `{{x}}` escapes HTML. Every mail ends with the
 * unsubscribe link, the confirmation too (someone who never asked for mail can stop it there).
 */
export const mailTemplates = Object.fromEntries(
  Object.entries(bodies).map(([kind, { subject, text, html }]) => [
    kind,
    { subject, text: text + footerText, html: html + footerHtml },
  ]),
) as Record<MailKind, MailTemplate>;

/** Example data per kind: the template tests render each, and local mode's docs show them. */
export const mailExamples: Record<MailKind, Record<string, unknown>> = {
  confirm: {
    code: 'k3J9xQ2mP7vR4tW8yZ1aB5cD',
    unsubscribeUrl: 'https://api.example/notifications/unsubscribe/01J0TOKEN',
  },
  approaching: {
    title: 'Call debtor <Jensen>',
    taskId: '01J0TASK',
    caseId: 'C-1042',
    deadline: '2026-12-03T16:00:00.000Z',
    threshold: '3bd',
    unsubscribeUrl: 'https://api.example/notifications/unsubscribe/01J0TOKEN',
  },
  overdue: {
    title: 'Call debtor',
    taskId: '01J0TASK',
    caseId: null,
    deadline: '2026-12-03T16:00:00.000Z',
    unsubscribeUrl: 'https://api.example/notifications/unsubscribe/01J0TOKEN',
  },
  escalated: {
    title: 'Call debtor',
    taskId: '01J0TASK',
    caseId: 'C-1042',
    deadline: '2026-12-03T16:00:00.000Z',
    businessDaysOverdue: 2,
    unsubscribeUrl: 'https://api.example/notifications/unsubscribe/01J0TOKEN',
  },
  digest: {
    day: '2026-12-01',
    overdue: 1,
    dueToday: 0,
    upcoming: 1,
    tasks: [
      { id: '01J0TASK', title: 'Call debtor', deadline: '2026-11-30T16:00:00.000Z' },
      { id: '01J0TAS2', title: 'Send statement', deadline: '2026-12-03T16:00:00.000Z' },
    ],
    unsubscribeUrl: 'https://api.example/notifications/unsubscribe/01J0TOKEN',
  },
};
