import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isCalendarDate, shanghaiDate, warningFor, type Warning } from '@xinfang/domain';
import { subject } from '@xinfang/permissions';
import { assertCan, readMaybe, readOne, scopedAll, scopedPage } from '../../common/access.js';
import type { RequestContext, SignedInContext } from '../../common/context.js';
import { badInput, forbidden, notFound } from '../../common/errors.js';
import { isUuid, likePattern, text } from '../../common/input.js';
import { expectVersion } from '../../common/write.js';
import { requirePetition, stepOnTimeline } from '../petition/index.js';
import { requireUnit } from '../unit/index.js';
import { countyLeader } from '../user/index.js';
import { Conference, ConferenceItem, ConferenceTask } from './conference.entity.js';
import type { ConferenceFilter, ConferenceTaskFilter, RecordConferenceInput } from './supervision.types.js';

const today = () => shanghaiDate();
const MAX_ITEMS = 30;
const MAX_TASKS = 20;
const MAX_UNITS = 100;

/** A task's warning: yellow within three days of its due day, red after it, until it is done. */
export const taskWarning = (t: Pick<ConferenceTask, 'doneOn' | 'dueOn'>): Warning => warningFor(t.doneOn ? null : t.dueOn, today());

/**
 * Joint conferences (集中会办, docs/domain.md §5): the bureau or a county leader records a meeting —
 * its day, chair, attending units and people — with the petitions it took up, each with its decision
 * (put on the petition's timeline) and follow-up tasks (on the owner unit's 我的待办 until done).
 */
export class ConferenceService {
  conference(ctx: RequestContext, id: string): Promise<Conference> {
    return readOne(ctx, Conference, 'Conference', id);
  }

  private async where(ctx: RequestContext, filter: ConferenceFilter): Promise<FilterQuery<Conference>> {
    const where: FilterQuery<Conference>[] = [];
    if (filter.from) where.push({ heldOn: { $gte: filter.from } });
    if (filter.to) where.push({ heldOn: { $lte: filter.to } });
    if (filter.petitionId) {
      const p = await requirePetition(ctx, filter.petitionId);
      const items = ctx.em.createQueryBuilder(ConferenceItem, 'i').select('i.conference_id').where({ petitionId: p.id }).getKnexQuery() as unknown as string[];
      where.push({ id: { $in: items } });
    }
    const like = likePattern(filter.text);
    if (like) where.push({ title: { $ilike: like } });
    return where.length ? { $and: where } : {};
  }

  async conferences(ctx: RequestContext, filter: ConferenceFilter = {}, first?: number | null, after?: string | null) {
    return scopedPage(ctx, Conference, 'Conference', { where: await this.where(ctx, filter), orderBy: [{ heldOn: 'desc' }, { id: 'asc' }], first, after });
  }

  /** A conference's items in the order of its minutes: read through the conference, already read in scope. */
  items(ctx: RequestContext, c: Conference): Promise<ConferenceItem[]> {
    return ctx.em.find(ConferenceItem, { conferenceId: c.id }, { orderBy: { position: 'asc' } });
  }

  /** The tasks of an item the caller may read. */
  tasksOf(ctx: RequestContext, item: ConferenceItem): Promise<ConferenceTask[]> {
    return scopedAll(ctx, ConferenceTask, 'ConferenceTask', { where: { itemId: item.id }, orderBy: [{ dueOn: 'asc' }, { id: 'asc' }] });
  }

  private taskWhere(ctx: SignedInContext, filter: ConferenceTaskFilter): FilterQuery<ConferenceTask> {
    if (filter.ownerUnitId && !isUuid(filter.ownerUnitId)) throw notFound('Unit');
    if (filter.conferenceId && !isUuid(filter.conferenceId)) throw notFound('Conference');
    const where: FilterQuery<ConferenceTask>[] = [];
    if (filter.mine) where.push({ ownerUnitId: ctx.user.unitId });
    if (filter.ownerUnitId) where.push({ ownerUnitId: filter.ownerUnitId });
    if (filter.conferenceId) where.push({ conferenceId: filter.conferenceId });
    if (filter.open === true) where.push({ doneOn: null });
    if (filter.open === false) where.push({ doneOn: { $ne: null } });
    if (filter.overdue === true) where.push({ doneOn: null, dueOn: { $lt: today() } });
    if (filter.overdue === false) where.push({ $or: [{ doneOn: { $ne: null } }, { dueOn: { $gte: today() } }] });
    return where.length ? { $and: where } : {};
  }

  tasks(ctx: SignedInContext, filter: ConferenceTaskFilter = {}, first?: number | null, after?: string | null) {
    return scopedPage(ctx, ConferenceTask, 'ConferenceTask', { where: this.taskWhere(ctx, filter), orderBy: [{ doneOn: 'desc nulls first' }, { dueOn: 'asc' }, { id: 'asc' }], first, after });
  }

