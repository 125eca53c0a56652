export * from './organisation.js';
export * from './accounts.js';
export * from './calendar.js';
export * from './petition.js';
export * from './id-number.js';
export * from './screening.js';
export * from './paging.js';
export * from './supervision.js';
