import { registerEnumType } from 'type-graphql';
import { DISPUTE_RISK_LEVELS, DISPUTE_STATUSES, SCREENING_CADENCES, SCREENING_STATUSES, SCREENING_UNIT_KINDS } from '@xinfang/domain';
import { asEnum } from '../../common/enums.js';

export const ScreeningStatusEnum = asEnum(SCREENING_STATUSES);
export const ScreeningCadenceEnum = asEnum(SCREENING_CADENCES);
export const ScreeningUnitKindEnum = asEnum(SCREENING_UNIT_KINDS);
export const DisputeRiskLevelEnum = asEnum(DISPUTE_RISK_LEVELS);
export const DisputeStatusEnum = asEnum(DISPUTE_STATUSES);

registerEnumType(ScreeningStatusEnum, { name: 'ScreeningStatus', description: 'DUE open, nothing yet; SUBMITTED on time; LATE after the due day; MISSING due day passed, nothing submitted' });
registerEnumType(ScreeningCadenceEnum, { name: 'ScreeningCadence', description: 'WEEKLY Monday–Sunday; HALF_MONTHLY 1–15 and 16–end; MONTHLY' });
registerEnumType(ScreeningUnitKindEnum, { name: 'ScreeningUnitKind', description: 'The unit kinds that screen: VILLAGE_GROUP, VILLAGE, TOWNSHIP, DEPARTMENT' });
registerEnumType(DisputeRiskLevelEnum, { name: 'DisputeRiskLevel', description: 'GENERAL 一般 (resolved locally by a deadline), MAJOR 重大 (escalated to the stability team)' });
registerEnumType(DisputeStatusEnum, { name: 'DisputeStatus', description: 'OPEN 未化解, RESOLVING 化解中, RESOLVED 已化解, ESCALATED 已上报维稳工作组' });
