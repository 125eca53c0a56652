import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CHANNELS,
  PETITION_CATEGORIES,
  addDays,
  idCheckCharacter,
  holidayCalendar,
  petitionDeadlines,
  shanghaiDate,
  type Channel,
  type PetitionKind,
  type PetitionStatus,
  type Satisfaction,
} from '@xinfang/domain';
import { CalendarDay } from '../modules/calendar/calendar-day.entity.js';
import { CategoryRoute } from '../modules/reference/category.entity.js';
import { Petition } from '../modules/petition/petition.entity.js';
import { backlogCutoff, newReceiptCode } from '../modules/petition/petition.rules.js';
import { appendEvents, type NewEvent } from '../modules/petition/timeline.service.js';
import { Unit } from '../modules/unit/unit.entity.js';
import { User } from '../modules/user/user.entity.js';

/** A small seeded generator (mulberry32): the same seed gives the same demo county every time. */
export function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
export const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂兰华建国红玉梅兵文辉鹏飞德福生荣春燕海波志宏金凤林德胜永贵'.split('');

const SUBJECTS: Record<string, string[]> = {
  LAND: ['反映征地补偿款未足额发放', '反映宅基地被他人侵占', '反映土地流转租金拖欠', '对征收土地面积测量结果有异议'],
  LABOUR: ['反映工程项目拖欠农民工工资', '反映企业未依法缴纳社会保险', '请求认定工伤并给予赔偿', '反映养老保险待遇核定有误'],
  HOUSING: ['反映安置房迟迟未交付', '反映小区物业服务问题', '反映危房改造补助未到位', '反映房屋质量存在安全隐患'],
  LAW: ['对法院判决执行不到位有意见', '反映案件久拖不决', '请求对民事纠纷依法处理'],
  CIVIL: ['申请最低生活保障未获批准', '反映低保评定不公', '请求解决困难群众临时救助'],
  ENVIRONMENT: ['反映养殖场污染周边环境', '反映企业夜间噪音扰民', '反映河道被倾倒垃圾'],
  RURAL: ['反映惠农补贴发放不到位', '反映村组道路硬化未完成', '反映灌溉水渠年久失修'],
  VETERANS: ['退役军人请求落实优抚待遇', '反映退役安置问题', '请求解决退役士兵社保接续'],
  POLICE: ['反映报警后处置不及时', '请求办理户籍迁移', '反映邻里纠纷引发治安问题'],
  OTHER: ['对公共服务提出意见建议', '建议增设公交站点', '反映路灯长期损坏'],
};
const ACCUSATIONS = ['检举村干部违规发放补助资金', '检举工作人员在项目审批中索要好处', '控告镇村干部优亲厚友评定低保'];

function idNumber(rand: ReturnType<typeof generator>, birthYear: number): string {
  const body = `360999${birthYear}${String(rand.int(1, 12)).padStart(2, '0')}${String(rand.int(1, 28)).padStart(2, '0')}${String(rand.int(100, 999))}`;
  return body + idCheckCharacter(body);
}

/** How a demo petition's life goes: the last state it reaches, and the turns it takes on the way. */
type Path = 'REGISTERED' | 'NOT_ACCEPTED' | 'ACCEPTED' | 'IN_PROGRESS' | 'OBJECTED' | 'ANSWERED' | 'REVIEW' | 'RE_REVIEW' | 'CLOSED' | 'CLOSED_AFTER_REVIEW' | 'FINAL';

function pathFor(rand: ReturnType<typeof generator>, age: number): Path {
  if (age < 10) return rand.pick<Path>(['REGISTERED', 'REGISTERED', 'ACCEPTED', 'IN_PROGRESS']);
  if (age < 60) return rand.pick<Path>(['ACCEPTED', 'IN_PROGRESS', 'IN_PROGRESS', 'OBJECTED', 'ANSWERED', 'NOT_ACCEPTED', 'CLOSED']);
  if (age < 150) return rand.pick<Path>(['IN_PROGRESS', 'ANSWERED', 'REVIEW', 'CLOSED', 'CLOSED', 'CLOSED', 'NOT_ACCEPTED']);
  if (age < 400) return rand.pick<Path>(['CLOSED', 'CLOSED', 'CLOSED', 'CLOSED_AFTER_REVIEW', 'RE_REVIEW', 'NOT_ACCEPTED', 'REVIEW']);
  return rand.pick<Path>(['CLOSED', 'CLOSED', 'CLOSED', 'CLOSED_AFTER_REVIEW', 'FINAL', 'NOT_ACCEPTED', 'IN_PROGRESS']);
}

