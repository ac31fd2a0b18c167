// E-mail use cases (issue 21): preferences, templates, exactly-once reminder and digest mail, SES feedback.
export * from './mail-delivery.js';
export * from './mail-digests.js';
export * from './mail-feedback.js';
export * from './mail-templates.js';
export * from './notification-preferences.js';
export * from './render-mail.js';
