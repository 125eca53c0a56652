import type { CombinedError } from '@urql/vue';

/** The codes every server error carries in `extensions.code` (server/src/common/errors.ts). */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

/** What a failed request means to the user: an i18n key of `error.*` and its parameters. */
export interface ErrorDescription {
  key: `error.${string}`;
  params: Record<string, number | string>;
  code: ErrorCode | 'NETWORK' | 'UNKNOWN';
  reason?: string;
}

type Translate = (key: string, params: Record<string, number | string>) => string;

/** The part of a GraphQL error the portal reads; urql's CombinedError and plain JSON both fit. */
interface ErrorLike {
  extensions?: Record<string, unknown> | null;
}

const CODES = new Set<string>(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT']);
const REASONS = new Set<string>(['BAD_CREDENTIALS', 'LOGIN_LOCKED', 'SESSION_EXPIRED']);

/** The first coded error of a response: the one that decides what the user is told. */
export function firstCode(errors: readonly ErrorLike[]): { code: ErrorCode; extensions: Record<string, unknown> } | null {
  for (const error of errors) {
    const code = error.extensions?.code;
    if (typeof code === 'string' && CODES.has(code)) return { code: code as ErrorCode, extensions: error.extensions ?? {} };
  }
  return null;
}

/**
 * Reads a failed request: the sign-in reasons first (they say more than UNAUTHENTICATED), then the
 * code; a request that never reached the server is a network error, anything else unknown.
 */
export function describeError(error: Pick<CombinedError, 'graphQLErrors' | 'networkError'>): ErrorDescription {
  const coded = firstCode(error.graphQLErrors);
  if (coded) {
    const reason = coded.extensions.reason;
    if (typeof reason === 'string' && REASONS.has(reason)) {
      const params: Record<string, number> = {};
      if (reason === 'LOGIN_LOCKED') {
        const seconds = Number(coded.extensions.retryAfterSeconds);
        // Rounded up: "try again in 0 minutes" would invite a retry that is still refused.
        params.minutes = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 1;
      }
      return { key: `error.${reason}`, params, code: coded.code, reason };
    }
    return { key: `error.${coded.code}`, params: {}, code: coded.code };
  }
  if (error.networkError && error.graphQLErrors.length === 0) return { key: 'error.NETWORK', params: {}, code: 'NETWORK' };
  return { key: 'error.UNKNOWN', params: {}, code: 'UNKNOWN' };
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
