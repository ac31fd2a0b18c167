// Saved views of GET /tasks (issue 20).

export * from './saved-views.js';
