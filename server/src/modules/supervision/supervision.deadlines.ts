import type { EntityManager } from '@mikro-orm/postgresql';
import { AWAITING_REPORT } from '@xinfang/domain';
import type { Deadline } from '../notification/index.js';
import { Conference, ConferenceTask } from './conference.entity.js';
import { SupervisionOrder } from './supervision.entity.js';

/**
 * Facts read WITHOUT a caller's scope (eslint.modules.js names this file): the deadlines the daily
 * sweep warns of, by id and day only, and a conference's heading (day and title) for the units that
 * hold one of its tasks but may not read its minutes.
 */

/** The open orders whose due day falls on or before `until`. */
export async function orderDeadlines(em: EntityManager, until: string): Promise<Deadline[]> {
  const rows = await em.find(SupervisionOrder, { status: { $in: [...AWAITING_REPORT] }, dueOn: { $lte: until } }, { fields: ['id', 'countyId', 'unitId', 'parentUnitId', 'dueOn'], orderBy: { dueOn: 'asc', id: 'asc' } });
  return rows.map((o) => ({ countyId: o.countyId, unitId: o.unitId, parentUnitId: o.parentUnitId, about: { orderId: o.id }, dueOn: o.dueOn }));
}

/** The conference tasks not done whose due day falls on or before `until`. */
export async function taskDeadlines(em: EntityManager, until: string): Promise<Deadline[]> {
  const rows = await em.find(ConferenceTask, { doneOn: null, dueOn: { $lte: until } }, { fields: ['id', 'countyId', 'ownerUnitId', 'ownerParentUnitId', 'dueOn'], orderBy: { dueOn: 'asc', id: 'asc' } });
  return rows.map((t) => ({ countyId: t.countyId, unitId: t.ownerUnitId, parentUnitId: t.ownerParentUnitId, about: { taskId: t.id }, dueOn: t.dueOn }));
}

/** Every deadline source of this module, for the daily sweep. */
export const SUPERVISION_DEADLINES = [orderDeadlines, taskDeadlines] as const;

/** A conference's day and title. */
export async function conferenceHeading(em: EntityManager, id: string): Promise<{ id: string; heldOn: string; title: string } | null> {
  const c = await em.findOne(Conference, { id }, { fields: ['id', 'heldOn', 'title'] });
  return c ? { id: c.id, heldOn: c.heldOn, title: c.title } : null;
}
