/** The assessment module's surface (docs/architecture.md, the module pattern): 目标考核 and 一票否决. */
export { AssessmentService, vetoStatusOf } from './assessment.service.js';
