import { addDays, type FigureName } from '@xinfang/domain';
import type { Petition } from '../petition/petition.entity.js';

/** A period, both ends included, and the day the figure is drawn (for "still open" and "overdue"). */
export interface Period {
  from: string;
  to: string;
  today: string;
}

const within = (from: string, to: string) => ({ $gte: from, $lte: to });
const OPEN = { status: { $nin: ['CLOSED', 'NOT_ACCEPTED'] as Array<Petition['status']> } };

/** A figure over rows of one entity: the rows of its denominator, and of its numerator among them. */
export interface RowFigure {
  entity: 'Petition' | 'Dispute' | 'SupervisionOrder';
  denominator: (p: Period) => object;
  numerator: (p: Period) => object;
}

/** The figures counted over stored rows (all but screeningOnTimeRate). */
export type RowFigureName = Exclude<FigureName, 'screeningOnTimeRate'>;

/**
 * The rates of docs/domain.md §10 as conditions on their rows, in exactly the words of
 * `FIGURES[name].definition` (@xinfang/domain): the figure counts these rows, its drill-down lists
 * them, so the two cannot differ. (screeningOnTimeRate counts screening periods, derived from the
 * cadence rules rather than stored: figures.service.ts.)
 */
export const ROW_FIGURES: Record<RowFigureName, RowFigure> = {
  closureRate: {
    entity: 'Petition',
    denominator: ({ from, to }) => ({ acceptedAt: within(from, to) }),
    numerator: ({ from, to }) => ({ acceptedAt: within(from, to), status: 'CLOSED', closedAt: { $lte: to } }),
  },
  initialClosureRate: {
    entity: 'Petition',
    denominator: ({ from, to }) => ({ isInitial: true, receivedAt: within(from, to) }),
    numerator: ({ from, to }) => ({ isInitial: true, receivedAt: within(from, to), status: 'CLOSED', closedAt: { $lte: to } }),
  },
  onTimeRate: {
    entity: 'Petition',
    denominator: ({ from, to }) => ({ answeredAt: within(from, to) }),
    numerator: ({ from, to }) => ({ answeredAt: within(from, to), answeredOnTime: true }),
  },
  satisfactionRate: {
    entity: 'Petition',
    denominator: ({ from, to }) => ({ ratedAt: within(from, to), satisfaction: { $ne: null } }),
    numerator: ({ from, to }) => ({ ratedAt: within(from, to), satisfaction: { $in: ['SATISFIED', 'BASICALLY_SATISFIED'] } }),
  },
  settlementRate: {
    entity: 'Petition',
    // The key matters worked on in the period: received by its end, not declined, not closed before it began.
    denominator: ({ from, to }) => ({ isKeyMatter: true, receivedAt: { $lte: to }, status: { $ne: 'NOT_ACCEPTED' }, $or: [{ closedAt: null }, { closedAt: { $gte: from } }] }),
    numerator: ({ from, to }) => ({ isKeyMatter: true, receivedAt: { $lte: to }, status: 'CLOSED', closedAt: within(from, to), petitionerSettled: true }),
  },
  hardCaseResolutionRate: {
    entity: 'Petition',
    // The key matters and backlog cases worked on in the period, as the settlement rate's.
    denominator: ({ from, to }) => ({ $or: [{ isKeyMatter: true }, { isBacklog: true }], receivedAt: { $lte: to }, status: { $ne: 'NOT_ACCEPTED' }, $and: [{ $or: [{ closedAt: null }, { closedAt: { $gte: from } }] }] }),
    numerator: ({ from, to }) => ({ $or: [{ isKeyMatter: true }, { isBacklog: true }], receivedAt: { $lte: to }, status: 'CLOSED', closedAt: within(from, to) }),
  },
  disputeResolutionRate: {
    entity: 'Dispute',
    denominator: ({ from, to }) => ({ reportedOn: within(from, to) }),
    numerator: ({ from, to }) => ({ reportedOn: within(from, to), status: 'RESOLVED' }),
  },
  repeatRate: {
    entity: 'Petition',
    denominator: ({ from, to }) => ({ receivedAt: within(from, to) }),
    numerator: ({ from, to }) => ({ receivedAt: within(from, to), isInitial: false }),
  },
  supervisionOnTimeRate: {
    entity: 'SupervisionOrder',
    denominator: ({ from, to }) => ({ issuedOn: within(from, to) }),
    numerator: ({ from, to }) => ({ issuedOn: within(from, to), status: 'ACCEPTED', metOnTime: true }),
  },
};

/** The counts behind the rates, over the petitions of the scope. */
export const COUNTS = {
  received: ({ from, to }: Period): object => ({ receivedAt: within(from, to) }),
  accepted: ({ from, to }: Period): object => ({ acceptedAt: within(from, to) }),
  closed: ({ from, to }: Period): object => ({ status: 'CLOSED', closedAt: within(from, to) }),
  /** Received in the period, still open, and past its current deadline today. */
  overdue: ({ from, to, today }: Period): object => ({ receivedAt: within(from, to), ...OPEN, currentDeadline: { $lt: today } }),
  /** Backlog (信访积案) worked on in the period: received by its end, not closed before it began. */
  backlog: ({ from, to }: Period): object => ({ isBacklog: true, receivedAt: { $lte: to }, status: { $ne: 'NOT_ACCEPTED' }, $or: [{ closedAt: null }, { closedAt: { $gte: from } }] }),
  /** Received in the period, still open, its current deadline today or within three days (the yellow warning). */
  dueSoon: ({ from, to, today }: Period): object => ({ receivedAt: within(from, to), ...OPEN, currentDeadline: { $gte: today, $lte: addDays(today, 3) } }),
  /** Key matters (重点信访事项) worked on in the period: the settlement rate's denominator. */
  keyMatters: (p: Period): object => ROW_FIGURES.settlementRate.denominator(p),
  /** Closed in the period in harmony with the petitioner (和谐闭合). */
  harmoniouslyClosed: ({ from, to }: Period): object => ({ status: 'CLOSED', closedAt: within(from, to), resolvedHarmoniously: true }),
};
export type CountName = keyof typeof COUNTS;
/** The counts in the order the dashboard shows them. */
export const COUNT_NAMES = Object.keys(COUNTS) as CountName[];
