import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addDays,
  daysBetween,
  isScreeningUnitKind,
  screeningPeriods,
  shanghaiDate,
  type CalendarDate,
  type CategoryCode,
  type DisputeRiskLevel,
  type DisputeStatus,
  type ScreeningPeriod,
  type ScreeningUnitKind,
} from '@xinfang/domain';
import { Dispute, ScreeningEvent, ScreeningReport, ScreeningRule } from '../modules/screening/screening.entity.js';
import { ScreeningService } from '../modules/screening/screening.service.js';
import { Unit } from '../modules/unit/unit.entity.js';
import { User } from '../modules/user/user.entity.js';
import { GIVEN, SURNAMES, generator } from './demo-petitions.js';

/** The first day of the month two years before `today`: when the demo county began screening. */
export function demoScreeningStart(today: string = shanghaiDate()): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return `${y - 2}-${String(m).padStart(2, '0')}-01`;
}

/**
 * The units whose latest ended period the demo leaves without a report, so that their demo accounts
 * (shiqiao, qingshan) and the village with groups have a report to submit on any day.
 */
export const DEMO_SCREENING_OPEN_UNITS: readonly string[] = ['石桥村', '青山乡', '青山村'];

const SEED = 20261127;

type Rand = ReturnType<typeof generator>;

/** FNV-1a: a stable number for a name, so that each unit draws from a stream of its own. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}

// ------------------------------------------------------------------ what disputes look like

/** What one dispute's text is made of: two people, a headcount and the places and firms around. */
interface Scene {
  a: string;
  b: string;
  c: string;
  n: number;
  place: string;
  company: string;
  project: string;
  estate: string;
  money: number;
  area: number;
}

interface Template {
  category: CategoryCode;
  title: string;
  /** Only in a town (社区) or only in the countryside; both when absent. */
  where?: 'urban' | 'rural';
  headcount: [number, number];
  /** The chance that it is a major dispute (重大矛盾纠纷). */
  major: number;
  parties: (s: Scene) => string;
  detail: (s: Scene) => string;
  resolution: (s: Scene) => string;
}

const COMPANIES = ['县绿源农业开发有限公司', '顺达建筑劳务有限公司', '鑫盛农业专业合作社', '宏达建材厂', '金穗家庭农场', '恒信机械加工厂', '兴旺生态养殖场'];
const PROJECTS = ['城西安置小区二期工程', '县乡公路改建工程', '工业园区标准厂房项目', '农村饮水安全巩固提升工程', '农贸市场改造工程', '乡镇中心小学教学楼工程'];
const ESTATES = ['锦绣花园小区', '城东嘉苑小区', '滨河小区', '幸福里小区'];

