import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignedInContext } from '../../common/context.js';
import { ScreeningEvent } from './screening.entity.js';

/** Who did a step, as the history shows it. */
export const actorOf = (ctx: SignedInContext) => ({ actorUserId: ctx.user.id, actorName: ctx.user.displayName });

/**
 * The history of a report or a dispute is read through its parent: only for a row already read
 * through the caller's scope (`readOne`), so it needs no scope of its own.
 */
/** The steps of a report (`disputeId: null`) or of a dispute, oldest first. */
export function historyOf(em: EntityManager, where: { reportId: string; disputeId: null } | { disputeId: string }): Promise<ScreeningEvent[]> {
  return em.find(ScreeningEvent, where, { orderBy: [{ at: 'asc' }, { id: 'asc' }] });
}
