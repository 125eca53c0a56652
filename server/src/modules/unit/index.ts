/**
 * The unit module's surface: what other modules may use of the unit tree (docs/architecture.md, the
 * module pattern). `Unit` itself is exported for types and GraphQL references only; reading units is
 * `requireUnit` / `readableUnits` (in the caller's scope) or the directory (names and places).
 */
export { Unit } from './unit.entity.js';
export { UnitPathItem } from './unit.types.js';
export { readableUnits, requireUnit, subtreeOf } from './unit.service.js';
export { bureauOf, disciplineCommissionOf, nameOf, unitById, unitInCounty, unitLoader, unitRef, unitsBelow, unitsByIds } from './unit.directory.js';
export { makeUnit } from './unit.tree.js';