const TEMPLATES: Template[] = [
  // 土地征收与使用
  {
    category: 'LAND', title: '邻里宅基地边界纠纷', where: 'rural', headcount: [2, 6], major: 0.03,
    parties: (s) => `${s.a}与${s.b}`,
    detail: (s) => `${s.a}与邻居${s.b}因宅基地边界界址不清发生争执，${s.b}建房时砌墙占用${s.a}家约${s.area}平方米，双方多次发生口角。`,
    resolution: (s) => `村调委会会同镇自然资源所现场勘界，依据原始宅基地审批资料重新确定界址，${s.b}拆除越界围墙，双方签订调解协议。`,
  },
  {
    category: 'LAND', title: '房屋征收补偿纠纷', where: 'urban', headcount: [1, 30], major: 0.3,
    parties: (s) => (s.n > 1 ? `${s.a}等${s.n}户被征收户与${s.project}指挥部` : `被征收户${s.a}与${s.project}指挥部`),
    detail: (s) => `${s.project}房屋征收中，被征收户对房屋面积认定和补偿标准有异议，拒绝签订补偿协议。`,
    resolution: () => '指挥部委托第三方重新测绘评估，逐户公开补偿明细，被征收户签订补偿协议。',
  },
  {
    category: 'LAND', title: '山林权属纠纷', where: 'rural', headcount: [8, 30], major: 0.3,
    parties: (s) => `${s.a}等${Math.ceil(s.n / 2)}户与${s.b}等${Math.floor(s.n / 2)}户村民`,
    detail: (s) => `两方村民因${s.place}后山约${s.area}亩山林权属不清发生争议，一方擅自砍伐林木，双方聚集对峙。`,
    resolution: () => '镇林业站调取林权证及历史资料，组织双方协商确权，砍伐方赔偿林木损失后达成和解。',
  },
  {
    category: 'LAND', title: '承包地边界纠纷', where: 'rural', headcount: [2, 4], major: 0.02,
    parties: (s) => `${s.a}与${s.b}`,
    detail: (s) => `${s.a}与${s.b}承包地相邻，因田埂移位、耕作越界发生纠纷，${s.b}拒绝恢复原状。`,
    resolution: () => '村干部依据二轮土地承包合同现场丈量，恢复原田埂，双方认可。',
  },
  {
    category: 'LAND', title: '征地补偿款分配纠纷', where: 'rural', headcount: [10, 40], major: 0.35,
    parties: (s) => `${s.place}${s.n}户村民与村民小组`,
    detail: (s) => `${s.n}户村民对${s.project}征地补偿款在组内的分配方案有异议，认为外嫁女、新增人口分配不公，多次聚集到村委会反映。`,
    resolution: () => '镇村两级召开村民代表会议重新审议分配方案，依法保障外嫁女等群体权益，补偿款已按新方案发放到户。',
  },
  // 劳动和社会保障
  {
    category: 'LABOUR', title: '工程欠薪纠纷', headcount: [5, 40], major: 0.3,
    parties: (s) => `${s.n}名农民工与包工头${s.b}`,
    detail: (s) => `${s.n}名农民工在${s.project}务工，包工头${s.b}以工程款未结算为由拖欠工资约${s.money}万元，农民工讨薪情绪激烈。`,
    resolution: () => '县人社局会同住建部门约谈总承包单位，由总承包单位先行垫付，拖欠工资已全部兑付到人。',
  },
  {
    category: 'LABOUR', title: '工伤赔偿纠纷', headcount: [1, 3], major: 0.02,
    parties: (s) => `${s.a}与${s.company}`,
    detail: (s) => `${s.a}在${s.company}务工期间受伤，双方就医疗费用和误工补偿协商不成，家属多次到企业讨要说法。`,
    resolution: (s) => `经劳动争议调解委员会调解，${s.company}一次性支付赔偿金${s.money}万元，双方签订和解协议。`,
  },
  {
    category: 'LABOUR', title: '劳动合同解除纠纷', headcount: [3, 15], major: 0.1,
    parties: (s) => `${s.n}名职工与${s.company}`,
    detail: (s) => `${s.company}停产后解除劳动合同，未依法支付经济补偿，${s.n}名职工要求按工龄补偿。`,
    resolution: () => '经县人社局调解，企业按工龄分两期支付经济补偿，职工表示认可。',
  },
  // 城乡建设与住房
  {
    category: 'HOUSING', title: '房屋漏水相邻纠纷', where: 'urban', headcount: [2, 3], major: 0.01,
    parties: (s) => `${s.a}（楼上住户）与${s.b}（楼下住户）`,
    detail: (s) => `${s.a}家卫生间防水层破损导致楼下${s.b}家顶棚渗水，双方就维修责任和赔偿发生争执。`,
    resolution: (s) => `社区调委会调解，${s.a}负责重做防水并赔偿装修损失，双方和解。`,
  },
  {
    category: 'HOUSING', title: '物业服务纠纷', where: 'urban', headcount: [10, 60], major: 0.2,
    parties: (s) => `${s.estate}部分业主与物业公司`,
    detail: (s) => `${s.estate}部分业主因电梯长期故障、公共照明损坏拒交物业费，物业公司停止部分服务，矛盾激化。`,
    resolution: () => '社区召集业委会和物业公司协商，物业公司限期完成整改，业主补缴物业费。',
  },
  {
    category: 'HOUSING', title: '建房采光纠纷', where: 'rural', headcount: [2, 5], major: 0.02,
    parties: (s) => `${s.a}与${s.b}`,
    detail: (s) => `${s.b}新建三层住房影响${s.a}家采光通风，${s.a}多次阻拦施工，双方关系紧张。`,
    resolution: (s) => `镇村建所核查建房审批手续，${s.b}调整建房层高并后退一米，双方达成协议。`,
  },
  {
    category: 'HOUSING', title: '安置房分配纠纷', headcount: [8, 30], major: 0.35,
    parties: (s) => `${s.n}户拆迁户与${s.project}指挥部`,
    detail: (s) => `${s.n}户拆迁户对${s.project}安置房选房顺序和面积认定有异议，拒绝搬迁并到指挥部聚集。`,
    resolution: () => '指挥部公开选房规则和面积测绘结果，逐户核对后重新组织选房，拆迁户认可。',
  },
  // 涉法涉诉
  {
    category: 'LAW', title: '民间借贷纠纷', headcount: [2, 3], major: 0.02,
    parties: (s) => `${s.a}与${s.b}`,
    detail: (s) => `${s.b}向${s.a}借款${s.money}万元，逾期未还，${s.a}多次上门催讨发生冲突。`,
    resolution: () => '经人民调解，双方达成分期还款协议，并申请了司法确认。',
  },
  {
    category: 'LAW', title: '交通事故赔偿纠纷', headcount: [2, 4], major: 0.03,
    parties: (s) => `${s.a}与${s.b}`,
    detail: (s) => `${s.b}驾驶农用车与${s.a}的电动车相撞致${s.a}受伤，双方就赔偿数额分歧较大。`,
    resolution: (s) => `交警部门与调委会联合调解，${s.b}及保险公司赔偿${s.a}各项损失${s.money}万元。`,
  },
  // 民政
  {
    category: 'CIVIL', title: '婚姻家庭纠纷', headcount: [2, 4], major: 0.02,
    parties: (s) => `${s.a}与${s.b}（夫妻）`,
    detail: (s) => `${s.a}与丈夫${s.b}因家庭琐事长期不和，近期发生争吵并有肢体冲突，${s.a}提出离婚，双方就子女抚养和财产分割争执不下。`,
    resolution: () => '村（居）妇联和调委会多次上门调解，双方就子女抚养和财产分割达成协议。',
  },
  {
    category: 'CIVIL', title: '赡养纠纷', headcount: [3, 6], major: 0.02,
    parties: (s) => `${s.c}与其子女${s.a}、${s.b}`,
    detail: (s) => `${s.c}年逾七旬，其子女${s.a}、${s.b}因赡养费分摊和轮流照料问题相互推诿，老人生活困难。`,
    resolution: () => '调委会组织家庭会议，子女签订赡养协议，每月按时支付赡养费并轮流照料。',
  },
  {
    category: 'CIVIL', title: '遗产继承纠纷', headcount: [2, 5], major: 0.02,
    parties: (s) => `${s.a}与${s.b}（兄弟）`,
    detail: (s) => `父亲去世后，${s.a}与${s.b}因老宅继承和分割发生纠纷，多次争吵。`,
    resolution: () => '司法所组织调解，兄弟二人按份继承，签订分家协议。',
  },
  // 生态环境
  {
    category: 'ENVIRONMENT', title: '养殖污染纠纷', where: 'rural', headcount: [5, 20], major: 0.15,
    parties: (s) => `周边${s.n}户村民与养殖场业主${s.b}`,
    detail: (s) => `${s.b}经营的养猪场粪污直排沟渠，气味刺鼻，周边${s.n}户村民多次与业主发生争执。`,
    resolution: () => '县生态环境分局责令整改，养殖场建设粪污处理设施，经回访村民认可。',
  },
  {
    category: 'ENVIRONMENT', title: '噪音扰民纠纷', headcount: [3, 15], major: 0.05,
    parties: (s) => `${s.a}等${s.n}户居民与${s.company}`,
    detail: (s) => `${s.company}夜间加工作业噪音扰民，附近居民多次投诉并到厂门口理论。`,
    resolution: () => '责令企业调整作业时间并加装隔音设施，居民表示满意。',
  },
  // 农村农业
  {
    category: 'RURAL', title: '土地流转租金纠纷', where: 'rural', headcount: [6, 35], major: 0.25,
    parties: (s) => `${s.n}户流转农户与${s.company}`,
    detail: (s) => `${s.company}流转土地${s.area}亩，拖欠上年度流转租金约${s.money}万元，农户多次催讨未果，扬言收回土地。`,
    resolution: (s) => `镇政府约谈${s.company}负责人，督促分期支付租金，首期款项已兑付到户。`,
  },
  {
    category: 'RURAL', title: '灌溉用水纠纷', where: 'rural', headcount: [3, 10], major: 0.03,
    parties: (s) => `${s.a}与${s.b}等${s.n - 1}户`,
    detail: (s) => `春灌期间上下游农户因渠道放水先后发生争执，${s.a}堵截水渠引发矛盾。`,
    resolution: () => '村委会制定轮灌时间表，双方按表用水，矛盾化解。',
  },
  {
    category: 'RURAL', title: '机耕道通行纠纷', where: 'rural', headcount: [2, 8], major: 0.02,
    parties: (s) => `${s.a}等农户与${s.b}`,
    detail: (s) => `${s.b}在承包地边修建围栏，阻断${s.a}等农户通往责任田的机耕道。`,
    resolution: (s) => `村调委会调解，${s.b}拆除围栏，恢复机耕道通行。`,
  },
  {
    category: 'RURAL', title: '牲畜毁损庄稼纠纷', where: 'rural', headcount: [2, 3], major: 0.01,
    parties: (s) => `${s.a}与${s.b}`,
    detail: (s) => `${s.b}家散养的羊群多次进入${s.a}承包地啃食庄稼，双方就赔偿金额协商不成。`,
    resolution: (s) => `经村调委会调解，${s.b}赔偿损失${s.money * 100}元并承诺圈养牲畜。`,
  },
  // 退役军人
  {
    category: 'VETERANS', title: '退役士兵安置待遇诉求', headcount: [3, 12], major: 0.15,
    parties: (s) => `退役士兵${s.a}等${s.n}人`,
    detail: (s) => `${s.n}名退役士兵反映安置待遇和社保接续存在问题，多次相约到县里反映，情绪较大。`,
    resolution: () => '县退役军人事务局逐一核实情况，协调落实社保补缴，并开展就业帮扶。',
  },
  {
    category: 'VETERANS', title: '优抚待遇纠纷', headcount: [1, 2], major: 0.01,
    parties: (s) => `优抚对象${s.a}与所在村委会`,
    detail: (s) => `${s.a}认为本人优抚待遇未按新标准发放，与村委会发生争执。`,
    resolution: () => '经核实按新标准补发差额，并向本人说明政策。',
  },
  // 公安
  {
    category: 'POLICE', title: '邻里口角治安纠纷', headcount: [2, 4], major: 0.03,
    parties: (s) => `${s.a}与${s.b}`,
    detail: (s) => `两家因琐事积怨，酒后发生口角推搡，${s.a}轻微受伤，双方扬言报复。`,
    resolution: (s) => `派出所会同调委会调解，${s.b}赔礼道歉并赔偿医药费，双方和解。`,
  },
  {
    category: 'POLICE', title: '经营场所打架纠纷', where: 'urban', headcount: [3, 8], major: 0.08,
    parties: (s) => `${s.a}等人与${s.b}等人`,
    detail: (s) => `${s.a}等人与${s.b}等人在夜市烧烤摊因座位问题发生斗殴，有人轻微受伤。`,
    resolution: () => '派出所依法处理，双方就医疗费用达成调解协议。',
  },
  // 其他
  {
    category: 'OTHER', title: '邻里排水纠纷', headcount: [2, 4], major: 0.01,
    parties: (s) => `${s.a}与${s.b}`,
    detail: (s) => `两家因排水沟堵塞导致污水流入${s.a}家院内发生争吵。`,
    resolution: () => '村（居）干部组织疏通排水沟并约定共同维护，双方握手言和。',
  },
  {
    category: 'OTHER', title: '村务公开质疑', where: 'rural', headcount: [5, 20], major: 0.1,
    parties: (s) => `${s.n}名村民与村委会`,
    detail: () => '部分村民对村集体资金使用和村务公开情况有疑问，联名要求查账。',
    resolution: () => '镇经管站对村集体账目进行审计并张榜公开结果，村民表示认可。',
  },
  {
    category: 'OTHER', title: '迁坟补偿纠纷', where: 'rural', headcount: [3, 12], major: 0.1,
    parties: (s) => `${s.a}家族与${s.project}施工方`,
    detail: (s) => `${s.project}施工涉及${s.a}家族祖坟迁移，双方就迁坟补偿标准未达成一致，家族成员阻工。`,
    resolution: () => '镇村干部上门协商，按标准补偿后完成迁坟，施工恢复。',
  },
];

