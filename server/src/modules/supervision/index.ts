/** The supervision module's surface (docs/architecture.md, the module pattern): 集中会办 and 督查督办. */
export { SUPERVISION_DEADLINES } from './supervision.deadlines.js';
