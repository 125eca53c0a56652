import type { CombinedError } from '@urql/vue';
import { describeError, firstCode, reasonOf } from '@/api/error-message';

type Translate = (key: string, params?: Record<string, number | string>) => string;
type Failure = Pick<CombinedError, 'graphQLErrors' | 'networkError'>;

/** The reasons (`extensions.reason`) of the assessment module with a sentence under `assessment.errors`. */
export const ASSESSMENT_REASONS = new Set<string>([
  'REVIEW_CLOSED',
  'ONE_TARGET',
  'ALREADY_DECIDED',
  'ALREADY_ANSWERED',
  'NOT_COMPUTED',
  'REVIEW',
  'PUBLISHED',
  'NOT_REVIEWED',
  'REVIEW_OPEN',
  'OBJECTIONS_OPEN',
  'VETOES_UNDECIDED',
]);

/** Server input fields with a sentence of their own under `assessment.errors.field`. */
const FIELDS = new Set<string>(['reason', 'answer', 'correction', 'unitId', 'indicatorFigure', 'vetoId']);

/**
 * A refused assessment request in the user's words: a reason of the module first (with the day the
 * review ends, or how many objections or vetoes are still open), then a field it names, then
 * FORBIDDEN and NOT_FOUND in its own words, then the shared sentences of error-message.ts.
 */
export function assessmentErrorMessage(error: Failure, t: Translate): string {
  const description = describeError(error);
  const reason = reasonOf(error);
  if (reason && ASSESSMENT_REASONS.has(reason)) {
    const extensions = firstCode(error.graphQLErrors)?.extensions ?? {};
    const day = typeof extensions.reviewEndsOn === 'string' ? extensions.reviewEndsOn : '';
    const count = Number(extensions.count);
    return t(`assessment.errors.${reason}`, { day, count: Number.isFinite(count) ? count : 0 });
  }
  if (description.reason) return t(description.key, description.params);
  if (description.code === 'BAD_USER_INPUT' && description.field && FIELDS.has(description.field)) return t(`assessment.errors.field.${description.field}`);
  if (description.code === 'FORBIDDEN') return t('assessment.errors.FORBIDDEN');
  if (description.code === 'NOT_FOUND') return t('assessment.errors.NOT_FOUND');
  return t(description.key, description.params);
}

/** Whether a failed read says there is nothing there for the caller (none, or out of view). */
export const isNotFound = (error: Failure): boolean => describeError(error).code === 'NOT_FOUND';

/** The reasons a scheme is refused with a sentence under `assessment.schemes.errors`. */
const SCHEME_REASONS = new Set<string>(['WEIGHTS_NOT_100', 'DUPLICATE_FIGURE', 'PUBLISHED']);

/**
 * A refused 考核方案 in the user's words: weights that do not add up to 100 (with their sum, from
 * `extensions.sum` or else the message), a figure used twice, a published year, a stale version;
 * anything else as the module's other refusals.
 */
export function schemeErrorMessage(error: Failure, t: Translate): string {
  const reason = reasonOf(error);
  const coded = firstCode(error.graphQLErrors);
  if (reason && SCHEME_REASONS.has(reason)) {
    if (reason !== 'WEIGHTS_NOT_100') return t(`assessment.schemes.errors.${reason}`);
    const fromExtensions = Number(coded?.extensions.sum);
    const fromMessage = Number(/add up to (\d+)/.exec(error.graphQLErrors.map((e) => e.message).join(' '))?.[1]);
    const sum = Number.isFinite(fromExtensions) ? fromExtensions : fromMessage;
    return Number.isFinite(sum) ? t('assessment.schemes.errors.WEIGHTS_NOT_100', { sum }) : t('assessment.schemes.errors.WEIGHTS_NOT_100_NO_SUM');
  }
  if (coded?.code === 'CONFLICT') return t('assessment.schemes.errors.CONFLICT');
  return assessmentErrorMessage(error, t);
}
