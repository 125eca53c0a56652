import type { CombinedError } from '@urql/vue';
import { PASSWORD_MIN_LENGTH } from '@xinfang/domain';

/** The codes every server error carries in `extensions.code` (server/src/common/errors.ts). */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'SERVICE_UNAVAILABLE';

/** What a failed request means to the user: an i18n key of `error.*` and its parameters. */
export interface ErrorDescription {
  key: `error.${string}`;
  params: Record<string, number | string>;
  code: ErrorCode | 'NETWORK' | 'UNKNOWN';
  reason?: string;
  /** The input field at fault, when the server named one (`extensions.field`). */
  field?: string;
}

type Translate = (key: string, params: Record<string, number | string>) => string;

/** The part of a GraphQL error the portal reads; urql's CombinedError and plain JSON both fit. */
interface ErrorLike {
  extensions?: Record<string, unknown> | null;
}

const CODES = new Set<string>(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'SERVICE_UNAVAILABLE']);
/** The reasons the portal has a sentence for; any other falls back to the field, then the code. */
const REASONS = new Set<string>([
  'BAD_CREDENTIALS',
  'LOGIN_LOCKED',
  'SESSION_EXPIRED',
  'USERNAME_TAKEN',
  'ROLE_DOES_NOT_FIT_UNIT',
  'SELF_LOCKOUT',
  'WRONG_PARENT_KIND',
  'NAME_TAKEN',
  'WRONG_CURRENT_PASSWORD',
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_SAME_AS_USERNAME',
  'PASSWORD_UNCHANGED',
  'EXPORT_TOO_LARGE',
  'UNSTORABLE_CHARACTER',
]);

/** The longest password the server takes (`passwordProblem` in @xinfang/domain). */
export const PASSWORD_MAX_LENGTH = 200;

/** Input fields refused without a reason (a malformed value) that have a sentence of their own. */
const FIELDS = new Set<string>(['username', 'displayName', 'roles', 'name']);

/** The parameters a reason's sentence needs. */
function reasonParams(reason: string, extensions: Record<string, unknown>): Record<string, number | string> {
  if (reason === 'LOGIN_LOCKED') {
    const seconds = Number(extensions.retryAfterSeconds);
    // Rounded up: "try again in 0 minutes" would invite a retry that is still refused.
    return { minutes: Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 1 };
  }
  if (reason === 'PASSWORD_TOO_SHORT') return { min: PASSWORD_MIN_LENGTH };
  if (reason === 'PASSWORD_TOO_LONG') return { max: PASSWORD_MAX_LENGTH };
  // Plain numbers: vue-i18n writes them with the reader's grouping.
  if (reason === 'EXPORT_TOO_LARGE') return { rows: Number(extensions.rows), limit: Number(extensions.limit) };
  if (reason === 'UNSTORABLE_CHARACTER') return { character: typeof extensions.character === 'string' ? extensions.character : '' };
  return {};
}

/** The first coded error of a response: the one that decides what the user is told. */
export function firstCode(errors: readonly ErrorLike[]): { code: ErrorCode; extensions: Record<string, unknown> } | null {
  for (const error of errors) {
    const code = error.extensions?.code;
    if (typeof code === 'string' && CODES.has(code)) return { code: code as ErrorCode, extensions: error.extensions ?? {} };
  }
  return null;
}

/**
 * Reads a failed request: a known reason first (it says more than the code), then a malformed field,
 * then the code; a request that never reached the server is a network error, anything else unknown.
 */
export function describeError(error: Pick<CombinedError, 'graphQLErrors' | 'networkError'>): ErrorDescription {
  const coded = firstCode(error.graphQLErrors);
  if (coded) {
    const { reason, field: rawField } = coded.extensions;
    const field = typeof rawField === 'string' ? { field: rawField } : {};
    if (typeof reason === 'string' && REASONS.has(reason)) {
      return { key: `error.${reason}`, params: reasonParams(reason, coded.extensions), code: coded.code, reason, ...field };
    }
    if (coded.code === 'BAD_USER_INPUT' && field.field && FIELDS.has(field.field)) {
      return { key: `error.field.${field.field}`, params: {}, code: coded.code, ...field };
    }
    return { key: `error.${coded.code}`, params: {}, code: coded.code, ...field };
  }
  if (error.networkError && error.graphQLErrors.length === 0) return { key: 'error.NETWORK', params: {}, code: 'NETWORK' };
  return { key: 'error.UNKNOWN', params: {}, code: 'UNKNOWN' };
}

/** The raw reason of a refusal (`extensions.reason`), whether or not the table above knows it. */
export function reasonOf(error: Pick<CombinedError, 'graphQLErrors'>): string | undefined {
  for (const e of error.graphQLErrors) {
    const reason = e.extensions?.reason;
    if (typeof reason === 'string') return reason;
  }
  return undefined;
}

/** The sentence to show for a failed request, in the user's language. */
export function errorMessage(error: Pick<CombinedError, 'graphQLErrors' | 'networkError'>, t: Translate): string {
  const { key, params } = describeError(error);
  return t(key, params);
}

/** Whether a failed request says the caller is not (or no longer) signed in. */
export function isUnauthenticated(error: Pick<CombinedError, 'graphQLErrors'>): boolean {
  return firstCode(error.graphQLErrors)?.code === 'UNAUTHENTICATED';
}
