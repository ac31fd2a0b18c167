// Identity use cases: the portal claims an identity provider puts in the tokens the API accepts.
export * from './portal-token-claims.js';
