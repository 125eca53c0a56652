import type { CombinedError } from '@urql/vue';
import { describeError, reasonOf, type ErrorDescription } from '@/api/error-message';

type Translate = (key: string, params?: Record<string, number | string>) => string;

/** The petition reasons (`extensions.reason`) with a sentence under `petitionWork.errors`. */
export const PETITION_REASONS = new Set<string>([
  'INVALID_TRANSITION',
  'OBJECTION_PERIOD_OVER',
  'EXTENSION_ALREADY_REQUESTED',
  'NO_EXTENSION_REQUESTED',
  'NOT_RATEABLE',
  'REVIEW_PENDING',
  'REVIEW_DECIDED',
  'APPEAL_PERIOD_OVER',
  'FINAL_MATTER',
  'ACCUSED_UNIT',
  'ACCUSATION_TO_DISCIPLINE',
  'NOT_A_HANDLER',
  'INVALID_ID_NUMBER',
  'NOT_A_HARD_CASE',
  'CASE_CLOSED',
  'NOT_A_COUNTY_LEADER',
]);

/** Server input fields refused without a reason that have a sentence of their own. */
const FIELD_KEYS: Record<string, string> = {
  'petitioner.phone': 'petitionerPhone',
  'petitioner.name': 'petitionerName',
  receivedAt: 'receivedAt',
  headcount: 'headcount',
  categoryCode: 'categoryCode',
  locationUnitId: 'locationUnitId',
  sentAt: 'sentAt',
  answeredAt: 'answeredAt',
  days: 'days',
  requestedAt: 'requestedAt',
  hearingDays: 'hearingDays',
  subject: 'subject',
  content: 'content',
  resolutionPlanOn: 'planOn',
  stabilityPlanOn: 'planOn',
};

/**
 * A refused petition request in the user's words: a petition reason first, then a petition field,
 * then the shared sentences (CONFLICT, FORBIDDEN, …) of error-message.ts.
 */
export function petitionErrorMessage(error: Pick<CombinedError, 'graphQLErrors' | 'networkError'>, t: Translate): string {
  const description: ErrorDescription = describeError(error);
  const reason = reasonOf(error);
  if (reason && PETITION_REASONS.has(reason)) return t(`petitionWork.errors.${reason}`);
  if (description.code === 'BAD_USER_INPUT' && description.field && FIELD_KEYS[description.field]) {
    return t(`petitionWork.errors.field.${FIELD_KEYS[description.field]}`);
  }
  if (description.code === 'NOT_FOUND') return t('petitionWork.errors.NOT_FOUND');
  return t(description.key, description.params);
}

/**
 * A refused 包案 in the user's words: FORBIDDEN there means a county leader naming another leader, or
 * changing a case another leader owns; the rest as any petition refusal.
 */
export function ownershipErrorMessage(error: Pick<CombinedError, 'graphQLErrors' | 'networkError'>, t: Translate): string {
  if (describeError(error).code === 'FORBIDDEN') return t('petitionWork.errors.FORBIDDEN_OWNERSHIP');
  return petitionErrorMessage(error, t);
}
