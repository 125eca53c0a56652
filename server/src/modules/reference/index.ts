/**
 * The reference-data module's surface: what other modules may use of it (docs/architecture.md, the
 * module pattern). Categories are read only through these.
 */
export { CategoryRef } from './reference.types.js';
export { categoryCodes, categoryLoader, categoryNames, isCategory, routeOf, type CategoryLoader } from './reference.service.js';
