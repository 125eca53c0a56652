import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_NAMES, addDays, shanghaiDate } from '@xinfang/domain';
import { DATABASE_MODES, gql, signIn, startTestPlatform, type GraphQLAnswer, type TestPlatform } from '../support/api-server.js';
import { docxText } from '../support/docx.js';
import { documentFor, fullSelection, schemaOperations, type Operation } from '../support/operations.js';

// The privacy scanner (issue 8, trust suite 3). Two accusations (检举控告), each against a unit that has
// accounts: A accuses 青山乡 and arises in its own village 石桥村, so the township sees the case (and
// must see nothing of who accused it nor of what); B accuses 县自然资源局 and arises in 青山村. The
// users of each accused unit then run every operation of the schema with every argument that could
// reach the accusation, every field selected, and every answer is searched for the accuser's identity
// and the accusation's words: raw, JSON-escaped, URL-encoded, and inside anything base64 (the Excel
// exports, the Word report, the tokens). A new operation of the schema fails the test until SCANS says how to run it.

const TODAY = shanghaiDate();

const A = {
  name: '欧阳秘举',
  idNumber: '360999198506071236',
  phone: '13923456781',
  address: '石桥村七组秘密巷9号',
  subject: '检举青山乡副乡长挪用扶贫专项资金',
  content: '举报人亲见青山乡副乡长将扶贫专项资金八万七千三百元转入其表弟账户，用于购置白色越野车。',
  respondentName: '青山乡副乡长甄某某',
  words: ['八万七千三百元', '表弟账户', '白色越野车', '甄某某'],
};
const B = {
  name: '司徒暗访',
  idNumber: '360999197903114573',
  phone: '13834567892',
  address: '青山村二组隐秘路17号',
  subject: '检举县自然资源局工作人员倒卖林地指标',
  content: '县自然资源局某股长收受好处费十二万六千元，违规将青山村林地指标转给外地老板。',
  respondentName: '县自然资源局某股长贾某',
  words: ['十二万六千元', '倒卖林地指标', '外地老板', '贾某'],
};
const identity = (s: typeof A) => [s.name, s.idNumber, s.phone, s.address];
/** Who accused, and of what: the identity, the subject, whom it names, and words of its content. */
const everything = (s: typeof A) => [...identity(s), s.subject, s.respondentName, ...s.words];

/** The forms in which a needle could travel in a JSON body: as it is, \u-escaped, URL-encoded. */
function forms(needle: string): string[] {
  const escaped = [...needle].map((ch) => (ch.charCodeAt(0) > 0x7e ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch)).join('');
  return [needle, escaped, escaped.toUpperCase().replaceAll('\\U', '\\u'), encodeURIComponent(needle), encodeURIComponent(needle).toLowerCase()];
}

/** Every text an answer carries: the body, each string in it decoded from base64 (a workbook read cell by cell, a token's payload). */
async function textsOf(answer: GraphQLAnswer): Promise<string[]> {
  const out = [answer.text];
  try {
    out.push(decodeURIComponent(answer.text.replace(/%(?![0-9a-fA-F]{2})/g, '%25')));
  } catch {
    // not URL-encoded
  }
  const strings: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(answer.text));
  for (const s of strings) {
    for (const part of s.split('.')) {
      if (part.length < 16 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(part)) continue;
      const bytes = Buffer.from(part.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
      if (bytes[0] === 0x50 && bytes[1] === 0x4b) out.push(bytes.includes('word/document.xml') ? docxText(bytes) : await workbookText(bytes));
      else out.push(bytes.toString('utf8'));
    }
  }
  return out;
}

async function workbookText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(typeof cell.value === 'object' ? JSON.stringify(cell.value) : String(cell.value ?? '')))));
  return cells.join('\n');
}

interface World {
  url: string;
  units: Map<string, string>;
  a: { id: string; version: number; receiptCode: string; number: string };
  b: { id: string; version: number; receiptCode: string; number: string };
  dispute: { id: string; version: number; reportId: string; periodStart: string };
  /** The accused unit of the scan in progress, and an id of its own. */
  ownUnitId: string;
  ownUserId: string;
  ruleId: string;
  /** Supervision on the accusations: orders to the handler (a, b) and one to the accused township on A (q). */
  orders: { a: { id: string; version: number }; b: { id: string; version: number }; q: { id: string; version: number } };
  circulars: { a: string; b: string };
  conferenceId: string;
  /** Conference tasks on A: one the accused township owns, one the commission owns. */
  tasks: { q: { id: string; version: number }; d: { id: string; version: number } };
  /** This year's assessment under review after both accusations: a veto of 青山乡, and each unit's result by unit id. */
  assessment: { veto: string; results: Record<string, string> };
}

type Vars = Record<string, unknown>;
/** One argument set per secret of either accusation, for the operations that search. */
const searches = (wrap: (t: string) => Vars): Vars[] => [...new Set([...everything(A), ...everything(B)])].map(wrap);

/**
 * How each operation is run by the accused unit's users: every argument set that could reach an
 * accusation. Default deny: an operation of the schema missing here fails the scanner.
 */
/** Every count of `Figures` (FigureCountName). */
const COUNT_NAMES = ['received', 'accepted', 'closed', 'overdue', 'dueSoon', 'keyMatters', 'backlog', 'harmoniouslyClosed'];

const YEAR = Number(TODAY.slice(0, 4));
const ASSESSED = ['TOWNSHIP', 'DEPARTMENT', 'VILLAGE'];

