// The mail templates as SES and local mode render them: every kind fills, HTML is escaped, every mail can unsubscribe.
import { describe, expect, it } from 'vitest';
import { mailExamples, mailTemplates } from './mail-templates.js';
import { renderMail } from './render-mail.js';

const kinds = Object.keys(mailTemplates) as (keyof typeof mailTemplates)[];

describe('renderMail', () => {
  it('declares the five kinds infra creates SES templates for', () => {
    expect(kinds.sort()).toEqual(['approaching', 'confirm', 'digest', 'escalated', 'overdue']);
  });

  it.each(kinds)(
    'renders %s from its example data: nothing left unresolved, the unsubscribe link in text and HTML',
    (kind) => {
      // Act
      const mail = renderMail(kind, mailExamples[kind]);
      // Assess
      for (const part of [mail.subject, mail.html, mail.text]) {
        expect(part).not.toContain('{{');
        expect(part.trim()).not.toBe('');
      }
      const link = String(mailExamples[kind].unsubscribeUrl);
      expect(mail.text).toContain(link);
      expect(mail.html).toContain(`href="${link}"`);
    },
  );

  it('escapes a hostile title in the HTML part and keeps the text part as written', () => {
    // Prepare
    const hostile = '<script>alert("x")</script> & Jensen';
    // Act
    const overdue = renderMail('overdue', { ...mailExamples.overdue, title: hostile });
    const digest = renderMail('digest', {
      ...mailExamples.digest,
      tasks: [{ id: 't-1', title: hostile, deadline: '2026-12-03T16:00:00.000Z' }],
    });
    // Assess
    for (const html of [overdue.html, digest.html]) {
      expect(html).not.toContain('<script>');
      expect(html).toContain('&lt;script&gt;');
    }
    expect(overdue.text).toContain(hostile);
    expect(overdue.subject).toBe(`Overdue: ${hostile}`);
  });
});
