import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignedInContext } from '../../common/context.js';
import { nameOf } from '../unit/index.js';
import type { Petition } from './petition.entity.js';
import { appendEvent } from './timeline.service.js';

/** The steps other modules put on a petition's timeline (its status unchanged). */
export type OutsideStep = 'CONFERENCE_DECISION' | 'SUPERVISED' | 'SUPERVISION_ACCEPTED';

/**
 * Puts a step of another module's record on a petition's timeline, inside that record's transaction:
 * a joint conference's decision, a supervision order issued or accepted. The petition is one the
 * caller has already read through its scope; the note is under the timeline notes' rule like any.
 */
export async function stepOnTimeline(ctx: SignedInContext, em: EntityManager, p: Petition, type: OutsideStep, note: string | null, data: Record<string, unknown>): Promise<void> {
  await appendEvent(em, {
    petitionId: p.id,
    countyId: p.countyId,
    type,
    actorUserId: ctx.user.id,
    actorUnitId: ctx.user.unitId,
    actorName: await nameOf(em, ctx.user.unitId),
    fromStatus: p.status,
    toStatus: p.status,
    note,
    data,
  });
}
