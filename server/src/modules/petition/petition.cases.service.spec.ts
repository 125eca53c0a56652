import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '@xinfang/domain';
import { refusal, serviceWorld, type ServiceWorld } from '../../testing/service-world.js';
import { Unit } from '../unit/index.js';
import { User } from '../user/index.js';
import { PetitionEvent } from './petition-event.entity.js';
import { Petition } from './petition.entity.js';
import { CaseService } from './petition.cases.js';
import { backlogCutoff, yearsBefore } from './petition.rules.js';
import { PetitionWorkflow } from './petition.workflow.js';

// Hard cases on the services over real PostgreSQL: 包案 and the key-matter and backlog lists.

const cases = new CaseService();
const workflow = new PetitionWorkflow();

describe('hard cases (PostgreSQL)', () => {
  let world: ServiceWorld;
  let keyMatter: Petition;
  const leader = (username: string) => world.em().findOneOrFail(User, { username });

  beforeAll(async () => {
    world = await serviceWorld({ petitions: false });
    const bureau = await world.as('bureau');
    const village = await world.em().findOneOrFail(Unit, { name: '石桥村' });
    const p = await workflow.register(bureau, {
      channel: 'VISIT', kind: 'CLAIM', categoryCode: 'LAND', subject: '征地补偿长期未兑现', content: '反映征地补偿款长期未兑现。',
      receivedAt: shanghaiDate(), headcount: 3, locationUnitId: village.id, petitioner: { name: '赵六', phone: '13900000000' },
    });
    keyMatter = await workflow.flag(await world.as('bureau'), p.id, p.version, true, null, '多次集体访，社会关注度高');
  });
  afterAll(async () => world?.close());

  it('counts a case as owned only when all four parts are present, and puts each change on the timeline', async () => {
    const bureau = await world.as('bureau');
    const ctxRead = await world.as('bureau');
    expect((await cases.ownershipOf(ctxRead, keyMatter)).missing).toEqual(['LEADER', 'UNIT', 'RESOLUTION_PLAN', 'STABILITY_PLAN']);
    const secretary = await leader('secretary');
    const land = await world.em().findOneOrFail(Unit, { name: '县自然资源局' });
    let p = await cases.setOwnership(bureau, keyMatter.id, { version: keyMatter.version, leaderUserId: secretary.id, unitId: land.id, resolutionPlan: '核实补偿标准，限期兑付。' });
    let own = await cases.ownershipOf(await world.as('bureau'), p);
    expect([own.isOwned, own.missing, own.leader?.displayName, own.unit?.name, own.resolutionPlanOn]).toEqual([false, ['STABILITY_PLAN'], '县委书记', '县自然资源局', shanghaiDate()]);
    p = await cases.setOwnership(await world.as('bureau'), p.id, { version: p.version, stabilityPlan: '专人联系，重要时段稳控。' });
    own = await cases.ownershipOf(await world.as('bureau'), p);
    expect([own.isOwned, own.missing]).toEqual([true, []]);
    const steps = await world.em().find(PetitionEvent, { petitionId: p.id, type: 'OWNERSHIP_SET' }, { orderBy: { seq: 'asc' } });
    expect(steps.map((e) => (e.data as { changed: string[] }).changed)).toEqual([['LEADER', 'UNIT', 'RESOLUTION_PLAN'], ['STABILITY_PLAN']]);
    expect(steps.every((e) => e.note === null)).toBe(true);
    keyMatter = p;
  });

  it('lets a county leader take a case for itself, never name another leader, and not take another’s case', async () => {
    const bureau = await world.as('bureau');
    const village = await world.em().findOneOrFail(Unit, { name: '东街社区' });
    const r = await workflow.register(bureau, {
      channel: 'LETTER', kind: 'CLAIM', categoryCode: 'LAND', subject: '拆迁安置', content: '反映拆迁安置房未交付。',
      receivedAt: shanghaiDate(), headcount: 1, locationUnitId: village.id, petitioner: { name: '钱七' },
    });
    const flagged = await workflow.flag(await world.as('bureau'), r.id, r.version, true, null, null);
    const [secretary, magistrate] = [await leader('secretary'), await leader('magistrate')];
    expect(await refusal(cases.setOwnership(await world.as('magistrate'), flagged.id, { version: flagged.version, leaderUserId: secretary.id }))).toMatchObject({ code: 'FORBIDDEN' });
    const taken = await cases.setOwnership(await world.as('magistrate'), flagged.id, { version: flagged.version, leaderUserId: magistrate.id });
    expect(taken.ownerLeaderId).toBe(magistrate.id);
    expect(await refusal(cases.setOwnership(await world.as('secretary'), taken.id, { version: taken.version, leaderUserId: secretary.id }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(cases.setOwnership(await world.as('qingshan'), taken.id, { version: taken.version, unitId: village.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(cases.setOwnership(await world.as('bureau'), taken.id, { version: taken.version, leaderUserId: (await leader('bureau')).id }))).toMatchObject({ reason: 'NOT_A_COUNTY_LEADER' });
    expect(await refusal(cases.setOwnership(await world.as('bureau'), taken.id, { version: taken.version - 1, unitId: village.id }))).toMatchObject({ code: 'CONFLICT' });
    expect((await world.em().findOneOrFail(Petition, { id: taken.id })).ownerUnitId).toBeNull();
  });

  it('owns only key matters and backlog', async () => {
    const bureau = await world.as('bureau');
    const village = await world.em().findOneOrFail(Unit, { name: '石桥村' });
    const plain = await workflow.register(bureau, {
      channel: 'PHONE', kind: 'SUGGESTION', categoryCode: 'LAND', subject: '建议', content: '建议增设公交站点。',
      receivedAt: shanghaiDate(), headcount: 1, locationUnitId: village.id, petitioner: { name: '孙八' },
    });
    expect(await refusal(cases.setOwnership(await world.as('bureau'), plain.id, { version: plain.version, resolutionPlan: '研究' }))).toMatchObject({ reason: 'NOT_A_HARD_CASE' });
  });

  it('lists key matters in scope, owned or not, and the backlog by age', async () => {
    const bureau = await world.as('bureau');
    expect((await cases.keyMatters(bureau, {})).totalCount).toBe(2);
    expect((await cases.keyMatters(bureau, { owned: true })).edges.map((e) => e.node.id)).toEqual([keyMatter.id]);
    expect((await cases.keyMatters(await world.as('qingshan'), {})).edges.map((e) => e.node.id)).toEqual([keyMatter.id]);
    expect((await cases.keyMatters(await world.as('chengguan'), { owned: true })).totalCount).toBe(0);
    const today = shanghaiDate();
    const village = await world.em().findOneOrFail(Unit, { name: '石桥村' });
    for (const [years, days] of [[2, 0], [3, 1], [6, 0]] as const) {
      const p = await workflow.register(await world.as('bureau'), {
        channel: 'LETTER', kind: 'CLAIM', categoryCode: 'LAND', subject: `积案${years}`, content: '长期未解决。',
        receivedAt: yearsBefore(today, years).replace(/-\d\d$/, (d) => `-${String(Math.max(1, Number(d.slice(1)) - days)).padStart(2, '0')}`), headcount: 1, locationUnitId: village.id, petitioner: { name: '周九' },
      });
      expect(p.isBacklog).toBe(false);
    }
    await workflow.flagBacklogByAge(world.em());
    const byAge = async (age: 'TWO_TO_THREE' | 'THREE_TO_FIVE' | 'OVER_FIVE') => (await cases.backlog(await world.as('bureau'), { age })).edges.map((e) => e.node.subject);
    expect([await byAge('TWO_TO_THREE'), await byAge('THREE_TO_FIVE'), await byAge('OVER_FIVE')]).toEqual([['积案2'], ['积案3'], ['积案6']]);
  });

  it('makes a case backlog at exactly two years, not a day before', () => {
    expect(backlogCutoff('2026-12-04')).toBe('2024-12-04');
    expect(backlogCutoff('2026-02-28')).toBe('2024-02-28');
    expect(yearsBefore('2028-02-29', 2)).toBe('2026-02-28');
    expect(yearsBefore('2026-03-01', 2)).toBe('2024-03-01');
  });
});
