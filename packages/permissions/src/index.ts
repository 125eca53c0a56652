export * from './types.js';
export * from './define.js';
export { subject } from '@casl/ability';