const ESCALATION_NOTES = [
  '涉及人数多、情绪激烈，存在越级上访和群体性事件风险，提请县信访维稳工作组协调化解。',
  '当事人扬言到市、省上访，本级难以化解，报请县信访维稳工作组统筹处置。',
  '涉及多个部门职责，需县级层面协调，已上报县信访维稳工作组。',
];
const ZERO_NOTES = ['本期经逐户走访排查，未发现矛盾纠纷。', '已组织网格员全面排查，无新增矛盾纠纷。', '本期排查无矛盾纠纷。'];
const LATE_REASONS = ['经办人员外出参加培训', '经办人员调整，工作交接', '汛期防汛值守', '集中开展专项工作'];
const REVIEW_NOTES = [null, null, '已审核。', '已阅，请继续做好跟踪化解。', '情况属实。'];

/** Which categories a unit runs into, by what it is: a department its own field, a town or the countryside. */
function categoryWeights(unit: Unit, byId: Map<string, Unit>): Partial<Record<CategoryCode, number>> {
  if (unit.kind === 'DEPARTMENT') {
    if (unit.function === 'DISCIPLINE_COMMISSION') return { OTHER: 2, RURAL: 1 };
    if (unit.name.includes('自然资源')) return { LAND: 4, RURAL: 1 };
    if (unit.name.includes('人力资源')) return { LABOUR: 1 };
    if (unit.name.includes('住房')) return { HOUSING: 3, LABOUR: 2 };
    if (unit.name.includes('公安')) return { POLICE: 3, LAW: 2 };
    if (unit.name.includes('退役军人')) return { VETERANS: 1 };
    return { OTHER: 1 };
  }
  return isUrban(unit, byId)
    ? { HOUSING: 3, CIVIL: 2, LABOUR: 2, ENVIRONMENT: 1, LAW: 1, POLICE: 1, OTHER: 1 }
    : { LAND: 3, RURAL: 3, CIVIL: 3, LABOUR: 1.5, HOUSING: 1, ENVIRONMENT: 1, LAW: 1, POLICE: 1, OTHER: 1 };
}