/**
 * Loads the demo county's petitions: `count` over the last three years, in every state, channel,
 * kind and category, each with a timeline made by the same event chain as real work. Deterministic
 * for a seed and a day. Does nothing when the county has petitions.
 */
export async function seedDemoPetitions(em: EntityManager, countyName = '示范县', count = 320, seed = 20260916): Promise<number> {
  return em.transactional(async (tx) => {
    const county = await tx.findOne(Unit, { kind: 'COUNTY', name: countyName });
    if (!county) return 0;
    if ((await tx.count(Petition, { countyId: county.id })) > 0) return 0;
    const rand = generator(seed);
    // Skip-level visits are drawn from a stream of their own, so that every other field of the demo
    // petitions stays what it was before they were recorded.
    const skipRand = generator(seed ^ 0x5eed);
    const today = shanghaiDate();
    const calendar = holidayCalendar(await tx.find(CalendarDay, { countyId: county.id }));
    const units = await tx.find(Unit, { countyId: county.id });
    const byName = new Map(units.map((u) => [u.name, u]));
    const places = units.filter((u) => ['TOWNSHIP', 'VILLAGE', 'VILLAGE_GROUP'].includes(u.kind));
    const discipline = units.find((u) => u.function === 'DISCIPLINE_COMMISSION');
    const bureau = units.find((u) => u.kind === 'BUREAU')!;
    const leaders = await tx.find(User, { countyId: county.id, roles: { $contains: ['COUNTY_LEADER'] } });
    const bureauUser = await tx.findOne(User, { countyId: county.id, roles: { $contains: ['BUREAU'] } });
    const routes = new Map((await tx.find(CategoryRoute, { countyId: county.id })).map((r) => [r.categoryCode, r.unitId]));
    const petitioners: Array<{ name: string; idNumber: string; phone: string; address: string }> = [];
    const made: Petition[] = [];
    const sequence = new Map<number, number>();
    // Appended at the end in one go: the same chain as live work, without a round trip per event.
    const events: NewEvent[] = [];

    // Oldest first, so that numbers and the chain run in time order.
    const ages = Array.from({ length: count }, () => rand.int(0, 1095)).sort((a, b) => b - a);
    for (const [i, age] of ages.entries()) {
      const receivedAt = addDays(today, -age);
      const channel: Channel = i < CHANNELS.length ? CHANNELS[i]! : rand.pick(CHANNELS);
      const category = i < PETITION_CATEGORIES.length ? PETITION_CATEGORIES[i]!.code : rand.pick(PETITION_CATEGORIES).code;
      const kind: PetitionKind = i % 11 === 3 ? 'ACCUSATION' : rand.chance(0.15) ? 'SUGGESTION' : 'CLAIM';
      const place = rand.pick(places);
      const repeat = made.length > 10 && rand.chance(0.1) ? rand.pick(made.slice(-60)) : null;
      const who = repeat
        ? { name: repeat.petitionerName, idNumber: repeat.petitionerIdNumber!, phone: repeat.petitionerPhone!, address: repeat.petitionerAddress! }
        : {
            name: rand.pick(SURNAMES) + rand.pick(GIVEN) + (rand.chance(0.6) ? rand.pick(GIVEN) : ''),
            idNumber: idNumber(rand, rand.int(1950, 2000)),
            phone: `1${rand.pick(['35', '37', '38', '39', '58', '87'])}${String(rand.int(10000000, 99999999))}`,
            address: `${place.name}${rand.int(1, 80)}号`,
          };
      petitioners.push(who);
      const headcount = rand.chance(0.12) ? rand.int(5, 40) : rand.chance(0.2) ? rand.int(2, 4) : 1;
      // 越级访: a visit taken past the county to the city or province, most often by someone who has
      // been here before or by a group.
      const skipDraw = skipRand.next();
      const isSkipLevel = channel === 'VISIT' && kind !== 'SUGGESTION' && skipDraw < (repeat ? 0.15 : headcount >= 5 ? 0.08 : 0.02);
      const respondent = kind === 'ACCUSATION' ? (units.find((u) => u.id === place.townshipId) ?? byName.get('城关镇')!) : null;
      const handler =
        kind === 'ACCUSATION' ? discipline!
        : routes.has(category) ? units.find((u) => u.id === routes.get(category))!
        : units.find((u) => u.id === place.townshipId) ?? byName.get('城关镇')!;

      const year = Number(receivedAt.slice(0, 4));
      sequence.set(year, (sequence.get(year) ?? 0) + 1);
      const p = new Petition();
      Object.assign(p, {
        number: `${county.code ?? 'XF'}-${year}-${String(sequence.get(year)).padStart(5, '0')}`,
        receiptCode: newReceiptCode(),
        countyId: county.id,
        townshipId: place.townshipId,
        villageId: place.villageId,
        locationUnitId: place.id,
        channel,
        kind,
        categoryCode: category,
        subject: kind === 'ACCUSATION' ? rand.pick(ACCUSATIONS) : rand.pick(SUBJECTS[category]!),
        content: '',
        receivedAt,
        headcount,
        isCollective: headcount >= 5,
        isSkipLevel,
        isInitial: !repeat,
        repeatOfId: repeat?.id ?? null,
        respondentUnitId: respondent?.id ?? null,
        respondentName: respondent ? `${respondent.name}相关工作人员` : null,
        petitionerName: who.name,
        petitionerIdNumber: who.idNumber,
        petitionerPhone: who.phone,
        petitionerAddress: who.address,
        registeredById: bureauUser?.id ?? leaders[0]!.id,
        isKeyMatter: rand.chance(0.06),
      });
      p.content = isSkipLevel
        ? `${who.name}${headcount >= 5 ? `等${headcount}人` : ''}越级到市信访局上访${p.subject}，称${place.name}的问题在县里多次反映未果；市信访局登记后转回本县办理。`
        : `${who.name}${headcount >= 5 ? `等${headcount}人` : ''}来${channel === 'VISIT' ? '访' : channel === 'LETTER' ? '信' : '电'}${p.subject}，称${place.name}的问题已持续较长时间，多次向有关部门反映未果，请求依法依规予以解决。`;
      if (p.isKeyMatter && leaders.length) p.ownerLeaderId = rand.pick(leaders).id;
      tx.persist(p);
      made.push(p);

      const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
      const event = async (day: string, type: string, actor: Unit, from: PetitionStatus | null, to: PetitionStatus | null, note?: string, data?: Record<string, unknown>) => {
        events.push({
          petitionId: p.id,
          countyId: county.id,
          type,
          actorUserId: null,
          actorUnitId: actor.id,
          actorName: actor.name,
          fromStatus: from,
          toStatus: to,
          note: note ?? null,
          data: data ?? null,
          at: at(day < today ? day : today, 9 + rand.int(0, 7)),
        });
      };
      const upTo = (day: string) => (day > today ? today : day);
      await event(receivedAt, 'REGISTERED', bureau, null, 'REGISTERED', undefined, { channel });
      const path = pathFor(rand, age);
      if (path === 'REGISTERED') continue;
      const decidedAt = upTo(addDays(receivedAt, rand.int(1, 10)));
      if (path === 'NOT_ACCEPTED') {
        p.status = 'NOT_ACCEPTED';
        p.declineReason = '该事项已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决，不予受理。';
        await event(decidedAt, 'DECLINED', bureau, 'REGISTERED', 'NOT_ACCEPTED', p.declineReason);
        if (age > 60) {
          p.status = 'CLOSED';
          p.closedAt = upTo(addDays(decidedAt, 5));
          await event(p.closedAt, 'CLOSED', bureau, 'NOT_ACCEPTED', 'CLOSED');
        }
        continue;
      }
      p.status = 'ACCEPTED';
      p.acceptedAt = decidedAt;
      await event(decidedAt, 'ACCEPTED', bureau, 'REGISTERED', 'ACCEPTED');
      if (path === 'ACCEPTED') continue;
      const assignedAt = upTo(addDays(decidedAt, rand.int(0, 3)));
      p.status = 'IN_PROGRESS';
      p.handlingUnitId = handler.id;
      p.handlingMode = rand.chance(0.5) ? 'ASSIGN' : 'FORWARD';
      p.assignedAt = assignedAt;
      await event(assignedAt, 'ASSIGNED', bureau, 'ACCEPTED', 'IN_PROGRESS', undefined, { handlingUnitId: handler.id, handlingUnit: handler.name, mode: p.handlingMode });
      if (path === 'OBJECTED') {
        await event(upTo(addDays(assignedAt, 2)), 'OBJECTED', handler, 'IN_PROGRESS', 'ACCEPTED', '该事项不属于本单位职权范围，请重新交办。');
        p.status = 'ACCEPTED';
        p.handlingUnitId = null;
        p.handlingMode = null;
        p.assignedAt = null;
        continue;
      }
      p.noticeSentAt = upTo(addDays(assignedAt, rand.int(1, 10)));
      await event(p.noticeSentAt, 'NOTIFIED', handler, 'IN_PROGRESS', 'IN_PROGRESS', '已书面告知信访人受理情况及办理途径。');
      if (rand.chance(0.12)) {
        p.extensionStatus = 'APPROVED';
        p.extensionDays = rand.pick([15, 20, 30]);
        p.extensionReason = '情况复杂，需进一步调查核实。';
        await event(upTo(addDays(assignedAt, 40)), 'EXTENSION_REQUESTED', handler, 'IN_PROGRESS', 'IN_PROGRESS', p.extensionReason, { days: p.extensionDays });
        await event(upTo(addDays(assignedAt, 42)), 'EXTENSION_DECIDED', bureau, 'IN_PROGRESS', 'IN_PROGRESS', undefined, { approved: true, days: p.extensionDays });
      }
      if (path === 'IN_PROGRESS') continue;
      // A few answered late, so that the on-time rate has something to show.
      const answeredAt = upTo(addDays(decidedAt, rand.chance(0.15) ? rand.int(61, 80) : rand.int(15, 58)));
      p.status = 'ANSWERED';
      p.answeredAt = answeredAt;
      p.answerText = `经调查核实，${p.subject.replace(/^反映|^请求|^申请/, '')}一事已依法依规处理，现将处理意见书面答复如下。`;
      await event(answeredAt, 'ANSWERED', handler, 'IN_PROGRESS', 'ANSWERED', p.answerText);
      const wantsReview = ['REVIEW', 'RE_REVIEW', 'CLOSED_AFTER_REVIEW', 'FINAL'].includes(path);
      const rating: Satisfaction = wantsReview ? 'DISSATISFIED' : rand.pick<Satisfaction>(['SATISFIED', 'SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED']);
      if (path !== 'ANSWERED' || rand.chance(0.5)) {
        p.satisfaction = rating;
        p.ratedAt = upTo(addDays(answeredAt, rand.int(1, 7)));
        await event(p.ratedAt, 'RATED', bureau, 'ANSWERED', 'ANSWERED', undefined, { satisfaction: rating, via: 'BUREAU' });
      }
      if (path === 'ANSWERED') continue;
      if (wantsReview) {
        p.reviewRequestedAt = upTo(addDays(answeredAt, rand.int(5, 25)));
        p.status = 'REVIEW';
        await event(p.reviewRequestedAt, 'REVIEW_REQUESTED', bureau, 'ANSWERED', 'REVIEW', undefined, { stage: 'REVIEW' });
        if (path === 'REVIEW') continue;
        p.reviewDecidedAt = upTo(addDays(p.reviewRequestedAt, rand.int(10, 28)));
        p.satisfaction = null;
        await event(p.reviewDecidedAt, 'REVIEW_DECIDED', bureau, 'REVIEW', 'REVIEW', '经复查，原处理意见事实清楚、依据充分，予以维持。', { stage: 'REVIEW' });
        if (path === 'RE_REVIEW' || path === 'FINAL') {
          p.reReviewRequestedAt = upTo(addDays(p.reviewDecidedAt, rand.int(5, 25)));
          p.status = 'RE_REVIEW';
          await event(p.reReviewRequestedAt, 'REVIEW_REQUESTED', bureau, 'REVIEW', 'RE_REVIEW', undefined, { stage: 'RE_REVIEW' });
          if (path === 'RE_REVIEW') continue;
          p.reReviewDecidedAt = upTo(addDays(p.reReviewRequestedAt, rand.int(10, 28)));
          p.status = 'CLOSED';
          p.isFinal = true;
          p.closedAt = p.reReviewDecidedAt;
          await event(p.reReviewDecidedAt, 'REVIEW_DECIDED', bureau, 'RE_REVIEW', 'CLOSED', '经复核，维持复查意见。该信访事项已终结。', { stage: 'RE_REVIEW', final: true });
          continue;
        }
      }
      p.status = 'CLOSED';
      p.closedAt = upTo(addDays(p.reviewDecidedAt ?? answeredAt, rand.int(5, 30)));
      p.petitionerSettled = p.satisfaction !== 'DISSATISFIED' && rand.chance(0.7);
      // 和谐闭合 without another draw: closed with the petitioner not dissatisfied (the rest of the demo stays as it was).
      p.resolvedHarmoniously = p.satisfaction !== 'DISSATISFIED';
      await event(p.closedAt, 'CLOSED', bureau, p.reviewDecidedAt ? 'REVIEW' : 'ANSWERED', 'CLOSED', undefined, { settled: p.petitionerSettled, resolvedHarmoniously: p.resolvedHarmoniously });
      if (rand.chance(0.3)) await event(upTo(addDays(p.closedAt, rand.int(10, 60))), 'FOLLOW_UP', handler, 'CLOSED', 'CLOSED', '电话回访，信访人对处理结果表示认可。');
    }
    // 包案 on the hard cases, without another draw (the rest of the demo stays as it was): a closed key
    // matter was owned in full while it was open; of the open ones two in three get a responsible unit
    // and a resolution plan, one in three a stability plan too (owned), the third of each three nothing
    // yet (not owned: the card shows what is missing).
    const open = (p: Petition) => p.status !== 'CLOSED' && p.status !== 'NOT_ACCEPTED';
    const backlogNow = (p: Petition) => open(p) && p.receivedAt <= backlogCutoff(today);
    const hard = made.filter((p) => (p.isKeyMatter || backlogNow(p)) && (open(p) || p.status === 'CLOSED'));
    hard.forEach((p, i) => {
      const full = !open(p);
      if ((!full && i % 3 === 2) || leaders.length === 0) return;
      const planned = (days: number) => (addDays(p.receivedAt, days) > today ? today : addDays(p.receivedAt, days));
      p.ownerLeaderId ??= leaders[i % leaders.length]!.id;
      p.ownerUnitId = p.handlingUnitId ?? p.townshipId ?? p.locationUnitId;
      p.resolutionPlan = '由包案领导牵头，责任单位逐项核实诉求，依法依规提出解决方案，明确时限，定期向信访人反馈进展。';
      p.resolutionPlanOn = planned(20);
      if (full || i % 3 === 0) {
        p.stabilityPlan = '落实专人联系，掌握信访人动态，重要时段加强沟通，防止矛盾激化和越级上访。';
        p.stabilityPlanOn = planned(25);
      }
      // Each recording is a timeline step, as it would be through setCaseOwnership (no draw: a fixed hour).
      const status = open(p) ? p.status : 'IN_PROGRESS';
      const step = (day: string, changed: string[]) =>
        events.push({
          petitionId: p.id,
          countyId: county.id,
          type: 'OWNERSHIP_SET',
          actorUserId: null,
          actorUnitId: bureau.id,
          actorName: bureau.name,
          fromStatus: status,
          toStatus: status,
          note: null,
          data: { changed },
          at: new Date(`${day}T16:00:00+08:00`),
        });
      step(p.resolutionPlanOn, ['LEADER', 'UNIT', 'RESOLUTION_PLAN']);
      if (p.stabilityPlanOn) step(p.stabilityPlanOn, ['STABILITY_PLAN']);
    });

    // The chain in the order things happened.
    await appendEvents(tx, events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at!.getTime() - b.e.at!.getTime() || a.i - b.i).map(({ e }) => e));
    for (const p of made) {
      const d = petitionDeadlines({ ...p, extensionDays: p.extensionStatus === 'APPROVED' ? p.extensionDays : 0 }, calendar);
      p.currentDeadline = d.current;
      p.answeredOnTime = p.answeredAt ? (d.answerBy ? p.answeredAt <= d.answerBy : null) : null;
      p.isBacklog = p.status !== 'CLOSED' && p.status !== 'NOT_ACCEPTED' && p.receivedAt <= backlogCutoff(today);
    }
    for (const [year, last] of sequence) {
      await tx.getConnection().execute(
        'insert into petition_sequence (county_id, year, last_value) values (?, ?, ?) on conflict (county_id, year) do update set last_value = excluded.last_value',
        [county.id, year, last],
        'run',
        tx.getTransactionContext(),
      );
    }
    return made.length;
  });
}
