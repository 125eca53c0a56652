import { addDays, calendarDaysDeadline, daysBetween, workingDaysDeadline, type CalendarDate, type HolidayCalendar } from './calendar.js';
import type { UnitKind } from './organisation.js';

/** How a petition arrived (来信 / 来访 / 网上信访 / 电话). */
export const CHANNELS = ['LETTER', 'VISIT', 'ONLINE', 'PHONE'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The 2022 classification: 建议意见类 / 检举控告类 / 申诉求决类. */
export const PETITION_KINDS = ['SUGGESTION', 'ACCUSATION', 'CLAIM'] as const;
export type PetitionKind = (typeof PETITION_KINDS)[number];

/** The category code table (问题类别) and its default handling department's function. */
export const PETITION_CATEGORIES = [
  { code: 'LAND', name: '土地征收与使用' },
  { code: 'LABOUR', name: '劳动和社会保障' },
  { code: 'HOUSING', name: '城乡建设与住房' },
  { code: 'LAW', name: '涉法涉诉' },
  { code: 'CIVIL', name: '民政' },
  { code: 'ENVIRONMENT', name: '生态环境' },
  { code: 'RURAL', name: '农村农业' },
  { code: 'VETERANS', name: '退役军人' },
  { code: 'POLICE', name: '公安' },
  { code: 'OTHER', name: '其他' },
] as const;
export type CategoryCode = (typeof PETITION_CATEGORIES)[number]['code'];

/** A petition's states (docs/domain.md §4). */
export const PETITION_STATUSES = [
  'REGISTERED',
  'ACCEPTED',
  'NOT_ACCEPTED',
  'IN_PROGRESS',
  'ANSWERED',
  'REVIEW',
  'RE_REVIEW',
  'CLOSED',
] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

export const SATISFACTIONS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const WARNINGS = ['NONE', 'YELLOW', 'RED'] as const;
export type Warning = (typeof WARNINGS)[number];

/** 转送 (forward to the competent unit) or 交办 (assign, with a duty to report back). */
export const ASSIGN_MODES = ['FORWARD', 'ASSIGN'] as const;
export type AssignMode = (typeof ASSIGN_MODES)[number];

/** A collective petition: five or more people on one matter (glossary: 集体访). */
export const COLLECTIVE_HEADCOUNT = 5;

/** The statutory periods, in days (信访工作条例 2022). */
export const PERIODS = {
  /** art. 22: decide within 15 days of receipt. */
  accept: 15,
  /** art. 23: tell the petitioner within 15 days how it will be handled. */
  notice: 15,
  /** art. 23: a unit outside its competence objects within 5 working days. */
  objectionWorkingDays: 5,
  /** art. 34: handle and answer within 60 days of acceptance. */
  answer: 60,
  /** art. 34: one extension of at most 30 days. */
  maxExtension: 30,
  /** art. 35, 36: ask for review / re-review within 30 days of the answer / review. */
  appealRequest: 30,
  /** art. 35, 36: decide a review / re-review within 30 days of the request. */
  appealDecision: 30,
} as const;

/**
 * The actions on a petition, each allowed from some states and leading to one (or keeping it).
 * The roles that may take each are in @xinfang/permissions; this table is only about order.
 */
export const TRANSITIONS = {
  accept: { from: ['REGISTERED'], to: 'ACCEPTED' },
  decline: { from: ['REGISTERED'], to: 'NOT_ACCEPTED' },
  assign: { from: ['ACCEPTED', 'IN_PROGRESS'], to: 'IN_PROGRESS' },
  object: { from: ['IN_PROGRESS'], to: 'ACCEPTED' },
  notify: { from: ['ACCEPTED', 'IN_PROGRESS', 'NOT_ACCEPTED'], to: null },
  answer: { from: ['IN_PROGRESS'], to: 'ANSWERED' },
  requestExtension: { from: ['IN_PROGRESS'], to: null },
  decideExtension: { from: ['IN_PROGRESS'], to: null },
  rate: { from: ['ANSWERED', 'REVIEW', 'RE_REVIEW'], to: null },
  requestReview: { from: ['ANSWERED', 'REVIEW'], to: null },
  decideReview: { from: ['REVIEW', 'RE_REVIEW'], to: null },
  close: { from: ['ANSWERED', 'REVIEW', 'RE_REVIEW', 'NOT_ACCEPTED'], to: 'CLOSED' },
  followUp: { from: ['CLOSED'], to: null },
  instruct: { from: PETITION_STATUSES, to: null },
} as const satisfies Record<string, { from: readonly PetitionStatus[]; to: PetitionStatus | null }>;
export type PetitionAction = keyof typeof TRANSITIONS;

/** Whether `action` may be taken on a petition in `status` (the order of things; not who may). */
export function canTransition(action: PetitionAction, status: PetitionStatus): boolean {
  return (TRANSITIONS[action].from as readonly PetitionStatus[]).includes(status);
}

/** The facts of a petition that its deadlines depend on (dates in Asia/Shanghai). */
export interface DeadlineFacts {
  status: PetitionStatus;
  receivedAt: CalendarDate;
  acceptedAt?: CalendarDate | null;
  assignedAt?: CalendarDate | null;
  noticeSentAt?: CalendarDate | null;
  /** Approved extension days (0 when none). */
  extensionDays?: number;
  answeredAt?: CalendarDate | null;
  reviewRequestedAt?: CalendarDate | null;
  reviewDecidedAt?: CalendarDate | null;
  reReviewRequestedAt?: CalendarDate | null;
  reReviewDecidedAt?: CalendarDate | null;
  /** Days spent on hearings (听证) in the current appeal, not counted. */
  hearingDays?: number;
}

export interface Deadlines {
  /** Decide acceptance by (15 days of receipt). */
  acceptBy: CalendarDate;
  /** Tell the petitioner how it is handled by (15 days of receipt). */
  noticeBy: CalendarDate;
  /** Answer by (60 days of acceptance, plus an approved extension). */
  answerBy: CalendarDate | null;
  /** The handling unit may object until (5 working days of assignment). */
  objectionBy: CalendarDate | null;
  /** The petitioner may ask for review (or re-review) until (30 days of the answer or the review). */
  appealRequestBy: CalendarDate | null;
  /** The review or re-review must be decided by (30 days of the request, hearings not counted). */
  reviewBy: CalendarDate | null;
  /** The deadline the case is now running against, the one its warning is about. */
  current: CalendarDate | null;
}

/** Computes every deadline of a petition, the same way on the server and in the portal. */
export function petitionDeadlines(p: DeadlineFacts, calendar: HolidayCalendar): Deadlines {
  const acceptBy = calendarDaysDeadline(p.receivedAt, PERIODS.accept, calendar);
  const noticeBy = calendarDaysDeadline(p.receivedAt, PERIODS.notice, calendar);
  const answerBy = p.acceptedAt ? calendarDaysDeadline(p.acceptedAt, PERIODS.answer + (p.extensionDays ?? 0), calendar) : null;
  const objectionBy = p.assignedAt ? workingDaysDeadline(p.assignedAt, PERIODS.objectionWorkingDays, calendar) : null;
  const hearing = p.hearingDays ?? 0;
  let reviewBy: CalendarDate | null = null;
  let appealRequestBy: CalendarDate | null = null;
  if (p.reReviewRequestedAt) {
    if (!p.reReviewDecidedAt) reviewBy = calendarDaysDeadline(p.reReviewRequestedAt, PERIODS.appealDecision + hearing, calendar);
  } else if (p.reviewRequestedAt) {
    if (!p.reviewDecidedAt) reviewBy = calendarDaysDeadline(p.reviewRequestedAt, PERIODS.appealDecision + hearing, calendar);
    else appealRequestBy = calendarDaysDeadline(p.reviewDecidedAt, PERIODS.appealRequest, calendar);
  } else if (p.answeredAt) {
    appealRequestBy = calendarDaysDeadline(p.answeredAt, PERIODS.appealRequest, calendar);
  }
  let current: CalendarDate | null;
  switch (p.status) {
    case 'REGISTERED':
      current = acceptBy;
      break;
    case 'ACCEPTED':
    case 'IN_PROGRESS':
      current = answerBy;
      break;
    case 'REVIEW':
    case 'RE_REVIEW':
      current = reviewBy;
      break;
    default:
      current = null;
  }
  return { acceptBy, noticeBy, answerBy, objectionBy, appealRequestBy, reviewBy, current };
}

/** Yellow three days before the current deadline, red once it has passed (docs/domain.md §4). */
export function warningFor(current: CalendarDate | null, today: CalendarDate): Warning {
  if (!current) return 'NONE';
  const left = daysBetween(today, current);
  if (left < 0) return 'RED';
  if (left <= 3) return 'YELLOW';
  return 'NONE';
}

/** The first day on which a petition is yellow, for filtering in SQL: current − 3 days. */
export const yellowFrom = (current: CalendarDate): CalendarDate => addDays(current, -3);

/** A petition open two years or more is backlog (信访积案) unless closed. */
export function isBacklogByAge(receivedAt: CalendarDate, today: CalendarDate, status: PetitionStatus): boolean {
  return status !== 'CLOSED' && status !== 'NOT_ACCEPTED' && daysBetween(receivedAt, today) >= 730;
}

/** A petitioner's phone number as it is accepted: digits, `+`, `-`, brackets and spaces, 5 to 20 of them. */
export const PHONE_PATTERN = /^[0-9+\-() ]{5,20}$/;

/** The kinds of unit that are places, where a petition can be located: 县, 镇乡, 村(居), 村民小组. */
export const TERRITORIAL_UNIT_KINDS = ['COUNTY', 'TOWNSHIP', 'VILLAGE', 'VILLAGE_GROUP'] as const satisfies readonly UnitKind[];
export type TerritorialUnitKind = (typeof TERRITORIAL_UNIT_KINDS)[number];
export const isTerritorialUnitKind = (kind: UnitKind): kind is TerritorialUnitKind => (TERRITORIAL_UNIT_KINDS as readonly string[]).includes(kind);

/** The orders of the petition list: soonest current deadline first (the default), newest, oldest. */
export const PETITION_SORTS = ['DEADLINE', 'RECEIVED_DESC', 'RECEIVED_ASC'] as const;
export type PetitionSort = (typeof PETITION_SORTS)[number];

/** The backlog's age buckets, youngest first: received 2–3 years ago, 3–5, over 5. */
export const BACKLOG_AGES = ['TWO_TO_THREE', 'THREE_TO_FIVE', 'OVER_FIVE'] as const;
export type BacklogAge = (typeof BACKLOG_AGES)[number];

/** The four parts of 包案 "五个一" (one leader, one unit, one resolution plan, one stability plan), in the order they are shown. */
export const OWNERSHIP_PARTS = ['LEADER', 'UNIT', 'RESOLUTION_PLAN', 'STABILITY_PLAN'] as const;
export type OwnershipPart = (typeof OWNERSHIP_PARTS)[number];
