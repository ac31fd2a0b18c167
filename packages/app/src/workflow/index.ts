// The paused-case follow-up (SPEC §4): its steps, their contract with the state machine, and the deployed starter.
export * from './create-follow-up-task.js';
export * from './follow-up-contract.js';
export * from './send-follow-up-reminder.js';
export * from './sfn-starter.js';
