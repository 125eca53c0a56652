import { registerEnumType } from 'type-graphql';
import {
  ACCOUNTABILITY_MEASURES,
  SUPERVISION_DECISIONS,
  SUPERVISION_ORDER_STATUSES,
  SUPERVISION_STEPS,
  SUPERVISION_TARGETS,
  type AccountabilityMeasure,
  type SupervisionDecision,
  type SupervisionOrderStatus,
  type SupervisionStep,
  type SupervisionTarget,
} from '@xinfang/domain';
import { asEnum } from '../../common/enums.js';

export const SupervisionOrderStatusEnum = asEnum<SupervisionOrderStatus>(SUPERVISION_ORDER_STATUSES);
export const SupervisionTargetEnum = asEnum<SupervisionTarget>(SUPERVISION_TARGETS);
export const SupervisionDecisionEnum = asEnum<SupervisionDecision>(SUPERVISION_DECISIONS);
export const SupervisionStepEnum = asEnum<SupervisionStep>(SUPERVISION_STEPS);
export const AccountabilityMeasureEnum = asEnum<AccountabilityMeasure>(ACCOUNTABILITY_MEASURES);

registerEnumType(SupervisionOrderStatusEnum, {
  name: 'SupervisionOrderStatus',
  description: 'ISSUED: the unit is to report by the due day; REPORTED: the supervision group is to decide; REOPENED: sent back with a new due day; ACCEPTED: closed',
});
registerEnumType(SupervisionTargetEnum, { name: 'SupervisionTarget', description: 'What an order is issued on: a petition, a screening report or a conference task' });
registerEnumType(SupervisionDecisionEnum, { name: 'SupervisionDecision', description: 'ACCEPT the report (the order closes) or REOPEN it (sent back with a reason and a new due day)' });
registerEnumType(SupervisionStepEnum, { name: 'SupervisionStep', description: 'A step of an order’s history' });
registerEnumType(AccountabilityMeasureEnum, {
  name: 'AccountabilityMeasure',
  description: 'ADMONITION 诫勉谈话, CRITICISM 通报批评, ORGANISATIONAL 组织处理, PARTY_DISCIPLINE 党纪处分, GOVERNMENT_SANCTION 政务处分, OTHER',
});