  readableTask(ctx: RequestContext, id: string | null): Promise<ConferenceTask | null> {
    return readMaybe(ctx, ConferenceTask, 'ConferenceTask', id);
  }

  task(ctx: RequestContext, id: string, em: EntityManager = ctx.em): Promise<ConferenceTask> {
    return readOne(ctx, ConferenceTask, 'ConferenceTask', id, em);
  }

  /**
   * Records a conference: FORBIDDEN for anyone but the bureau and the county leaders; BAD_USER_INPUT
   * for a day in the future, an empty title or decision, a chair who is not a county leader, no item,
   * a petition taken up twice, a task due before the meeting; NOT_FOUND for a unit or petition outside
   * the caller's scope. Each decision goes on its petition's timeline. Nothing is saved when refused.
   */
  async record(ctx: SignedInContext, input: RecordConferenceInput): Promise<Conference> {
    assertCan(ctx.ability, 'create', 'Conference');
    const heldOn = input.heldOn;
    if (!isCalendarDate(heldOn) || heldOn > today()) throw badInput('"heldOn" must be a real day, not in the future.', { field: 'heldOn' });
    const title = text(input.title, 'title', 200)!;
    const venue = text(input.venue, 'venue', 200, false);
    const attendees = text(input.attendees, 'attendees', 2000, false);
    if (input.items.length === 0) throw badInput('A conference takes up at least one petition.', { field: 'items', reason: 'NO_ITEMS' });
    if (input.items.length > MAX_ITEMS) throw badInput(`A conference takes up at most ${MAX_ITEMS} petitions.`, { field: 'items' });
    if (new Set(input.items.map((i) => i.petitionId)).size !== input.items.length) throw badInput('Each petition is taken up once.', { field: 'items', reason: 'DUPLICATE_PETITION' });
    if (input.attendingUnitIds.length > MAX_UNITS) throw badInput(`At most ${MAX_UNITS} attending units.`, { field: 'attendingUnitIds' });
    return ctx.em.transactional(async (em) => {
      const chair = await countyLeader(em, input.chairUserId, ctx.user.countyId);
      if (!chair) throw badInput('The chair must be one of the county’s leaders.', { field: 'chairUserId', reason: 'NOT_A_COUNTY_LEADER' });
      const units: string[] = [];
      for (const id of new Set(input.attendingUnitIds)) units.push((await requireUnit(ctx, id, em)).id);
      const c = em.create(Conference, { countyId: ctx.user.countyId, heldOn, title, chairUserId: chair.id, venue, attendingUnitIds: units, attendees, recordedByUserId: ctx.user.id } as never);
      let position = 0;
      for (const [n, input_] of input.items.entries()) {
        const p = await requirePetition(ctx, input_.petitionId, em);
        const decision = text(input_.decision, `items[${n}].decision`, 4000)!;
        const item = em.create(ConferenceItem, { conferenceId: c.id, petitionId: p.id, position: ++position, decision } as never);
        const tasks = input_.tasks ?? [];
        if (tasks.length > MAX_TASKS) throw badInput(`An item has at most ${MAX_TASKS} tasks.`, { field: `items[${n}].tasks` });
        for (const [k, t] of tasks.entries()) {
          const field = `items[${n}].tasks[${k}]`;
          const owner = await requireUnit(ctx, t.ownerUnitId, em);
          if (!isCalendarDate(t.dueOn) || t.dueOn < heldOn) throw badInput(`"${field}.dueOn" must be a real day, not before the meeting.`, { field: `${field}.dueOn` });
          em.create(ConferenceTask, {
            countyId: ctx.user.countyId, conferenceId: c.id, itemId: item.id, petitionId: p.id, ownerUnitId: owner.id, ownerParentUnitId: owner.parentId,
            description: text(t.description, `${field}.description`, 2000)!, dueOn: t.dueOn,
          } as never);
        }
        await em.flush();
        await stepOnTimeline(ctx, em, p, 'CONFERENCE_DECISION', decision, { conferenceId: c.id, heldOn, title, tasks: tasks.length });
      }
      await em.flush();
      return c;
    });
  }

  /**
   * Marks a task done: NOT_FOUND outside the caller's scope, FORBIDDEN for anyone but its owner unit
   * and the bureau, CONFLICT for a stale version, BAD_USER_INPUT for one already done.
   */
  async complete(ctx: SignedInContext, id: string, version: number, note: string | null | undefined): Promise<ConferenceTask> {
    return ctx.em.transactional(async (em) => {
      const t = await this.task(ctx, id, em);
      if (!ctx.ability.can('update', subject('ConferenceTask', t))) throw forbidden('Only the task’s owner unit, or the bureau, marks it done.');
      expectVersion(t, version);
      if (t.doneOn) throw badInput('This task is done already.', { reason: 'ALREADY_DONE' });
      t.doneOn = today();
      t.doneNote = text(note, 'note', 2000, false);
      await em.flush();
      return t;
    });
  }
}
