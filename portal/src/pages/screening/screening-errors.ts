import type { CombinedError } from '@urql/vue';
import { describeError, reasonOf, type ErrorDescription } from '@/api/error-message';

type Translate = (key: string, params?: Record<string, number | string>) => string;
type Failure = Pick<CombinedError, 'graphQLErrors' | 'networkError'>;

/** The screening reasons (`extensions.reason`) with a sentence under `screening.errors`. */
export const SCREENING_REASONS = new Set<string>([
  'NOT_SCREENING_UNIT',
  'NOT_A_PERIOD',
  'PERIOD_NOT_STARTED',
  'ZERO_WITH_DISPUTES',
  'NO_DISPUTES',
  'ALREADY_SUBMITTED',
  'ALREADY_REVIEWED',
  'DISPUTE_IN_USE',
  'RESOLVED',
  'ESCALATED',
  'STATUS_MOVE',
  'NOT_MAJOR',
  'ALREADY_LINKED',
  // setScreeningRule: the month a rule starts from, and its due day.
  'NOT_FIRST_OF_MONTH',
  'NOT_IN_FUTURE',
  'DUE_AFTER_DAYS',
  'RUNNING_PERIOD',
  // cancelScreeningRule
  'IN_FORCE',
  // correctScreeningReport, submitScreeningReport
  'VETO_EVIDENCE',
  'ARISEN_AFTER_PERIOD',
]);

/** Input fields refused without a reason: the last part of the server's path (`disputes.2.parties`). */
const FIELD_KEYS = new Set(['categoryCode', 'headcount', 'arisenOn', 'resolveBy', 'parties', 'summary', 'note', 'reason', 'resolutionNote', 'disputes', 'unitKind']);

/** What was being done, for the sentences that depend on it: who conflicted, what was not found. */
export type ScreeningTarget = 'submit' | 'report' | 'dispute' | 'link' | 'rule';

const CONFLICT: Record<ScreeningTarget, string> = {
  submit: 'screening.errors.SUBMIT_CONFLICT',
  report: 'screening.errors.REPORT_CONFLICT',
  dispute: 'screening.errors.DISPUTE_CONFLICT',
  link: 'screening.errors.DISPUTE_CONFLICT',
  rule: 'screening.errors.RULE_CONFLICT',
};
const NOT_FOUND: Record<ScreeningTarget, string> = {
  submit: 'screening.errors.REPORT_NOT_FOUND',
  report: 'screening.errors.REPORT_NOT_FOUND',
  dispute: 'screening.errors.DISPUTE_NOT_FOUND',
  link: 'screening.errors.PETITION_NOT_FOUND',
  rule: 'error.NOT_FOUND',
};

/**
 * A refused screening request in the user's words: a screening reason first, then the field at
 * fault, then what a conflict or a missing record means here, then the shared sentences of
 * error-message.ts (FORBIDDEN, NETWORK, …).
 */
export function screeningErrorMessage(error: Failure, t: Translate, target: ScreeningTarget): string {
  const description: ErrorDescription = describeError(error);
  const reason = reasonOf(error);
  if (reason && SCREENING_REASONS.has(reason)) return t(`screening.errors.${reason}`);
  if (description.code === 'CONFLICT') return t(CONFLICT[target]);
  if (description.code === 'NOT_FOUND') return t(NOT_FOUND[target]);
  if (description.code === 'FORBIDDEN' && (target === 'submit' || target === 'report')) return t('screening.errors.FORBIDDEN');
  if (description.code === 'FORBIDDEN' && target === 'rule') return t('screening.errors.RULE_FORBIDDEN');
  const last = description.field?.split('.').at(-1);
  if (description.code === 'BAD_USER_INPUT' && last && FIELD_KEYS.has(last)) return t(`screening.errors.field.${last}`);
  return t(description.key, description.params);
}

/**
 * The form prop of a field the server refused: a dispute row's field (`disputes.2.parties`, or
 * `addDisputes.2.parties` in a correction) is the row editor's `disputes.2.parties`; the form's own
 * fields keep their names. Null for a field the form does not show.
 */
export function formPropOf(field: string | undefined, own: readonly string[]): string | null {
  if (!field) return null;
  const row = /^(?:disputes|addDisputes)\.(\d+)\.(\w+)$/.exec(field);
  if (row) return `disputes.${row[1]}.${row[2]}`;
  return own.includes(field) ? field : null;
}
