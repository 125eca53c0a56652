/** The figures module's surface (docs/architecture.md, the module pattern): every figure, computed from the records. */
export { FiguresService, unitEvidence, type EvidenceItem, type FigureScope, type RateValue, type UnitEvidence } from './figures.service.js';
export { FigureNameEnum } from './figures.types.js';
