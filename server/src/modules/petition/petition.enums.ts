import { registerEnumType } from 'type-graphql';
import { asEnum } from '../../common/enums.js';
import {
  ASSIGN_MODES,
  CHANNELS,
  PETITION_KINDS,
  PETITION_SORTS,
  PETITION_STATUSES,
  SATISFACTIONS,
  WARNINGS,
  type AssignMode,
  type Channel,
  type PetitionKind,
  type PetitionSort,
  type PetitionStatus,
  type Satisfaction,
  type Warning,
} from '@xinfang/domain';


export const ChannelEnum = asEnum<Channel>(CHANNELS);
export const PetitionKindEnum = asEnum<PetitionKind>(PETITION_KINDS);
export const PetitionStatusEnum = asEnum<PetitionStatus>(PETITION_STATUSES);
export const SatisfactionEnum = asEnum<Satisfaction>(SATISFACTIONS);
export const WarningEnum = asEnum<Warning>(WARNINGS);
export const AssignModeEnum = asEnum<AssignMode>(ASSIGN_MODES);
export const EXTENSION_STATUSES = ['NONE', 'REQUESTED', 'APPROVED', 'REJECTED'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];
export const ExtensionStatusEnum = asEnum<ExtensionStatus>(EXTENSION_STATUSES);
export const PetitionSortEnum = asEnum<PetitionSort>(PETITION_SORTS);

registerEnumType(ChannelEnum, { name: 'Channel', description: 'LETTER 来信, VISIT 来访, ONLINE 网上信访, PHONE 电话' });
registerEnumType(PetitionKindEnum, { name: 'PetitionKind', description: 'SUGGESTION 建议意见类, ACCUSATION 检举控告类, CLAIM 申诉求决类' });
registerEnumType(PetitionStatusEnum, { name: 'PetitionStatus' });
registerEnumType(SatisfactionEnum, { name: 'Satisfaction', description: 'SATISFIED 满意, BASICALLY_SATISFIED 基本满意, DISSATISFIED 不满意' });
registerEnumType(WarningEnum, { name: 'Warning', description: 'YELLOW: the current deadline is three days away or less; RED: it has passed' });
registerEnumType(AssignModeEnum, { name: 'AssignMode', description: 'FORWARD 转送, ASSIGN 交办 (with a duty to report back)' });
registerEnumType(ExtensionStatusEnum, { name: 'ExtensionStatus' });
registerEnumType(PetitionSortEnum, { name: 'PetitionSort', description: 'DEADLINE: soonest current deadline first' });
