/** The screening module's surface (docs/architecture.md, the module pattern). */
export { vetoEvidence, vetoEvidenceLoader } from './veto-evidence.js';
export { ScreeningService } from './screening.service.js';
export { ScreeningPeriodType } from './screening.types.js';