const SCANS: Record<string, (w: World) => Vars[]> = {
  // ---- the assessment: this year's draft under review (computed after both accusations) and last year's published one
  assessmentSchemes: () => [{ year: YEAR }],
  assessmentYear: () => [{ year: YEAR }, { year: YEAR - 1 }],
  assessmentResults: () => ASSESSED.flatMap((unitKind) => [YEAR, YEAR - 1].map((year) => ({ year, unitKind }))),
  assessmentResult: (w) => [YEAR, YEAR - 1].flatMap((year) => [w.ownUnitId, w.units.get('石桥村'), w.units.get('青山乡'), w.units.get('县自然资源局')].map((unitId) => ({ unitId, year }))),
  exportAssessmentResults: () => ASSESSED.flatMap((unitKind) => [YEAR, YEAR - 1].map((year) => ({ year, unitKind }))),
  assessmentVetoes: () => [{ year: YEAR }, { year: YEAR - 1 }],
  assessmentObjections: () => [{ year: YEAR }, { year: YEAR - 1 }],
  commendations: () => [{ year: YEAR - 1 }],
  saveAssessmentScheme: () => [{ input: { year: YEAR, unitKind: 'TOWNSHIP', indicators: [], deductions: [], version: 0 } }],
  computeAssessment: () => [{ year: YEAR }],
  proposeVeto: (w) => [{ unitId: w.ownUnitId, year: YEAR, reason: '自查' }],
  decideVeto: (w) => [{ vetoId: w.assessment.veto, decision: 'REVOKE', reason: '撤销' }],
  openAssessmentReview: () => [{ year: YEAR }],
  objectToAssessment: (w) => [{ resultId: w.assessment.results[w.ownUnitId] ?? w.assessment.veto, input: { indicatorFigure: 'satisfactionRate', reason: '异议' } }],
  answerAssessmentObjection: (w) => [{ objectionId: w.assessment.veto, input: { decision: 'REJECT', answer: '答复', version: 1 } }],
  publishAssessment: () => [{ year: YEAR }],
  recordCommendation: (w) => [{ input: { year: YEAR - 1, unitId: w.ownUnitId, title: '表彰' } }],

  // ---- queries
  dispute: (w) => [{ id: w.dispute.id }],
  disputeSummary: () => [{}, { filter: { linked: true } }, ...searches((t) => ({ filter: { search: t } }))],
  disputes: (w) => [{ first: 50 }, { first: 50, filter: { linked: true } }, { first: 50, filter: { scopeUnitId: w.units.get('石桥村') } }, ...searches((t) => ({ first: 20, filter: { search: t } }))],
  exportDisputes: () => [{}, { filter: { linked: true } }, ...searches((t) => ({ filter: { search: t } }))],
  exportPetitions: () => [{}, { filter: { kind: ['ACCUSATION'] } }, ...searches((t) => ({ filter: { text: t } }))],
  holidayCalendar: () => [{ year: Number(TODAY.slice(0, 4)) }],
  me: () => [{}],
  petition: (w) => [{ id: w.a.id }, { id: w.b.id }],
  petitionByReceipt: (w) => [{ code: w.a.receiptCode }, { code: w.b.receiptCode }],
  petitionCategories: () => [{}],
  keyMatters: (w) => [{ first: 50 }, { first: 50, filter: { owned: true } }, { first: 50, filter: { unitId: w.ownUnitId } }, ...searches((t) => ({ first: 20, filter: { text: t } }))],
  backlog: () => [{ first: 50 }, { first: 50, filter: { age: 'TWO_TO_THREE' } }, ...searches((t) => ({ first: 20, filter: { text: t } }))],
  countyLeaders: () => [{}],
  notifications: () => [{}, { unreadOnly: true }],
  unreadNotificationCount: () => [{}],
  markNotificationsRead: () => [{ ids: [] }],
  markAllNotificationsRead: () => [{}],
  exportKeyMatters: () => [{}, { filter: { owned: true } }, ...searches((t) => ({ filter: { text: t } }))],
  exportBacklog: () => [{}, ...searches((t) => ({ filter: { text: t } }))],
  petitionMatches: () =>
    [A, B].flatMap((s) => [
      { input: { petitioner: { name: s.name, idNumber: s.idNumber } } },
      { input: { petitioner: { name: s.name, phone: s.phone } } },
      { input: { petitioner: { name: s.name, idNumber: s.idNumber, phone: s.phone, address: s.address }, categoryCode: 'OTHER', subject: s.subject } },
    ]),
  petitions: (w) => [
    { first: 50 },
    { first: 50, filter: { kind: ['ACCUSATION'] } },
    { first: 50, filter: { mine: true } },
    { first: 50, filter: { unitId: w.ownUnitId } },
    { first: 50, filter: { unitId: w.units.get('石桥村'), sort: 'RECEIVED_DESC' } },
    ...searches((t) => ({ first: 20, filter: { text: t } })),
  ],
  proposeHandlingUnit: (w) => [{ categoryCode: 'OTHER', kind: 'ACCUSATION', locationUnitId: w.units.get('石桥村') }, { categoryCode: 'LAND', kind: 'ACCUSATION', locationUnitId: w.units.get('青山村') }],
  screeningCompliance: (w) => [{ month: w.dispute.periodStart.slice(0, 7), scopeUnitId: w.ownUnitId }, { month: w.dispute.periodStart.slice(0, 7), scopeUnitId: w.units.get('石桥村') }],
  screeningPeriods: (w) => [
    { unitId: w.units.get('石桥村'), from: w.dispute.periodStart, to: TODAY },
    { unitId: w.ownUnitId, from: addDays(TODAY, -40), to: TODAY },
  ],
  screeningReminders: () => [{}],
  screeningReport: (w) => [{ id: w.dispute.reportId }],
  screeningRules: () => [{}],
  unit: (w) => [{ id: w.ownUnitId }, { id: w.units.get('石桥村') }, { id: w.units.get('县纪委监委') }],
  units: (w) => [{}, { filter: { subtreeOf: w.ownUnitId } }],
  user: (w) => [{ id: w.ownUserId }],
  users: () => [{ first: 50 }],

  // ---- figures over the accusations' days: every figure's records, both parts, the unit's own scope and 石桥村's
  figures: (w) => [{ scopeUnitId: w.ownUnitId, from: addDays(TODAY, -30), to: TODAY }, { scopeUnitId: w.units.get('石桥村'), from: addDays(TODAY, -30), to: TODAY }],
  analysisReport: (w) => [{ scopeUnitId: w.ownUnitId, period: 'MONTH', start: TODAY }, { scopeUnitId: w.units.get('石桥村'), period: 'YEAR', start: TODAY }],
  exportAnalysisReport: (w) => [{ scopeUnitId: w.ownUnitId, period: 'MONTH', start: TODAY }, { scopeUnitId: w.units.get('石桥村'), period: 'QUARTER', start: TODAY }],
  exportYearlyReport: (w) => [{ scopeUnitId: w.ownUnitId, year: Number(TODAY.slice(0, 4)) }, { scopeUnitId: w.units.get('石桥村'), year: Number(TODAY.slice(0, 4)) }],
  figureRecords: (w) =>
    FIGURE_NAMES.flatMap((figure) =>
      (['NUMERATOR', 'DENOMINATOR'] as const).flatMap((part) =>
        [w.ownUnitId, w.units.get('石桥村')].map((scopeUnitId) => ({ figure, part, scopeUnitId, from: addDays(TODAY, -30), to: TODAY, first: 50 })),
      ),
    ),
  countRecords: (w) =>
    COUNT_NAMES.flatMap((count) => [w.ownUnitId, w.units.get('石桥村')].map((scopeUnitId) => ({ count, scopeUnitId, from: addDays(TODAY, -30), to: TODAY, first: 50 }))),
  // ---- supervision and joint conferences on both accusations
  supervisionOrders: (w) => [{ first: 50 }, { first: 50, filter: { petitionId: w.a.id } }, { first: 50, filter: { petitionId: w.b.id } }, { first: 50, filter: { unitId: w.ownUnitId } }, { first: 50, filter: { open: true } }],
  supervisionOrder: (w) => [{ id: w.orders.a.id }, { id: w.orders.b.id }, { id: w.orders.q.id }],
  exportSupervisionOrders: (w) => [{}, { filter: { petitionId: w.a.id } }, { filter: { unitId: w.ownUnitId } }],
  circulars: (w) => [{ first: 50 }, { first: 50, filter: { petitionId: w.a.id } }, { first: 50, filter: { petitionId: w.b.id } }],
  circular: (w) => [{ id: w.circulars.a }, { id: w.circulars.b }],
  exportCirculars: () => [{}],
  accountabilityRecords: (w) => [{ first: 50 }, { first: 50, filter: { unitId: w.units.get('县纪委监委') } }],
  exportAccountabilityRecords: () => [{}],
  conferences: (w) => [{ first: 50 }, { first: 50, filter: { petitionId: w.a.id } }],
  conference: (w) => [{ id: w.conferenceId }],
  conferenceTasks: (w) => [{ first: 50 }, { first: 50, filter: { mine: true } }, { first: 50, filter: { conferenceId: w.conferenceId } }],
  issueSupervisionOrder: (w) => [w.a, w.b].map((p) => ({ input: { petitionId: p.id, unitId: w.ownUnitId, requirement: `查明${A.name}`, dueOn: TODAY } })),
  // The township is named by an order on the accusation against it: it may report, and reads nothing of it.
  reportOnSupervisionOrder: (w) => [w.orders.q, w.orders.a, w.orders.b].flatMap((o) => [o.version, o.version - 1].map((version) => ({ id: o.id, version, input: { report: '已办理' } }))),
  closeSupervisionOrder: (w) => [w.orders.a, w.orders.q].map((o) => ({ id: o.id, version: o.version, decision: 'REOPEN', reason: '重办', dueOn: TODAY })),
  publishCircular: (w) => [{ input: { unitId: w.ownUnitId, title: '通报', failure: '问题', petitionId: w.a.id } }],
  recordAccountability: (w) => [{ input: { unitId: w.ownUnitId, post: '职务', measure: 'CRITICISM', authority: '县纪委监委', decidedOn: TODAY, petitionId: w.a.id } }],
  recordConference: (w) => [{ input: { heldOn: TODAY, title: '会办', chairUserId: w.ownUserId, attendingUnitIds: [], items: [{ petitionId: w.a.id, decision: '决定' }] } }],
  completeConferenceTask: (w) => [w.tasks.q, w.tasks.d].flatMap((t) => [t.version, t.version - 1].map((version) => ({ id: t.id, version, note: '已完成' }))),

  // ---- petition mutations on each accusation, with its version and with a stale one
  ...(
    (
      [
        ['acceptPetition', {}],
        ['answerPetition', { text: '我们没有挪用' }],
        ['assignPetition', { mode: 'ASSIGN', handlingUnitId: '@own' }],
        ['closePetition', { note: '办结' }],
        ['decideExtension', { approve: true }],
        ['decideReview', { decision: '维持' }],
        ['declinePetition', { reason: '不属实' }],
        ['flagPetition', { isKeyMatter: true }],
        ['instructPetition', { instruction: '查清楚是谁举报的' }],
        ['notifyPetitioner', { note: '已告知' }],
        ['objectToAssignment', { reason: '不服' }],
        ['rateAnswer', { satisfaction: 'DISSATISFIED' }],
        ['rateAnswer', { satisfaction: 'DISSATISFIED', receiptCode: '@receipt' }],
        ['recordFollowUp', { note: '回访' }],
        ['requestExtension', { days: 10, reason: '复杂' }],
        ['requestReview', {}],
      ] as Array<[string, Vars]>
    ).reduce<Record<string, (w: World) => Vars[]>>((scans, [name, extra]) => {
      const earlier = scans[name];
      scans[name] = (w: World) => [
        ...(earlier?.(w) ?? []),
        ...[w.a, w.b].flatMap((p) =>
          [p.version, p.version - 1].map((version) => ({
            id: p.id,
            version,
            ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, v === '@own' ? w.ownUnitId : v === '@receipt' ? p.receiptCode : v])),
          })),
        ),
      ];
      return scans;
    }, {})
  ),
  // Registering a repeat of the accusation answers the new petition with its `repeatOf`.
  // 包案 on each accusation, with its version and a stale one, naming the accuser in the plans.
  setCaseOwnership: (w) =>
    [w.a, w.b].flatMap((p) => [p.version, p.version - 1].map((version) => ({ petitionId: p.id, input: { version, resolutionPlan: `${A.name}${B.name}`, unitId: w.ownUnitId } }))),
  registerPetition: (w) => [
    {
      input: {
        channel: 'VISIT', kind: 'CLAIM', categoryCode: 'OTHER', subject: '反映有人恶意举报', content: '要求查明举报人。', receivedAt: TODAY, headcount: 1,
        locationUnitId: w.units.get('石桥村'), repeatOfId: w.a.id, petitioner: { name: '被举报方代表' },
      },
    },
    {
      input: {
        channel: 'VISIT', kind: 'CLAIM', categoryCode: 'OTHER', subject: '反映有人恶意举报', content: '要求查明举报人。', receivedAt: TODAY, headcount: 1,
        locationUnitId: w.units.get('青山村'), repeatOfId: w.b.id, petitioner: { name: '被举报方代表' },
      },
    },
  ],

  // ---- screening: the dispute linked to accusation A, its report, and links to both accusations
  cancelScreeningRule: (w) => [{ id: w.ruleId, version: 1 }],
  correctScreeningReport: (w) => [{ input: { id: w.dispute.reportId, version: 1, isZeroReport: false, reason: '更正' } }],
  escalateDispute: (w) => [{ id: w.dispute.id, version: w.dispute.version, note: '上报' }],
  linkDisputeToPetition: (w) => [w.a.id, w.b.id].flatMap((petitionId) => [{ disputeId: w.dispute.id, version: w.dispute.version, petitionId }, { disputeId: w.dispute.id, version: w.dispute.version - 1, petitionId }]),
  // A stale version: the township may review 石桥村's report, and a review would end its corrections.
  reviewScreeningReport: (w) => [{ id: w.dispute.reportId, version: 0 }],
  setScreeningRule: () => [{ input: { unitKind: 'VILLAGE', cadence: 'MONTHLY', dueAfterDays: 5, effectiveFrom: '2030-01-01' } }],
  submitScreeningReport: (w) => [{ input: { unitId: w.units.get('石桥村'), periodStart: w.dispute.periodStart, isZeroReport: true } }],
  updateDispute: (w) => [{ input: { id: w.dispute.id, version: w.dispute.version, status: 'RESOLVING' } }, { input: { id: w.dispute.id, version: w.dispute.version - 1, summary: '改' } }],
  setCalendarDay: () => [{ date: '2031-03-03', kind: 'HOLIDAY', name: '测试' }],

  // ---- units, accounts, sessions
  createUnit: (w) => [{ input: { parentId: w.ownUnitId, kind: 'VILLAGE', name: '扫描村' } }],
  createUser: (w) => [{ input: { unitId: w.ownUnitId, username: 'scanner-made', displayName: '扫描', password: 'scanner-pass-2026', roles: ['TOWNSHIP'] } }],
  updateUnit: (w) => [{ id: w.ownUnitId, version: 1, input: { sortOrder: 1 } }],
  updateUser: (w) => [{ id: w.ownUserId, version: 1, input: { displayName: '改名' } }],
  resetUserPassword: (w) => [{ id: w.ownUserId, version: 1, password: 'scanner-reset-2026' }],
  login: () => [{ username: '@self', password: '@password' }],
  logout: () => [{}],
  changePassword: () => [{ currentPassword: 'wrong-password-1', newPassword: 'scanner-new-2026' }],
};

