export * from './organisation.js';
export * from './accounts.js';
