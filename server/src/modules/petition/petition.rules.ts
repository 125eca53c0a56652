import { randomInt } from 'node:crypto';
import { addDays, isCalendarDate, petitionDeadlines, shanghaiDate, warningFor, type Deadlines, type HolidayCalendar, type PetitionAction, type Warning } from '@xinfang/domain';
import type { Petition } from './petition.entity.js';

/**
 * The rules of one petition that need no database: its deadlines, its warning, whether it may be
 * rated, and each action's own guard beyond the state machine (docs/domain.md §4). The queries, the
 * workflow and the receipt page all ask here, so that the list, the detail and a transition agree.
 */

const RECEIPT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const ALL_ACTIONS: PetitionAction[] = [
  'accept', 'decline', 'assign', 'object', 'notify', 'answer', 'requestExtension', 'decideExtension',
  'rate', 'requestReview', 'decideReview', 'close', 'followUp', 'instruct',
];

/** Today in the county's time zone, the day every deadline is compared with. */
export const today = (): string => shanghaiDate();

/** The same day `years` years before (29 February → 28 February). */
export function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isCalendarDate(target) ? target : addDays(`${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`, d - 2);
}

/** A case open since this day or before it is backlog (信访积案): exactly two years. */
export const backlogCutoff = (day: string = today()): string => yearsBefore(day, 2);

/** The receipt code given to the petitioner: 10 characters that cannot be misread, as XXXXX-XXXXX. */
export function newReceiptCode(): string {
  const chars = Array.from({ length: 10 }, () => RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** A petition's deadlines under its county's calendar: only an approved extension counts. */
export function deadlinesOf(p: Petition, calendar: HolidayCalendar): Deadlines {
  return petitionDeadlines(
    {
      status: p.status,
      receivedAt: p.receivedAt,
      acceptedAt: p.acceptedAt,
      assignedAt: p.assignedAt,
      noticeSentAt: p.noticeSentAt,
      extensionDays: p.extensionStatus === 'APPROVED' ? p.extensionDays : 0,
      answeredAt: p.answeredAt,
      reviewRequestedAt: p.reviewRequestedAt,
      reviewDecidedAt: p.reviewDecidedAt,
      reReviewRequestedAt: p.reReviewRequestedAt,
      reReviewDecidedAt: p.reReviewDecidedAt,
      hearingDays: p.hearingDays,
    },
    calendar,
  );
}

/** YELLOW within three days of the current deadline, RED after it. */
export const warningOf = (p: Petition): Warning => warningFor(p.currentDeadline, today());

/** Whether the answer is out and not rated yet: the petitioner (or the bureau) may rate it now. */
export function canRate(p: Petition): boolean {
  return !!p.answeredAt && p.satisfaction === null && ['ANSWERED', 'REVIEW', 'RE_REVIEW'].includes(p.status);
}

/** Why an action cannot be taken now beyond the state and the rules, or null. */
export function guard(action: PetitionAction, p: Petition, today: string, calendar: HolidayCalendar): { reason: string; message: string } | null {
  const d = deadlinesOf(p, calendar);
  switch (action) {
    case 'object':
      if (d.objectionBy && today > d.objectionBy) return { reason: 'OBJECTION_PERIOD_OVER', message: `Objections were due by ${d.objectionBy}.` };
      return null;
    case 'requestExtension':
      if (p.extensionStatus !== 'NONE') return { reason: 'EXTENSION_ALREADY_REQUESTED', message: 'A petition gets one extension at most.' };
      return null;
    case 'decideExtension':
      if (p.extensionStatus !== 'REQUESTED') return { reason: 'NO_EXTENSION_REQUESTED', message: 'No extension is waiting for a decision.' };
      return null;
    case 'rate':
      if (!canRate(p)) return { reason: 'NOT_RATEABLE', message: 'The answer has been rated already, or is not out yet.' };
      return null;
    case 'requestReview':
      if (p.status === 'REVIEW' && !p.reviewDecidedAt) return { reason: 'REVIEW_PENDING', message: 'The review has not been decided yet.' };
      if (d.appealRequestBy && today > d.appealRequestBy) return { reason: 'APPEAL_PERIOD_OVER', message: `A request was due by ${d.appealRequestBy}.` };
      return null;
    case 'decideReview':
      if (p.status === 'REVIEW' && p.reviewDecidedAt) return { reason: 'REVIEW_DECIDED', message: 'The review is decided; a re-review must be requested first.' };
      return null;
    case 'close':
      if (p.status === 'REVIEW' && !p.reviewDecidedAt) return { reason: 'REVIEW_PENDING', message: 'Decide the review before closing.' };
      if (p.status === 'RE_REVIEW') return { reason: 'REVIEW_PENDING', message: 'Decide the re-review: that closes the matter.' };
      return null;
    default:
      return null;
  }
}

/**
 * A petition's deadline columns after a change: the current deadline (its warning) and whether its
 * answer came by the answer deadline (onTimeRate), both from the same deadlines.
 */
export function keepDeadlines(p: Petition, calendar: HolidayCalendar): void {
  const d = deadlinesOf(p, calendar);
  p.currentDeadline = d.current;
  p.answeredOnTime = p.answeredAt ? (d.answerBy ? p.answeredAt <= d.answerBy : null) : null;
}
