/** The figures module's surface (docs/architecture.md, the module pattern): every figure, computed from the records. */
export { FiguresService, type FigureScope, type RateValue } from './figures.service.js';
