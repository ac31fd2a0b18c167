// Scheduled jobs: the contract every job run shares.
export * from './job-contract.js';
