// @casetasks/ai: the chat judge (Bedrock Converse and offline) behind one interface.
export * from './bedrock-judge.js';
export * from './judge.js';
export * from './models.js';
export * from './offline-judge.js';
export * from './prompt.js';
export * from './retry.js';
