import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '@xinfang/domain';
import type { RequestContext } from '../../common/context.js';
import { refusal, serviceWorld, type ServiceWorld } from '../../testing/service-world.js';
import { Unit } from '../unit/index.js';
import { PetitionEvent } from './petition-event.entity.js';
import { Petition } from './petition.entity.js';
import { PetitionQueries, requirePetition } from './petition.queries.js';
import { PetitionWorkflow } from './petition.workflow.js';
import type { RegisterPetitionInput } from './petition.types.js';

// The petition workflow's business rules, tested on the services over real PostgreSQL: no server,
// no token, no GraphQL (test/api proves the same rules end to end).

const workflow = new PetitionWorkflow();
const queries = new PetitionQueries();

/** The error a promise is refused with: its code, reason and message. */

describe('the petition services (PostgreSQL)', () => {
  let world: ServiceWorld;
  const unit = async (name: string) => world.em().findOneOrFail(Unit, { name });
  const input = async (location: string, over: Partial<RegisterPetitionInput> = {}): Promise<RegisterPetitionInput> => ({
    channel: 'VISIT',
    kind: 'CLAIM',
    categoryCode: 'LAND',
    subject: '宅基地确权纠纷',
    content: '反映宅基地确权长期未办理。',
    receivedAt: shanghaiDate(),
    headcount: 1,
    locationUnitId: (await unit(location)).id,
    petitioner: { name: '王五', phone: '13800000000' },
    ...over,
  });

  beforeAll(async () => {
    world = await serviceWorld();
  });
  afterAll(async () => world?.close());

  it('registers a petition with its location’s ancestry, a county-year number, a receipt code and its first timeline step', async () => {
    const bureau = await world.as('bureau');
    const village = await unit('石桥村');
    const p = await workflow.register(bureau, await input('石桥村'));
    expect([p.countyId, p.townshipId, p.villageId]).toEqual([village.countyId, village.townshipId, village.id]);
    expect(p.number).toMatch(new RegExp(`^SFX-${shanghaiDate().slice(0, 4)}-\\d{5}$`));
    expect(p.receiptCode).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    const next = await workflow.register(bureau, await input('东街社区'));
    expect(Number(next.number.slice(-5))).toBe(Number(p.number.slice(-5)) + 1);
    const events = await world.em().find(PetitionEvent, { petitionId: p.id });
    expect(events.map((e) => [e.type, e.toStatus])).toEqual([['REGISTERED', 'REGISTERED']]);
  });

  it('refuses a location that is no place (a department) and an unknown category, and saves nothing', async () => {
    const bureau = await world.as('bureau');
    const before = await world.em().count(Petition, {});
    expect(await refusal(workflow.register(bureau, await input('县自然资源局')))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusal(workflow.register(bureau, await input('石桥村', { categoryCode: 'NO_SUCH' })))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await world.em().count(Petition, {})).toBe(before);
  });

  it('reads a petition outside the caller’s scope as NOT_FOUND, word for word like a missing one', async () => {
    const bureau = await world.as('bureau');
    const inChengguan = await workflow.register(bureau, await input('东街社区'));
    const qingshan = await world.as('qingshan');
    const outside = await refusal(requirePetition(qingshan, inChengguan.id));
    expect(outside).toEqual(await refusal(requirePetition(qingshan, '00000000-0000-4000-8000-000000000000')));
    expect(outside).toEqual(await refusal(requirePetition(qingshan, 'not an id')));
    expect(outside.code).toBe('NOT_FOUND');
    expect((await requirePetition(await world.as('chengguan'), inChengguan.id)).id).toBe(inChengguan.id);
  });

  it('counts and pages a list inside the caller’s scope only', async () => {
    const township = await unit('青山乡');
    const qingshan = await world.as('qingshan');
    const page = await queries.list(qingshan, {}, 5);
    const inScope = await world.em().count(Petition, { townshipId: township.id });
    expect(page.totalCount).toBe(inScope);
    expect(page.edges.length).toBe(Math.min(5, inScope));
    expect(page.edges.every((e) => e.node.townshipId === township.id)).toBe(true);
    const bureau: RequestContext = await world.as('bureau');
    expect((await queries.list(bureau, {}, 1)).totalCount).toBe(await world.em().count(Petition, {}));
  });

  it('never gives a petition to the unit it accuses, and sends an accusation only to the discipline commission', async () => {
    const bureau = await world.as('bureau');
    const land = await unit('县自然资源局');
    const accused = await workflow.register(bureau, await input('石桥村', { respondentUnitId: land.id }));
    const accepted = await workflow.accept(bureau, accused.id, accused.version);
    expect(await refusal(workflow.assign(await world.as('bureau'), accepted.id, accepted.version, land.id, 'ASSIGN'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ACCUSED_UNIT' });
    const accusation = await workflow.register(bureau, await input('石桥村', { kind: 'ACCUSATION' }));
    const a = await workflow.accept(await world.as('bureau'), accusation.id, accusation.version);
    expect(await refusal(workflow.assign(await world.as('bureau'), a.id, a.version, land.id, 'ASSIGN'))).toMatchObject({ reason: 'ACCUSATION_TO_DISCIPLINE' });
    const commission = await unit('县纪委监委');
    expect((await workflow.assign(await world.as('bureau'), a.id, a.version, commission.id, 'ASSIGN')).handlingUnitId).toBe(commission.id);
  });

  it('gives one extension at most, and refuses a stale version without changing the row', async () => {
    const p = await workflow.register(await world.as('bureau'), await input('石桥村'));
    const accepted = await workflow.accept(await world.as('bureau'), p.id, p.version);
    const assigned = await workflow.assign(await world.as('bureau'), accepted.id, accepted.version, (await unit('县自然资源局')).id, 'ASSIGN');
    const land = await world.as('land');
    const asked = await workflow.requestExtension(land, assigned.id, assigned.version, 10, '需现场勘测');
    const decided = await workflow.decideExtension(await world.as('bureau'), asked.id, asked.version, true, null);
    expect(await refusal(workflow.requestExtension(await world.as('land'), decided.id, decided.version, 5, '再延'))).toMatchObject({ reason: 'EXTENSION_ALREADY_REQUESTED' });
    expect(await refusal(workflow.answer(await world.as('land'), decided.id, decided.version - 1, '已答复', null))).toMatchObject({ code: 'CONFLICT' });
    const row = await world.em().findOneOrFail(Petition, { id: p.id });
    expect([row.status, row.version, row.answerText]).toEqual(['IN_PROGRESS', decided.version, null]);
  });

  it('flags an open petition of two years as backlog, and leaves a closed one alone', async () => {
    const bureau = await world.as('bureau');
    const old = await workflow.register(bureau, await input('石桥村', { receivedAt: addDays(shanghaiDate(), -731) }));
    const closed = await workflow.register(bureau, await input('石桥村', { receivedAt: addDays(shanghaiDate(), -740) }));
    await world.em().nativeUpdate(Petition, { id: closed.id }, { status: 'CLOSED' });
    expect(await workflow.flagBacklogByAge(world.em())).toBeGreaterThanOrEqual(1);
    const [a, b] = await Promise.all([world.em().findOneOrFail(Petition, { id: old.id }), world.em().findOneOrFail(Petition, { id: closed.id })]);
    expect([a.isBacklog, b.isBacklog]).toEqual([true, false]);
  });
});
