import { shanghaiDate } from '@xinfang/domain';
import type { CaseOwnershipInput, PetitionDetailFragment } from '@/gql/graphql';

type Ownership = PetitionDetailFragment['ownership'];

/** What the 包案 dialog holds: '' for a part not set. */
export interface OwnershipForm {
  leaderUserId: string;
  unitId: string;
  resolutionPlan: string;
  resolutionPlanOn: string;
  stabilityPlan: string;
  stabilityPlanOn: string;
}

/** The form as the case stands; a plan not made yet is dated today, the day it is likely written. */
export function ownershipForm(o: Ownership, today = shanghaiDate()): OwnershipForm {
  return {
    leaderUserId: o.leader?.id ?? '',
    unitId: o.unit?.id ?? '',
    resolutionPlan: o.resolutionPlan ?? '',
    resolutionPlanOn: o.resolutionPlanOn ?? today,
    stabilityPlan: o.stabilityPlan ?? '',
    stabilityPlanOn: o.stabilityPlanOn ?? today,
  };
}

/**
 * What to send: only the parts that changed (an omitted part stays as it is, null clears it), so that
 * the timeline names what was really done. A plan goes with its date, and a new date alone sends the
 * plan again (the server dates a plan only when it is given).
 */
export function ownershipInput(before: Ownership, f: OwnershipForm, version: number): CaseOwnershipInput | null {
  const start = ownershipForm(before, '');
  const input: CaseOwnershipInput = { version };
  let changed = false;
  if (f.leaderUserId !== start.leaderUserId) {
    input.leaderUserId = f.leaderUserId || null;
    changed = true;
  }
  if (f.unitId !== start.unitId) {
    input.unitId = f.unitId || null;
    changed = true;
  }
  const resolution = f.resolutionPlan.trim();
  if (resolution !== start.resolutionPlan.trim() || (resolution && f.resolutionPlanOn !== start.resolutionPlanOn)) {
    input.resolutionPlan = resolution || null;
    if (resolution) input.resolutionPlanOn = f.resolutionPlanOn || null;
    changed = true;
  }
  const stability = f.stabilityPlan.trim();
  if (stability !== start.stabilityPlan.trim() || (stability && f.stabilityPlanOn !== start.stabilityPlanOn)) {
    input.stabilityPlan = stability || null;
    if (stability) input.stabilityPlanOn = f.stabilityPlanOn || null;
    changed = true;
  }
  return changed ? input : null;
}
