import { GraphQLError } from 'graphql';

/** The stable `extensions.code` values every client may rely on. */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

/**
 * An error meant for the client: a stable code, a plain message, and an optional `reason` that the
 * portal turns into a sentence in the user's language.
 */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const badInput = (message: string, extra: Record<string, unknown> = {}) =>
  new AppError('BAD_USER_INPUT', message, extra);
export const unauthenticated = (message = 'Sign in to continue.', extra: Record<string, unknown> = {}) =>
  new AppError('UNAUTHENTICATED', message, extra);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError('FORBIDDEN', message);
/** The same answer whether the thing does not exist or lies outside the caller's scope. */
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found.`);
export const conflict = (message = 'Someone else changed this record; reload it and try again.', extra: Record<string, unknown> = {}) =>
  new AppError('CONFLICT', message, extra);