/** A 社区 or the town (镇) that has them: the demo's one town is 城关镇. */
function isUrban(unit: Unit, byId: Map<string, Unit>): boolean {
  if (unit.name.endsWith('社区')) return true;
  if (unit.kind === 'TOWNSHIP') return [...byId.values()].some((u) => u.parentId === unit.id && u.name.endsWith('社区'));
  const village = unit.villageId ? byId.get(unit.villageId) : undefined;
  return !!village && village.name.endsWith('社区');
}

/** Wage arrears before the Spring Festival, land and water in spring and at harvest. */
function seasonal(category: CategoryCode, month: number): number {
  if (category === 'LABOUR' && [12, 1, 2].includes(month)) return 3;
  if ((category === 'LAND' || category === 'RURAL') && [3, 4, 5, 9, 10].includes(month)) return 1.8;
  return 1;
}

function weighted<T>(rand: Rand, items: ReadonlyArray<[T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rand.next() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}

const personName = (rand: Rand) => rand.pick(SURNAMES) + rand.pick(GIVEN) + (rand.chance(0.6) ? rand.pick(GIVEN) : '');

function sceneFor(rand: Rand, unit: Unit, headcount: [number, number], a?: string): Scene {
  return {
    a: a ?? personName(rand),
    b: personName(rand),
    c: personName(rand),
    n: rand.int(headcount[0], headcount[1]),
    place: unit.name,
    company: rand.pick(COMPANIES),
    project: rand.pick(PROJECTS),
    estate: rand.pick(ESTATES),
    money: rand.int(2, 60),
    area: rand.int(3, 120),
  };
}

function templatesFor(category: CategoryCode, urban: boolean): Template[] {
  const all = TEMPLATES.filter((t) => t.category === category);
  const fitting = all.filter((t) => !t.where || t.where === (urban ? 'urban' : 'rural'));
  return fitting.length ? fitting : all;
}

/**
 * The templates a dispute that became `petition` can take: of its category, of the place (a town or
 * the countryside), big enough for everyone who came, and for a group one that groups have.
 */
function linkTemplates(petition: Pick<PetitionRow, 'category_code' | 'headcount' | 'is_collective'>, urban: boolean): Template[] {
  return TEMPLATES.filter(
    (t) =>
      t.category === petition.category_code &&
      (!t.where || t.where === (urban ? 'urban' : 'rural')) &&
      petition.headcount <= t.headcount[1] &&
      (!petition.is_collective || t.headcount[0] <= petition.headcount),
  );
}

// ------------------------------------------------------------------ the people who report and review

interface Officer {
  /** The account, or null for a unit whose officer has none in the demo. */
  userId: string | null;
  /** The account's id, or a stable stand-in for an officer without an account. */
  id: string;
  name: string;
}

/** A stable id for the officer of a unit that has no demo account: it matches no user. */
function standInId(unit: Unit): string {
  const h = createHash('sha1').update(`demo-screening-officer:${unit.id}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function fallbackName(unit: Unit): string {
  if (unit.kind === 'TOWNSHIP') return `${unit.name}群工办`;
  if (unit.kind === 'DEPARTMENT') return `${unit.name}信访联络员`;
  if (unit.kind === 'BUREAU') return unit.name;
  return `${unit.name}信息员`;
}

// ------------------------------------------------------------------ the seed

interface PetitionRow {
  id: string;
  number: string;
  location_unit_id: string;
  received_at: string;
  category_code: CategoryCode;
  headcount: number;
  is_collective: boolean;
  is_skip_level: boolean;
  channel: string;
  status: string;
  closed_at: string | null;
  petitioner_name: string;
}

interface LinkPlan {
  petition: PetitionRow;
  arisenOn: CalendarDate;
  /** Whether the petition becomes skip-level here (a visit that went on to the city). */
  markSkipLevel: boolean;
}

const at = (day: CalendarDate, hour: number, minute: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);

/**
 * Two years of dispute screening for the demo county (docs/domain.md §6): the default cadence rules from
 * two years ago, the units dated from then, and a report for almost every ended period of every
 * screening unit — mostly zero reports, some with one to three disputes in every status, some late,
 * some missing, most reviewed by the level above, each with its history. About ten disputes are
 * linked to demo petitions of their territory; some of those petitions are collective or
 * skip-level, and two of their units had filed a zero report while the dispute was already there
 * (the veto evidence of docs/domain.md §8). The current period of every unit, and the latest ended period
 * of 石桥村, 青山乡 and 青山村, are left without a report. Deterministic for a given `today`. Does
 * nothing when the county has rules or reports already; returns the number of reports written.
 */
export async function seedDemoScreening(em: EntityManager, today: CalendarDate = shanghaiDate()): Promise<number> {
  const start = demoScreeningStart(today);
  const yesterday = addDays(today, -1);
  return em.transactional(async (tx) => {
    const county = await tx.findOne(Unit, { kind: 'COUNTY', code: 'SFX' });
    if (!county) return 0;
    if ((await tx.count(ScreeningRule, { countyId: county.id })) > 0 || (await tx.count(ScreeningReport, { countyId: county.id })) > 0) return 0;
    const ctx = tx.getTransactionContext();
    await ScreeningService.ensureDefaultRules(tx, county.id, start);
    // The demo units have existed since screening began there.
    await tx.getConnection().execute('update unit set created_at = ?::date - interval \'1 day\' where county_id = ? and created_at > ?::date', [start, county.id, start], 'run', ctx);

    const units = await tx.find(Unit, { countyId: county.id }, { refresh: true });
    const byId = new Map(units.map((u) => [u.id, u]));
    const kindRank: Record<string, number> = { DEPARTMENT: 0, TOWNSHIP: 1, VILLAGE: 2, VILLAGE_GROUP: 3 };
    const screening = units
      .filter((u) => isScreeningUnitKind(u.kind))
      .sort((a, b) => kindRank[a.kind]! - kindRank[b.kind]! || a.sortOrder - b.sortOrder || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const rules = await tx.find(ScreeningRule, { countyId: county.id });
    const users = await tx.find(User, { countyId: county.id }, { orderBy: { username: 'asc' } });
    const roleOf: Record<string, string> = { DEPARTMENT: 'DEPARTMENT', TOWNSHIP: 'TOWNSHIP', VILLAGE: 'VILLAGE', VILLAGE_GROUP: 'VILLAGE', BUREAU: 'BUREAU' };
    const officerOf = (unit: Unit): Officer => {
      const user = users.find((u) => u.unitId === unit.id && (u.roles as string[]).includes(roleOf[unit.kind]!));
      return user ? { userId: user.id, id: user.id, name: user.displayName } : { userId: null, id: standInId(unit), name: fallbackName(unit) };
    };
    const bureauUnit = units.find((u) => u.kind === 'BUREAU');
    const bureauUser = users.find((u) => u.roles.includes('BUREAU'));
    const bureau: Officer = bureauUser
      ? { userId: bureauUser.id, id: bureauUser.id, name: bureauUser.displayName }
      : { userId: null, id: bureauUnit ? standInId(bureauUnit) : standInId(county), name: bureauUnit?.name ?? '县群众工作局' };
    /** Who reviews a unit's reports: a group's village, a village's township, the bureau for the rest. */
    const reviewerOf = (unit: Unit): Officer =>
      unit.kind === 'VILLAGE_GROUP' && unit.villageId ? officerOf(byId.get(unit.villageId)!)
      : unit.kind === 'VILLAGE' && unit.townshipId ? officerOf(byId.get(unit.townshipId)!)
      : bureau;
    /** Who escalates a unit's major disputes: a department itself, the township for its territory. */
    const escalatorOf = (unit: Unit): Officer => (unit.kind === 'DEPARTMENT' || !unit.townshipId ? officerOf(unit) : officerOf(byId.get(unit.townshipId)!));

    // Every ended period of every screening unit; the current one is left to be submitted.
    const periodsOf = new Map<string, ScreeningPeriod[]>();
    for (const unit of screening) {
      const own = rules.filter((r) => r.unitKind === unit.kind);
      periodsOf.set(unit.id, screeningPeriods(own, start, today, shanghaiDate(unit.createdAt)).filter((p) => p.periodEnd < today));
    }
    const key = (unit: Unit, p: ScreeningPeriod) => `${unit.id}/${p.periodStart}`;
    const open = new Set<string>();
    for (const unit of screening) {
      const last = periodsOf.get(unit.id)!.at(-1);
      if (last && DEMO_SCREENING_OPEN_UNITS.includes(unit.name)) open.add(key(unit, last));
    }

    // ---- disputes that became petitions
    const petitions: PetitionRow[] = await tx.getConnection().execute(
      `select id, number, location_unit_id, received_at::text as received_at, category_code, headcount, is_collective, is_skip_level,
              channel, status, closed_at::text as closed_at, petitioner_name
         from petition where county_id = ? and kind <> 'ACCUSATION' and location_unit_id is not null order by number`,
      [county.id],
      'all',
      ctx,
    );
    const linkRand = generator(SEED ^ 0x11ee);
    const candidates = petitions.filter((p) => {
      const place = byId.get(p.location_unit_id);
      return !!place && isScreeningUnitKind(place.kind) && place.kind !== 'DEPARTMENT' && p.received_at >= addDays(start, 60) && p.received_at <= addDays(today, -7);
    });
    for (let i = candidates.length - 1; i > 0; i--) {
      const j = linkRand.int(0, i);
      [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
    }
    const links: LinkPlan[] = [];
    const forcedZero = new Set<string>();
    const linkedPeriods = new Map<string, LinkPlan[]>();
    const reporterUnits = new Set<string>();
    const LINKS = 10;
    const wanted: Array<{ count?: number; fits: (p: PetitionRow) => boolean; mark: boolean }> = [
      // Groups that came to the county together (集体访).
      { count: 4, fits: (p) => p.is_collective, mark: false },
      // Visits that went on past the county (越级访).
      { count: 3, fits: (p) => p.channel === 'VISIT' && !p.is_collective, mark: true },
      // Ordinary petitions.
      { count: 3, fits: (p) => !p.is_collective && !p.is_skip_level && p.channel !== 'VISIT', mark: false },
      // Whatever is left, when the territory had too few of a kind: then a unit may have two.
      { fits: () => true, mark: false },
    ];
    // At most one per township: the veto evidence of two different territories.
    const vetoes = new Set<string | null>();
    for (const want of wanted) {
      let taken = 0;
      const count = want.count ?? LINKS - links.length;
      for (const petition of candidates) {
        if (taken >= count) break;
        if (links.some((l) => l.petition.id === petition.id) || !want.fits(petition)) continue;
        const place = byId.get(petition.location_unit_id)!;
        // Mostly the place itself found it; sometimes the level above did.
        const reporter =
          place.kind === 'VILLAGE' && place.townshipId && linkRand.chance(0.3) ? byId.get(place.townshipId)!
          : place.kind === 'VILLAGE_GROUP' && place.villageId && linkRand.chance(0.4) ? byId.get(place.villageId)!
          : place;
        if (want.count !== undefined && reporterUnits.has(reporter.id)) continue;
        // Only a dispute that could have happened there, with room for everyone who came.
        if (!linkTemplates(petition, isUrban(reporter, byId)).length) continue;
        const periods = periodsOf.get(reporter.id) ?? [];
        const found = addDays(petition.received_at, -linkRand.int(10, 45));
        let index = periods.findIndex((p) => p.periodStart <= found && found <= p.periodEnd);
        if (index >= 0 && periods[index]!.periodEnd >= petition.received_at) index -= 1;
        const period = periods[index];
        if (!period || open.has(key(reporter, period)) || forcedZero.has(key(reporter, period))) continue;
        // Two collective or skip-level ones had been there already while the unit reported nothing.
        let arisenOn = addDays(period.periodStart, linkRand.int(0, daysBetween(period.periodStart, period.periodEnd)));
        const grave = petition.is_collective || want.mark;
        if (grave && vetoes.size < 2 && !vetoes.has(reporter.townshipId) && index >= 2) {
          const hidden = periods[index - linkRand.int(1, 2)]!;
          if (!open.has(key(reporter, hidden)) && !linkedPeriods.has(key(reporter, hidden))) {
            forcedZero.add(key(reporter, hidden));
            arisenOn = addDays(hidden.periodStart, linkRand.int(0, daysBetween(hidden.periodStart, hidden.periodEnd)));
            vetoes.add(reporter.townshipId);
          }
        }
        const plan: LinkPlan = { petition, arisenOn, markSkipLevel: want.mark && !petition.is_skip_level };
        links.push(plan);
        linkedPeriods.set(key(reporter, period), [...(linkedPeriods.get(key(reporter, period)) ?? []), plan]);
        reporterUnits.add(reporter.id);
        taken += 1;
      }
    }

    // ---- the reports
    const reports: ScreeningReport[] = [];
    const disputes: Dispute[] = [];
    const events: ScreeningEvent[] = [];
    const event = (fields: Partial<ScreeningEvent> & Pick<ScreeningEvent, 'type' | 'actorName' | 'at'>) =>
      events.push(Object.assign(new ScreeningEvent(), { countyId: county.id, ...fields }));
    /** A moment on `day` after `prev`, and before today. */
    const endOfYesterday = at(today, 0, 0).getTime() - 60_000;
    const after = (rand: Rand, prev: Date, day: CalendarDate) => {
      const t = at(day, rand.int(8, 17), rand.int(0, 59));
      return t > prev ? t : new Date(Math.min(prev.getTime() + rand.int(20, 120) * 60_000, Math.max(prev.getTime(), endOfYesterday)));
    };
    const clip = (day: CalendarDate) => (day > yesterday ? yesterday : day);

    for (const unit of screening) {
      const rand = generator(SEED ^ hashOf(unit.name));
      const officer = officerOf(unit);
      const reviewer = reviewerOf(unit);
      const escalator = escalatorOf(unit);
      const urban = isUrban(unit, byId);
      const weights = categoryWeights(unit, byId);
      // Some units are less diligent than others.
      const missingRate = unit.name === '柳湾村' ? 0.1 : unit.name === '青山村二组' ? 0.08 : unit.kind === 'DEPARTMENT' && unit.name.includes('退役军人') ? 0.06 : 0.025;
      const lateRate = unit.name === '柳湾村' ? 0.2 : unit.name === '河西村' || unit.name.includes('住房') ? 0.12 : 0.06;
      const zeroRate = unit.kind === 'DEPARTMENT' ? (unit.function === 'DISCIPLINE_COMMISSION' ? 0.9 : 0.72) : unit.kind === 'TOWNSHIP' ? 0.48 : unit.kind === 'VILLAGE' ? 0.62 : 0.8;
      const periods = periodsOf.get(unit.id)!;
      periods.forEach((period, index) => {
        const k = key(unit, period);
        const planned = linkedPeriods.get(k) ?? [];
        const draws = { missing: rand.next(), zero: rand.next(), late: rand.next(), notYet: rand.next(), count: rand.next() };
        if (open.has(k)) return;
        const forced = forcedZero.has(k) || planned.length > 0;
        if (!forced && draws.missing < missingRate) return;
        // The latest periods, still before their due day: not everyone has reported yet.
        if (!forced && period.dueDate >= today && draws.notYet < 0.4) return;
        const isZero = forcedZero.has(k) || (planned.length === 0 && draws.zero < zeroRate);
        const lateDay = addDays(period.dueDate, rand.int(1, 12));
        const late = !forced && draws.late < lateRate && lateDay <= yesterday;
        let submittedOn = late ? lateDay : clip(addDays(period.periodEnd, rand.int(0, daysBetween(period.periodEnd, period.dueDate))));
        for (const plan of planned) if (submittedOn >= plan.petition.received_at) submittedOn = addDays(plan.petition.received_at, -1);
        if (submittedOn < period.periodEnd) submittedOn = period.periodEnd;
        const submittedAt = at(submittedOn, rand.int(8, 17), rand.int(0, 59));
        const report = Object.assign(new ScreeningReport(), {
          countyId: county.id,
          townshipId: unit.townshipId,
          villageId: unit.villageId,
          unitId: unit.id,
          unitKind: unit.kind as ScreeningUnitKind,
          periodStart: period.periodStart,
          periodEnd: period.periodEnd,
          dueDate: period.dueDate,
          isZeroReport: isZero,
          submittedAt,
          submittedOn,
          submittedById: officer.id,
          submittedByName: officer.name,
          createdAt: submittedAt,
          updatedAt: submittedAt,
        });
        reports.push(report);

        // The disputes found: the ones that became petitions, and one to three of the usual kind.
        const found: Dispute[] = [];
        const month = Number(period.periodStart.slice(5, 7));
        const extra = isZero ? 0 : planned.length > 0 ? (draws.count < 0.25 ? 1 : 0) : draws.count < 0.6 ? 1 : draws.count < 0.88 ? 2 : 3;
        const specs: Array<{ template: Template; scene: Scene; plan?: LinkPlan }> = [];
        for (const plan of planned) {
          const template = rand.pick(linkTemplates(plan.petition, urban));
          const scene = sceneFor(rand, unit, template.headcount, plan.petition.petitioner_name);
          // A group that came together is the dispute's whole headcount; one petitioner is one of its parties.
          if (plan.petition.is_collective || scene.n < plan.petition.headcount) scene.n = plan.petition.headcount;
          specs.push({ template, scene, plan });
        }
        for (let i = 0; i < extra; i++) {
          const category = weighted(rand, Object.entries(weights).map(([c, w]) => [c as CategoryCode, w! * seasonal(c as CategoryCode, month)] as [CategoryCode, number]));
          const template = rand.pick(templatesFor(category, urban));
          specs.push({ template, scene: sceneFor(rand, unit, template.headcount) });
        }
        for (const [i, { template, scene, plan }] of specs.entries()) {
          // A group that later came to the county as one was a major dispute from the start; a
          // small one that went on to the city had been taken for a general one.
          const risk: DisputeRiskLevel = plan
            ? (plan.petition.is_collective ? 'MAJOR' : 'GENERAL')
            : rand.chance(scene.n >= 20 ? Math.min(0.9, template.major * 2) : template.major) ? 'MAJOR' : 'GENERAL';
          const arisenOn = plan ? plan.arisenOn : rand.chance(0.7) ? addDays(period.periodStart, rand.int(0, daysBetween(period.periodStart, period.periodEnd))) : addDays(period.periodStart, -rand.int(1, 30));
          const reportedOn = submittedOn;
          const createdAt = new Date(submittedAt.getTime() + i);
          const d = Object.assign(new Dispute(), {
            countyId: county.id,
            townshipId: unit.townshipId,
            villageId: unit.villageId,
            unitId: unit.id,
            reportId: report.id,
            periodStart: period.periodStart,
            reportedOn,
            arisenOn,
            categoryCode: template.category,
            parties: template.parties(scene),
            headcount: scene.n,
            summary: `${template.title}：${template.detail(scene)}`,
            riskLevel: risk,
            status: 'OPEN' as DisputeStatus,
            resolveBy: addDays(reportedOn, risk === 'MAJOR' ? 30 : rand.pick([15, 20, 30, 30, 30])),
            petitionId: plan?.petition.id ?? null,
            createdAt,
            updatedAt: createdAt,
          });
          found.push(d);
          const age = daysBetween(reportedOn, today);
          let last = createdAt;
          const moved = (type: string, actor: Officer, day: CalendarDate, to: DisputeStatus, note: string | null, extraData?: Record<string, unknown>) => {
            const when = after(rand, last, day);
            const before = { status: d.status, riskLevel: d.riskLevel, resolveBy: d.resolveBy };
            d.status = to;
            event({
              reportId: report.id,
              disputeId: d.id,
              type,
              actorUserId: actor.userId,
              actorName: actor.name,
              at: when,
              note,
              data: type === 'DISPUTE_UPDATED' ? { before, after: { status: to, riskLevel: d.riskLevel, resolveBy: d.resolveBy } } : (extraData ?? null),
            });
            last = when;
            d.updatedAt = when;
            return when;
          };
          const resolve = (actor: Officer, earliest: CalendarDate, span: [number, number]) => {
            d.resolutionNote = template.resolution(scene);
            d.resolvedOn = clip(addDays(earliest, rand.int(span[0], span[1])));
            moved('DISPUTE_UPDATED', actor, d.resolvedOn, 'RESOLVED', d.resolutionNote);
          };
          const link = () => {
            if (!plan) return;
            const linkedOn = clip(addDays(plan.petition.received_at, rand.int(1, 6)));
            moved('LINKED', bureau, linkedOn < reportedOn ? reportedOn : linkedOn, d.status, null, { petitionId: plan.petition.id, number: plan.petition.number });
          };
          // A linked dispute is settled when its petition is closed, not before.
          const petitionClosedOn = plan?.petition.status === 'CLOSED' ? plan.petition.closed_at : null;
          if (risk === 'MAJOR') {
            // A major dispute goes to the stability team within days; the bureau closes it there.
            const escalatedOn = clip(addDays(reportedOn, rand.int(0, 3)));
            d.escalationNote = rand.pick(ESCALATION_NOTES);
            d.escalatedByName = escalator.name;
            d.escalatedAt = moved('ESCALATED', escalator, escalatedOn, 'ESCALATED', d.escalationNote);
            link();
            if (plan) {
              if (petitionClosedOn) resolve(bureau, petitionClosedOn > escalatedOn ? petitionClosedOn : escalatedOn, [0, 5]);
            } else if (escalatedOn < yesterday && rand.chance(age > 150 ? 0.92 : age > 60 ? 0.55 : 0.1)) {
              resolve(bureau, escalatedOn, [10, Math.max(10, Math.min(60, age - 1))]);
            }
          } else if (plan) {
            moved('DISPUTE_UPDATED', officer, clip(addDays(reportedOn, rand.int(1, 5))), 'RESOLVING', null);
            link();
            if (petitionClosedOn) resolve(officer, petitionClosedOn > reportedOn ? petitionClosedOn : reportedOn, [0, 5]);
          } else {
            const pResolved = age > 120 ? 0.96 : age > 60 ? 0.85 : age > 30 ? 0.65 : age > 10 ? 0.35 : 0.08;
            const resolvingOn = clip(addDays(reportedOn, rand.int(1, 5)));
            if (reportedOn < yesterday && rand.chance(pResolved)) {
              if (rand.chance(0.5)) moved('DISPUTE_UPDATED', officer, resolvingOn, 'RESOLVING', null);
              const from = d.status === 'RESOLVING' ? resolvingOn : reportedOn;
              const left = daysBetween(from, d.resolveBy!);
              // Most within the deadline, a few after it.
              resolve(officer, from, rand.chance(0.88) ? [1, Math.max(1, left)] : [left + 1, left + 25]);
            } else if (age > 2 && rand.chance(0.6)) {
              moved('DISPUTE_UPDATED', officer, resolvingOn, 'RESOLVING', null);
            }
          }
        }
        disputes.push(...found);
        report.disputeCount = found.length;
        report.note = isZero
          ? rand.chance(0.6) ? rand.pick(ZERO_NOTES) : null
          : `本期排查发现矛盾纠纷${found.length}件，已逐件落实化解责任人。`;
        if (late) report.note = `${rand.pick(LATE_REASONS)}，延迟报送。${report.note ?? ''}`;
        event({
          reportId: report.id,
          type: 'SUBMITTED',
          actorUserId: officer.userId,
          actorName: officer.name,
          at: submittedAt,
          note: report.note,
          data: { isZeroReport: isZero, disputes: found.map((d) => ({ id: d.id, summary: d.summary })) },
        });
        // The level above reviews most of them within days; the latest are often still waiting.
        const recent = index >= periods.length - 2;
        const reviewedOn = addDays(submittedOn, rand.int(1, 10));
        if (rand.chance(recent ? 0.35 : 0.85) && reviewedOn <= yesterday) {
          report.reviewedAt = after(rand, submittedAt, reviewedOn);
          report.reviewedById = reviewer.userId;
          report.reviewedByName = reviewer.name;
          report.updatedAt = report.reviewedAt;
          event({ reportId: report.id, type: 'REVIEWED', actorUserId: reviewer.userId, actorName: reviewer.name, at: report.reviewedAt, note: rand.pick(REVIEW_NOTES) });
        }
      });
    }

    // Written in a few statements: the whole demo in one transaction.
    await tx.insertMany(reports);
    await tx.insertMany(disputes);
    await tx.insertMany(events);
    const skipLevel = links.filter((l) => l.markSkipLevel).map((l) => l.petition.id);
    if (skipLevel.length) {
      // The flag and the story, nothing else: the petition's timeline (its hash chain) is left as it is.
      await tx.getConnection().execute(
        `update petition set is_skip_level = true, content = replace(content, '来访', '越级到市信访局上访') where id in (${skipLevel.map(() => '?').join(', ')})`,
        skipLevel,
        'run',
        ctx,
      );
    }
    return reports.length;
  });
}
