import { Client, fetchExchange, makeOperation, mapExchange, type Operation } from '@urql/vue';
import { isUnauthenticated } from './error-message';

/** What the API client needs to know of the session, without depending on the store itself. */
export interface SessionHooks {
  /** The current bearer token, read afresh for every request. */
  token(): string | null;
  /** A request that carried a token was refused as not signed in: the session is over. */
  onSessionLost(): void;
}

/** The token an operation was sent with, baked in by `withToken`. */
const tokenOf = (operation: Operation): string | null => {
  const options = operation.context.fetchOptions;
  const headers = (typeof options === 'function' ? options() : options)?.headers as Record<string, string> | undefined;
  return headers?.authorization?.replace(/^Bearer /, '') ?? null;
};

/** Fixes the token into the operation when it leaves, so that its answer can be matched to it. */
const withToken = (operation: Operation, token: string | null): Operation => {
  if (!token) return operation;
  const options = operation.context.fetchOptions;
  const base = (typeof options === 'function' ? options() : options) ?? {};
  return makeOperation(operation.kind, operation, {
    ...operation.context,
    fetchOptions: { ...base, headers: { ...(base.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` } },
  });
};

/**
 * The portal's GraphQL client. No document cache: a cache keyed by query would show one user's
 * answers to the next user who signs in on the same browser, and these lists are small.
 */
export function createApiClient(hooks: SessionHooks, url = '/graphql'): Client {
  return new Client({
    url,
    requestPolicy: 'network-only',
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onOperation: (operation) => withToken(operation, hooks.token()),
        onError(error, operation) {
          // Only the session that sent the request ends: an answer to a request of a previous
          // session (or to the sign-in itself) says nothing about the current one.
          const sent = tokenOf(operation);
          if (sent && sent === hooks.token() && isUnauthenticated(error)) hooks.onSessionLost();
        },
      }),
      fetchExchange,
    ],
  });
}

let current: Client | null = null;

/** Makes a client the one that stores and plain modules use (the components get it from urql's provide). */
export function setApiClient(client: Client): void {
  current = client;
}

/** The client set by `setApiClient`, for code that runs outside a component's setup. */
export function apiClient(): Client {
  if (!current) throw new Error('The API client is not set up: call setApiClient() first.');
  return current;
}
