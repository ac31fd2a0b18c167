// Renders a mail the way SES renders its stored template: local mode's mailbox and the tests show what would be sent.
import type { MailKind } from '@casetasks/core';
import Handlebars from 'handlebars';
import { type MailTemplate, mailTemplates } from './mail-templates.js';

const compiled = new Map<
  MailKind,
  { subject: HandlebarsTemplateDelegate; html: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate }
>();

const compile = (template: MailTemplate) => ({
  subject: Handlebars.compile(template.subject, { noEscape: true }),
  html: Handlebars.compile(template.html),
  text: Handlebars.compile(template.text, { noEscape: true }),
});

/** Subject, HTML and text of one mail of `kind` with `data`. */
export const renderMail = (kind: MailKind, data: Record<string, unknown>): MailTemplate => {
  let templates = compiled.get(kind);
  if (!templates) {
    templates = compile(mailTemplates[kind]);
    compiled.set(kind, templates);
  }
  return { subject: templates.subject(data), html: templates.html(data), text: templates.text(data) };
};