const OPERATIONS = schemaOperations();

describe('the privacy scanner as data', () => {
  it('knows how to run every operation of the schema (default deny)', () => {
    expect(Object.keys(SCANS).sort()).toEqual(OPERATIONS.map((o) => o.name).sort());
  });
});

describe.each(DATABASE_MODES)('the privacy scanner on %s', (mode) => {
  let platform: TestPlatform;
  let w: World;
  let tokens: Record<string, string>;
  const db = () => platform.orm.em.getConnection();
  const auditCount = async (username: string, petitionId: string) =>
    (await db().execute<Array<{ c: number }>>('select count(*)::int as c from audit_record a join app_user u on u.id = a.user_id where a.petition_id = ? and u.username = ?', [petitionId, username]))[0]!.c;

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
    const url = platform.url;
    tokens = {};
    for (const u of ['bureau', 'discipline', 'qingshan', 'land', 'shiqiao', 'admin', 'secretary']) tokens[u] = await signIn(url, u);
    const as = async (u: string, query: string, variables: Vars = {}) => {
      const a = await gql(url, query, variables, tokens[u]);
      if (a.errors) throw new Error(a.text);
      return a.data!;
    };
    const units = new Map(((await as('bureau', '{ units { id name } }')).units as Array<{ id: string; name: string }>).map((u) => [u.name, u.id]));
    // A second account of each accused unit: every user of the unit is scanned, not only the demo one.
    await as('admin', 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { username: 'qingshan-2', displayName: '青山乡群工办二', password: 'qingshan-two-2026', roles: ['TOWNSHIP'], unitId: units.get('青山乡') } });
    await as('admin', 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { username: 'land-2', displayName: '自然资源局联络员二', password: 'land-two-2026', roles: ['DEPARTMENT'], unitId: units.get('县自然资源局') } });
    tokens['qingshan-2'] = await signIn(url, 'qingshan-2', 'qingshan-two-2026');
    tokens['land-2'] = await signIn(url, 'land-2', 'land-two-2026');

    const P = 'id version receiptCode number';
    // The county head (县长) owns them; the party secretary stays a leader who does not (the checks below).
    const magistrateId = ((await as('bureau', '{ countyLeaders { id displayName } }')).countyLeaders as Array<{ id: string; displayName: string }>).find((l) => l.displayName === '县长')!.id;
    const accuse = async (s: typeof A, location: string, respondent: string) => {
      let p = (await as('bureau', `mutation($i: RegisterPetitionInput!) { registerPetition(input: $i) { ${P} } }`, {
        i: {
          channel: 'LETTER', kind: 'ACCUSATION', categoryCode: 'OTHER', subject: s.subject, content: s.content, receivedAt: addDays(TODAY, -2), headcount: 1,
          locationUnitId: units.get(location), respondentUnitId: units.get(respondent), respondentName: s.respondentName,
          petitioner: { name: s.name, idNumber: s.idNumber, phone: s.phone, address: s.address },
        },
      })).registerPetition;
      p = (await as('bureau', `mutation($id: ID!, $v: Int!) { acceptPetition(id: $id, version: $v) { ${P} } }`, { id: p.id, v: p.version })).acceptPetition;
      p = (await as('bureau', `mutation($id: ID!, $v: Int!, $h: ID!) { assignPetition(id: $id, version: $v, handlingUnitId: $h, mode: ASSIGN) { ${P} } }`, { id: p.id, v: p.version, h: units.get('县纪委监委') })).assignPetition;
      // The handler writes the accuser and the accusation into its notes and its answer.
      p = (await as('discipline', `mutation($id: ID!, $v: Int!, $n: String) { notifyPetitioner(id: $id, version: $v, note: $n) { ${P} } }`, { id: p.id, v: p.version, n: `已电话（${s.phone}）告知${s.name}：${s.subject}一事已受理` })).notifyPetitioner;
      // …and into the reason for more time, which the bureau grants.
      p = (await as('discipline', `mutation($id: ID!, $v: Int!, $r: String!) { requestExtension(id: $id, version: $v, days: 15, reason: $r) { ${P} } }`, { id: p.id, v: p.version, r: `需再次约谈${s.name}，核实${s.words[0]}` })).requestExtension;
      p = (await as('bureau', `mutation($id: ID!, $v: Int!) { decideExtension(id: $id, version: $v, approve: true) { ${P} } }`, { id: p.id, v: p.version })).decideExtension;
      p = (await as('discipline', `mutation($id: ID!, $v: Int!, $t: String!) { answerPetition(id: $id, version: $v, text: $t) { ${P} } }`, { id: p.id, v: p.version, t: `${s.name}（${s.address}）：经查，${s.content}` })).answerPetition;
      // A key matter whose reason names the accuser, owned (包案) with plans that quote the accusation.
      p = (await as('bureau', `mutation($id: ID!, $v: Int!, $r: String) { flagPetition(id: $id, version: $v, isKeyMatter: true, reason: $r) { ${P} } }`, { id: p.id, v: p.version, r: `${s.name}（${s.phone}）多次举报${s.words[0]}` })).flagPetition;
      p = (await as('bureau', `mutation($id: ID!, $i: CaseOwnershipInput!) { setCaseOwnership(petitionId: $id, input: $i) { ${P} } }`, {
        id: p.id,
        i: { version: p.version, leaderUserId: magistrateId, unitId: units.get('县纪委监委'), resolutionPlan: `约谈${s.name}，核实${s.words[0]}`, stabilityPlan: `${s.name}住${s.address}，专人联系` },
      })).setCaseOwnership;
      return p;
    };
    const a = await accuse(A, '石桥村', '青山乡');
    const b = await accuse(B, '青山村', '县自然资源局');
    // The accuser of A writes again about the same matter, and the bureau declines it with a reason that names both.
    const again = (await as('bureau', `mutation($i: RegisterPetitionInput!) { registerPetition(input: $i) { ${P} } }`, {
      i: {
        channel: 'LETTER', kind: 'ACCUSATION', categoryCode: 'OTHER', subject: `再次${A.subject}`, content: A.content, receivedAt: addDays(TODAY, -1), headcount: 1,
        locationUnitId: units.get('石桥村'), respondentUnitId: units.get('青山乡'), respondentName: A.respondentName,
        petitioner: { name: A.name, idNumber: A.idNumber, phone: A.phone, address: A.address },
      },
    })).registerPetition;
    await as('bureau', `mutation($id: ID!, $v: Int!, $r: String!) { declinePetition(id: $id, version: $v, reason: $r) { ${P} } }`, { id: again.id, v: again.version, r: `${A.name}就${A.words[1]}一事重复举报，已由纪委监委受理` });

    // A dispute of 石桥村 that the bureau links to accusation A: the screening answers carry the link.
    const period = ((await as('bureau', 'query($u: ID!, $f: Date!, $t: Date!) { screeningPeriods(unitId: $u, from: $f, to: $t) { periodStart status } }', { u: units.get('石桥村'), f: addDays(TODAY, -40), t: TODAY })).screeningPeriods as Array<{ periodStart: string; status: string }>)
      .filter((x) => x.status === 'DUE' || x.status === 'MISSING')
      .at(-1)!;
    const report = (await as('shiqiao', 'mutation($i: SubmitScreeningReportInput!) { submitScreeningReport(input: $i) { id disputes { id version } } }', {
      i: { unitId: units.get('石桥村'), periodStart: period.periodStart, isZeroReport: false, disputes: [{ categoryCode: 'OTHER', parties: '村民与村委', headcount: 3, summary: '扶贫款发放争议', riskLevel: 'MAJOR' }] },
    })).submitScreeningReport;
    const d = report.disputes[0];
    const linked = (await as('bureau', 'mutation($d: ID!, $v: Int!, $p: ID!) { linkDisputeToPetition(disputeId: $d, version: $v, petitionId: $p) { id version } }', { d: d.id, v: d.version, p: a.id })).linkDisputeToPetition;
    const rule = (await as('bureau', 'mutation($i: ScreeningRuleInput!) { setScreeningRule(input: $i) { id } }', { i: { unitKind: 'VILLAGE_GROUP', cadence: 'MONTHLY', dueAfterDays: 5, effectiveFrom: '2029-06-01' } })).setScreeningRule;

    // Supervision on both accusations, every text of it naming the accuser and quoting the accusation:
    // orders to the commission that handles them (reported on), one to the accused township on A, a
    // circular and an accountability record on each, and a joint conference on both with tasks.
    tokens.supervisor = await signIn(url, 'supervisor');
    const order = async (p: { id: string }, s: typeof A, unit: string) => {
      const o = (await as('supervisor', 'mutation($i: IssueSupervisionOrderInput!) { issueSupervisionOrder(input: $i) { id version } }', {
        i: { petitionId: p.id, unitId: units.get(unit), requirement: `约谈${s.name}（${s.phone}），核实${s.words[0]}`, dueOn: addDays(TODAY, 3) },
      })).issueSupervisionOrder as { id: string; version: number };
      return o;
    };
    const reported = async (o: { id: string; version: number }, s: typeof A) =>
      (await as('discipline', 'mutation($id: ID!, $v: Int!, $r: String!) { reportOnSupervisionOrder(id: $id, version: $v, input: { report: $r }) { id version } }', { id: o.id, v: o.version, r: `已约谈${s.name}，${s.words[1]}属实` })).reportOnSupervisionOrder as { id: string; version: number };
    const orderA = await reported(await order(a, A, '县纪委监委'), A);
    const orderB = await reported(await order(b, B, '县纪委监委'), B);
    const orderQ = await order(a, A, '青山乡');
    const circular = async (o: { id: string }, s: typeof A) =>
      ((await as('supervisor', 'mutation($i: PublishCircularInput!) { publishCircular(input: $i) { id } }', { i: { unitId: units.get('县纪委监委'), title: '关于督办事项办理迟缓的通报', failure: `${s.name}所举报${s.words[0]}一事办理迟缓`, orderId: o.id } })).publishCircular as { id: string }).id;
    const circulars = { a: await circular(orderA, A), b: await circular(orderB, B) };
    for (const [o, s, c] of [[orderA, A, circulars.a], [orderB, B, circulars.b]] as const) {
      await as('supervisor', 'mutation($i: RecordAccountabilityInput!) { recordAccountability(input: $i) { id } }', {
        i: { unitId: units.get('县纪委监委'), post: '信访室主任', measure: 'ADMONITION', authority: '县纪委监委', decidedOn: TODAY, reason: `未及时核实${s.name}举报的${s.words[0]}`, orderId: o.id, circularId: c },
      });
    }
    const conference = (await as('bureau', 'mutation($i: RecordConferenceInput!) { recordConference(input: $i) { id items { tasks { id version ownerUnit { name } } } } }', {
      i: {
        heldOn: TODAY, title: '集中会办', chairUserId: magistrateId, attendingUnitIds: [units.get('县纪委监委'), units.get('青山乡')], attendees: '县长、纪委监委',
        items: [
          { petitionId: a.id, decision: `保护${A.name}，查清${A.words[0]}`, tasks: [
            { ownerUnitId: units.get('青山乡'), description: `配合核实${A.words[2]}，不得接触${A.name}`, dueOn: addDays(TODAY, 2) },
            { ownerUnitId: units.get('县纪委监委'), description: `约谈${A.name}（${A.phone}）`, dueOn: addDays(TODAY, 2) },
          ] },
          { petitionId: b.id, decision: `保护${B.name}，查清${B.words[0]}`, tasks: [{ ownerUnitId: units.get('县纪委监委'), description: `约谈${B.name}`, dueOn: addDays(TODAY, 2) }] },
        ],
      },
    })).recordConference as { id: string; items: Array<{ tasks: Array<{ id: string; version: number; ownerUnit: { name: string } }> }> };
    const taskOf = (name: string) => conference.items[0]!.tasks.find((t) => t.ownerUnit.name === name)!;
    // This year's assessment, computed with both accusations on record, a veto proposed on 青山乡, and put under review.
    await as('bureau', 'mutation($y: Int!) { computeAssessment(year: $y) { year } }', { y: YEAR });
    const veto = ((await as('bureau', 'mutation($u: ID!, $y: Int!) { proposeVeto(unitId: $u, year: $y, reason: "辖区发生越级访") { id } }', { u: units.get('青山乡'), y: YEAR })).proposeVeto as { id: string }).id;
    await as('secretary', 'mutation($y: Int!) { openAssessmentReview(year: $y) { year } }', { y: YEAR });
    const results: Record<string, string> = {};
    for (const unitKind of ASSESSED) {
      for (const r of (await as('bureau', 'query($y: Int!, $k: UnitKind!) { assessmentResults(year: $y, unitKind: $k) { id unit { id } } }', { y: YEAR, k: unitKind })).assessmentResults as Array<{ id: string; unit: { id: string } }>) results[r.unit.id] = r.id;
    }
    w = {
      url, units, a, b, dispute: { id: linked.id, version: linked.version, reportId: report.id, periodStart: period.periodStart }, ownUnitId: '', ownUserId: '', ruleId: rule.id,
      orders: { a: orderA, b: orderB, q: orderQ }, circulars, conferenceId: conference.id, tasks: { q: taskOf('青山乡'), d: taskOf('县纪委监委') },
      assessment: { veto, results },
    };
  });
  afterAll(async () => platform?.stop());

  /** Runs every operation of SCANS as `username` and returns every answer with the operation it answers. */
  async function scanAs(username: string, password: string, ownUnit: string): Promise<Array<{ op: Operation; answer: GraphQLAnswer; texts: string[] }>> {
    const me = username === 'nobody' ? { id: '00000000-0000-4000-8000-000000000000' } : ((await gql(w.url, '{ me { id } }', {}, tokens[username])).data!.me as { id: string });
    const world: World = { ...w, ownUnitId: w.units.get(ownUnit)!, ownUserId: me.id };
    const out: Array<{ op: Operation; answer: GraphQLAnswer; texts: string[] }> = [];
    const tasks: Array<() => Promise<void>> = [];
    for (const op of OPERATIONS) {
      for (const raw of SCANS[op.name]!(world)) {
        tasks.push(async () => {
          const vars = JSON.parse(JSON.stringify(raw).replaceAll('"@self"', JSON.stringify(username)).replaceAll('"@password"', JSON.stringify(password))) as Vars;
          // A session of its own for the operations that end one.
          const token = username !== 'nobody' && (op.name === 'logout' || op.name === 'changePassword') ? await signIn(w.url, username, password) : tokens[username];
          let answer = await gql(w.url, documentFor(op, vars, fullSelection(op.field.type, 3)), vars, token);
          if (answer.errors?.some((e) => String(e.extensions?.reason ?? '').startsWith('MAX_'))) answer = await gql(w.url, documentFor(op, vars, fullSelection(op.field.type, 2)), vars, token);
          out.push({ op, answer, texts: await textsOf(answer) });
        });
      }
    }
    for (let i = 0; i < tasks.length; i += 6) await Promise.all(tasks.slice(i, i + 6).map((t) => t()));
    return out;
  }

  let scanned = 0;
  // Each accused unit's users: nothing of their own accusation at all; of the other one (which
  // 青山乡 may read, arising in its territory), not who made it. 石桥村, where accusation A arises,
  // reads both cases' texts but never who petitioned.
  const cases: Array<[string, string, string, string[]]> = [
    ['qingshan', 'xinfang-demo', '青山乡', [...everything(A), ...identity(B)]],
    ['qingshan-2', 'qingshan-two-2026', '青山乡', [...everything(A), ...identity(B)]],
    ['land', 'xinfang-demo', '县自然资源局', [...everything(B), ...everything(A)]],
    ['land-2', 'land-two-2026', '县自然资源局', [...everything(B), ...everything(A)]],
    ['shiqiao', 'xinfang-demo', '石桥村', [...identity(A), ...identity(B)]],
    // Without signing in, with the receipt codes in hand (the public page, the public rating): nothing at all.
    ['nobody', 'xinfang-demo', '石桥村', [...everything(A), ...everything(B)]],
  ];
  it.each(cases)('gives %s nothing of who accused nor (the accused unit) of what, in any answer', async (username, password, ownUnit, needles) => {
    const results = await scanAs(username, password, ownUnit);
    scanned += results.length;
    const hits: string[] = [];
    for (const { op, answer, texts } of results) {
      for (const needle of needles) for (const form of forms(needle)) if (texts.some((t) => t.includes(form))) hits.push(`${op.name}: "${needle}" in ${answer.text.slice(0, 300)}`);
    }
    expect(hits, hits.join('\n')).toEqual([]);
    const covered = new Set(results.map((r) => r.op.name));
    expect(OPERATIONS.filter((o) => !covered.has(o.name)).map((o) => o.name), 'operations never run').toEqual([]);
    // Nothing personal was handed to it, so nothing was audited for it on either accusation.
    if (username === 'nobody') return;
    expect(await auditCount(username, w.a.id)).toBe(0);
    expect(await auditCount(username, w.b.id)).toBe(0);
  }, 300_000);

  it('sees what it looks for: the same scan finds the accuser in the answers of those who may read it', async () => {
    const op = (name: string) => OPERATIONS.find((o) => o.name === name)!;
    const run = async (username: string, name: string, vars: Vars) => textsOf(await gql(w.url, documentFor(op(name), vars, fullSelection(op(name).field.type, 3)), vars, tokens[username]));
    const found = (texts: string[], needle: string) => forms(needle).some((f) => texts.some((t) => t.includes(f)));
    const handler = [...(await run('discipline', 'petition', { id: w.a.id })), ...(await run('discipline', 'exportPetitions', { filter: { kind: ['ACCUSATION'] } }))];
    for (const needle of everything(A)) expect(found(handler, needle), `the handler's answers carry "${needle}"`).toBe(true);
    // Inside the workbook only: the export's base64 is decoded and read cell by cell.
    const exported = await run('discipline', 'exportPetitions', { filter: { kind: ['ACCUSATION'] } });
    expect(exported[0]).not.toContain(A.idNumber);
    expect(found(exported, A.idNumber)).toBe(true);
    // Through a link: the bureau reads the dispute's petition with its petitioner.
    expect(found(await run('bureau', 'dispute', { id: w.dispute.id }), A.name)).toBe(true);
    // Supervision's texts: the commission reads the circular, the order and the conference task whole.
    expect(found(await run('discipline', 'circular', { id: w.circulars.a }), A.name)).toBe(true);
    expect(found(await run('discipline', 'supervisionOrder', { id: w.orders.a.id }), A.words[1])).toBe(true);
    expect(found(await run('discipline', 'conferenceTasks', { first: 50, filter: { mine: true } }), A.phone)).toBe(true);
    expect(found(await run('bureau', 'conference', { id: w.conferenceId }), A.name)).toBe(true);
    // Inside a token: the session's payload is decoded too.
    const me = (await gql(w.url, '{ me { id } }', {}, tokens.qingshan)).data!.me.id as string;
    const session = await gql(w.url, documentFor(op('login'), { username: 'qingshan', password: 'xinfang-demo' }, 'token'), { username: 'qingshan', password: 'xinfang-demo' });
    expect(session.text).not.toContain(me);
    expect(found(await textsOf(session), me)).toBe(true);
  });

  it('finds nothing, not even a count, when the accused unit searches for the accuser or the accusation', async () => {
    for (const [username, needles] of [['qingshan', everything(A)], ['land', everything(B)], ['shiqiao', [...identity(A), ...identity(B)]]] as const) {
      for (const needle of needles) {
        const list = await gql(w.url, 'query($t: String!) { petitions(filter: { text: $t }) { totalCount } exportPetitions(filter: { text: $t }) { rows } }', { t: needle }, tokens[username]);
        const disputes = await gql(w.url, 'query($t: String!) { disputes(filter: { search: $t }) { totalCount } disputeSummary(filter: { search: $t }) { found } }', { t: needle }, tokens[username]);
        scanned += 2;
        expect([list.data?.petitions.totalCount, list.data?.exportPetitions.rows, disputes.data?.disputes.totalCount, disputes.data?.disputeSummary.found], `${username} searching "${needle}"`).toEqual([0, 0, 0, 0]);
      }
    }
  });

  it('writes an audit row for every read of the accuser by those who may read it: the petition, the list, the export, the matches, a dispute’s petition', async () => {
    const reads: Array<[string, string, Vars]> = [
      ['petition', 'query($id: ID!) { petition(id: $id) { petitioner { name } } }', { id: w.a.id }],
      ['petitions', 'query($t: String!) { petitions(filter: { text: $t }) { edges { node { id petitioner { name } } } } }', { t: A.subject }],
      ['export', '{ exportPetitions(filter: { kind: [ACCUSATION] }) { rows } }', {}],
      ['matches', 'query($i: PetitionMatchInput!) { petitionMatches(input: $i) { petition { id } } }', { i: { petitioner: { name: A.name, idNumber: A.idNumber } } }],
      ['receipt code', 'query($id: ID!) { petition(id: $id) { receiptCode } }', { id: w.a.id }],
      ['dispute', 'query($id: ID!) { dispute(id: $id) { petition { petitioner { name phone } } } }', { id: w.dispute.id }],
      // A mutation's answer, through a link: a new petition's `repeatOf`.
      ['repeatOf', 'mutation($i: RegisterPetitionInput!) { registerPetition(input: $i) { repeatOf { petitioner { idNumber } } } }', {
        i: { channel: 'LETTER', kind: 'CLAIM', categoryCode: 'OTHER', subject: '再次反映', content: '再次反映。', receivedAt: TODAY, headcount: 1, locationUnitId: w.units.get('石桥村'), repeatOfId: w.a.id, petitioner: { name: '再次来信人' } },
      }],
    ];
    for (const username of ['bureau', 'discipline']) {
      for (const [what, query, variables] of reads) {
        // The commission does not read 石桥村's disputes, nor register petitions.
        if (username === 'discipline' && (what === 'dispute' || what === 'repeatOf')) continue;
        const before = await auditCount(username, w.a.id);
        const answer = await gql(w.url, query, variables, tokens[username]);
        expect(answer.errors, answer.text).toBeUndefined();
        expect(await auditCount(username, w.a.id), `${username} read the accuser through ${what} without an audit row`).toBeGreaterThan(before);
      }
    }
  });

  // Found by this scanner, fixed in f78adcd; these cases run after the scan because they add what
  // it must not find. A dispute that turned into an accusation names its parties (当事人), and the
  // accuser is usually one of them. The accused unit reads its territory's disputes; it must not see
  // which of them became the accusation against it, through the accusation
  // (`petition(id) { disputes { parties } }`) or through the dispute (`dispute(id) { petition }`).
  it('(for the defect below) lets 石桥村 report a dispute naming the accuser, which the bureau links to the accusation', async () => {
    const report = (await gql(w.url, 'query($id: ID!) { screeningReport(id: $id) { id version } }', { id: w.dispute.reportId }, tokens.shiqiao)).data!.screeningReport as { id: string; version: number };
    const corrected = await gql(w.url, 'mutation($i: CorrectScreeningReportInput!) { correctScreeningReport(input: $i) { disputes { id version parties } } }', {
      i: { id: report.id, version: report.version, isZeroReport: false, reason: '补报', addDisputes: [{ categoryCode: 'OTHER', parties: `${A.name}与青山乡副乡长`, headcount: 2, summary: '扶贫款去向争议', riskLevel: 'GENERAL' }] },
    }, tokens.shiqiao);
    expect(corrected.errors, corrected.text).toBeUndefined();
    const added = (corrected.data!.correctScreeningReport.disputes as Array<{ id: string; version: number; parties: string }>).find((d) => d.parties.includes(A.name))!;
    const link = await gql(w.url, 'mutation($d: ID!, $v: Int!, $p: ID!) { linkDisputeToPetition(disputeId: $d, version: $v, petitionId: $p) { id } }', { d: added.id, v: added.version, p: w.a.id }, tokens.bureau);
    expect(link.errors, link.text).toBeUndefined();
  });

  it('gives the accused unit no dispute linked to the accusation: the parties of such a dispute name the accuser', async () => {
    const accused = await gql(w.url, 'query($id: ID!) { petition(id: $id) { id disputes { parties } } }', { id: w.a.id }, tokens.qingshan);
    expect(accused.text, 'the accused township reads the accuser’s name in the answer about the accusation').not.toContain(A.name);
  });

  // Found by this scanner: the same inference for every reader who may read the accusation but not
  // its petitioner — a county leader who does not own the case (包案), the village where it arises —
  // through the parties of the dispute it turned into. The link between a dispute and a petition is
  // now only for those who may know who petitioned, from either side.
  it('keeps the accuser’s name out of the linked dispute for readers who may not know who petitioned', async () => {
    for (const username of ['secretary', 'shiqiao']) {
      const seen = await gql(w.url, 'query($id: ID!) { petition(id: $id) { petitioner { name } disputes { parties } } }', { id: w.a.id }, tokens[username]);
      expect(seen.text, `${username} reads who accused`).not.toContain(A.name);
      const fromDispute = await gql(w.url, 'query($id: ID!) { dispute(id: $id) { isLinked petition { id } } }', { id: w.dispute.id }, tokens[username]);
      if (!fromDispute.errors) expect(fromDispute.data!.dispute, `${username} learns which dispute became the accusation`).toEqual({ isLinked: true, petition: null });
    }
  });

  // Found by this scanner, fixed in f78adcd. `Petition.repeatOf` links a petition to the accusation it
  // repeats. When the accuser comes back with a claim (申诉求决) that the accused township handles,
  // the township reads the claim's petitioner (it handles it), and `repeatOf` would tell it that this
  // person made the accusation against it: it is null to the respondent of the accusation.
  let repeat: { id: string };
  it('(for the defect below) lets the accuser come back with a claim that the accused township handles', async () => {
    const P = 'id version';
    const step = async (q: string, v: Vars) => {
      const a = await gql(w.url, q, v, tokens.bureau);
      expect(a.errors, a.text).toBeUndefined();
      return Object.values(a.data!)[0] as { id: string; version: number };
    };
    let p = await step(`mutation($i: RegisterPetitionInput!) { registerPetition(input: $i) { ${P} } }`, {
      i: { channel: 'VISIT', kind: 'CLAIM', categoryCode: 'OTHER', subject: '要求落实扶贫补助', content: '本人扶贫补助至今未发放。', receivedAt: TODAY, headcount: 1, locationUnitId: w.units.get('石桥村'), repeatOfId: w.a.id, petitioner: { name: A.name, idNumber: A.idNumber, phone: A.phone } },
    });
    p = await step(`mutation($id: ID!, $v: Int!) { acceptPetition(id: $id, version: $v) { ${P} } }`, { id: p.id, v: p.version });
    p = await step(`mutation($id: ID!, $v: Int!, $h: ID!) { assignPetition(id: $id, version: $v, handlingUnitId: $h, mode: ASSIGN) { ${P} } }`, { id: p.id, v: p.version, h: w.units.get('青山乡') });
    repeat = p;
    // The township handles it, so it reads its petitioner: that much is its right.
    const seen = await gql(w.url, 'query($id: ID!) { petition(id: $id) { petitioner { name } } }', { id: repeat.id }, tokens.qingshan);
    expect(seen.errors, seen.text).toBeUndefined();
    expect(seen.data!.petition.petitioner.name).toBe(A.name);
  });

  it('does not tell the accused township, handling the accuser’s later claim, that it repeats the accusation', async () => {
    const seen = await gql(w.url, 'query($id: ID!) { petition(id: $id) { petitioner { name } repeatOf { id } } }', { id: repeat.id }, tokens.qingshan);
    expect(seen.data!.petition.repeatOf, seen.text).toBeNull();
  });

  // Found by this scanner, fixed in f78adcd. `Petition.declineReason` and `Petition.extensionReason`
  // went out as written to everyone who read the petition, while the same words as a timeline note
  // are withheld from the accused unit and stripped of the petitioner for a village. (The scan's
  // accusations carry such reasons too since; these two cases keep the finding on its own.)
  const C = { name: '诸葛隐名', phone: '13745678903', word: '虚报冒领危房改造补助' };
  const D = { name: '慕容不具', phone: '13656789014', word: '违规发包村道工程' };
  let reasons: { extended: string; declined: string };
  it('(for the defects below) records an extension and a refusal whose reasons name the accuser', async () => {
    const as = async (u: string, q: string, v: Vars) => {
      const a = await gql(w.url, q, v, tokens[u]);
      expect(a.errors, a.text).toBeUndefined();
      return Object.values(a.data!)[0] as { id: string; version: number };
    };
    const register = (s: typeof C) =>
      as('bureau', 'mutation($i: RegisterPetitionInput!) { registerPetition(input: $i) { id version } }', {
        i: { channel: 'LETTER', kind: 'ACCUSATION', categoryCode: 'OTHER', subject: `检举青山乡${s.word}`, content: `青山乡${s.word}。`, receivedAt: TODAY, headcount: 1, locationUnitId: w.units.get('石桥村'), respondentUnitId: w.units.get('青山乡'), petitioner: { name: s.name, phone: s.phone } },
      });
    let c = await register(C);
    c = await as('bureau', 'mutation($id: ID!, $v: Int!) { acceptPetition(id: $id, version: $v) { id version } }', { id: c.id, v: c.version });
    c = await as('bureau', 'mutation($id: ID!, $v: Int!, $h: ID!) { assignPetition(id: $id, version: $v, handlingUnitId: $h, mode: ASSIGN) { id version } }', { id: c.id, v: c.version, h: w.units.get('县纪委监委') });
    await as('discipline', 'mutation($id: ID!, $v: Int!, $r: String!) { requestExtension(id: $id, version: $v, days: 20, reason: $r) { id } }', { id: c.id, v: c.version, r: `需进一步约谈${C.name}（${C.phone}），核实${C.word}` });
    const d = await register(D);
    await as('bureau', 'mutation($id: ID!, $v: Int!, $r: String!) { declinePetition(id: $id, version: $v, reason: $r) { id } }', { id: d.id, v: d.version, r: `${D.name}所举报${D.word}一事已由纪委监委另案处理` });
    reasons = { extended: c.id, declined: d.id };
    // Both read both cases: the township and the village of their territory.
    for (const username of ['qingshan', 'shiqiao']) for (const answer of await readReasons(username)) expect(answer.errors, answer.text).toBeUndefined();
  });

  const readReasons = async (username: string) =>
    Promise.all([reasons.extended, reasons.declined].map((id) => gql(w.url, 'query($id: ID!) { petition(id: $id) { id extensionReason declineReason } }', { id }, tokens[username])));

  it('keeps the reasons of an accusation from the accused township, as its timeline notes are', async () => {
    const text = (await readReasons('qingshan')).map((a) => a.text).join('\n');
    for (const needle of [C.name, C.phone, C.word, D.name, D.word]) expect(text).not.toContain(needle);
  });

  it('takes the petitioner out of the reasons for a village, as out of every other free text', async () => {
    const text = (await readReasons('shiqiao')).map((a) => a.text).join('\n');
    for (const needle of [C.name, C.phone, D.name]) expect(text).not.toContain(needle);
  });

  afterAll(() => {
    // The closing note of issue 8 reports this count.
    console.log(`privacy scanner on ${mode}: ${scanned} responses scanned`);
  });
});
