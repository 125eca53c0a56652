import type { CombinedError } from '@urql/vue';
import { describeError, reasonOf } from '@/api/error-message';

type Translate = (key: string, params?: Record<string, number | string>) => string;
type Failure = Pick<CombinedError, 'graphQLErrors' | 'networkError'>;

/** The reasons (`extensions.reason`) of the supervision module with a sentence under `supervision.errors`. */
export const SUPERVISION_REASONS = new Set<string>([
  'ONE_TARGET',
  'DUE_IN_THE_PAST',
  'NO_REPORT_OWED',
  'NOT_REPORTED',
  'ORDER_OF_ANOTHER_UNIT',
  'CIRCULAR_OF_ANOTHER_UNIT',
  'NO_ITEMS',
  'DUPLICATE_PETITION',
  'NOT_A_COUNTY_LEADER',
  'ALREADY_DONE',
]);

/** Server input fields with a sentence of their own under `supervision.errors.field`. */
const FIELDS = new Set<string>([
  'requirement',
  'dueOn',
  'report',
  'reason',
  'unitId',
  'petitionId',
  'title',
  'failure',
  'publishedOn',
  'post',
  'authority',
  'decidedOn',
  'measureDetail',
  'heldOn',
  'chairUserId',
  'attendingUnitIds',
  'items',
  'note',
]);

/** The sentence key of a server field: a conference task's due day (`items[0].tasks[1].dueOn`) has its own. */
function fieldKey(field: string): string | null {
  if (/^items\[\d+\]\.tasks\[\d+\]\.dueOn$/.test(field)) return 'taskDueOn';
  return FIELDS.has(field) ? field : null;
}

/**
 * A refused supervision or conference request in the user's words: a reason of the module first,
 * then a field it names, then FORBIDDEN and NOT_FOUND in its own words, then the shared sentences
 * (CONFLICT, EXPORT_TOO_LARGE, UNSTORABLE_CHARACTER, …) of error-message.ts.
 */
export function supervisionErrorMessage(error: Failure, t: Translate): string {
  const description = describeError(error);
  const reason = reasonOf(error);
  if (reason && SUPERVISION_REASONS.has(reason)) return t(`supervision.errors.${reason}`);
  if (description.reason) return t(description.key, description.params);
  if (description.code === 'BAD_USER_INPUT' && description.field) {
    const key = fieldKey(description.field);
    if (key) return t(`supervision.errors.field.${key}`);
  }
  if (description.code === 'FORBIDDEN') return t('supervision.errors.FORBIDDEN');
  if (description.code === 'NOT_FOUND') return t('supervision.errors.NOT_FOUND');
  return t(description.key, description.params);
}
