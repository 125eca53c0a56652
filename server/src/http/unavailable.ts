import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';

/** Seconds a client is asked to wait before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

export const UNAVAILABLE_MESSAGE = 'The service is temporarily unavailable: the database cannot be reached. Try again in a few seconds.';

// Socket errors of the driver, and the SQLSTATEs of a server that is gone, going or not yet there:
// class 08 (connection exception), 57P01-57P03 (shut down by the administrator, crashed, starting
// up), 53300 (too many connections).
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const SERVER_GONE = /^(08...|57P0[123]|53300)$/;
// node-postgres and knex say it only in words.
const GONE_MESSAGES = [
  /Connection terminated/i,
  // knex marks a connection whose socket ended this way, and may throw the bare string later.
  /Connection ended unexpectedly/i,
  /Client has encountered a connection error/i,
  /Client was closed and is not queryable/i,
  /Timeout acquiring a connection/i,
  /Unable to acquire a connection/i,
  /connect ECONNREFUSED/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/** Whether an error (or its cause) says the database cannot be reached, rather than refused a query. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error === 'string') return GONE_MESSAGES.some((re) => re.test(error));
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; originalError?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (SOCKET_CODES.has(e.code) || SERVER_GONE.test(e.code))) return true;
  if (e.name === 'KnexTimeoutError' || e.name === 'ConnectionException') return true;
  if (typeof e.message === 'string' && GONE_MESSAGES.some((re) => re.test(e.message as string))) return true;
  // AggregateError (a connect to every resolved address failed) and wrapped errors.
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.originalError, depth + 1);
}

/** The request error a client gets while the database is unreachable: 503 with Retry-After. */
export function serviceUnavailable(): GraphQLError {
  return new GraphQLError(UNAVAILABLE_MESSAGE, {
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      retryAfterSeconds: RETRY_AFTER_SECONDS,
      http: { status: 503, headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
    },
  });
}
