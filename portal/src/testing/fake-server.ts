import urql, { Client, fetchExchange } from '@urql/vue';
import type { Plugin } from 'vue';
import { setApiClient } from '@/api/client';
import type { FakeAnswer } from './fake-api';

/** One operation the fake server was sent: its name and variables. */
export interface FakeCall {
  operation: string;
  variables: Record<string, unknown>;
}

export type FakeHandlers = Record<string, (variables: Record<string, unknown>, calls: FakeCall[]) => FakeAnswer>;

/**
 * A GraphQL server in a function, for components that query (`useQuery`, `useMutation`) as well as
 * for the stores: a real urql client whose `fetch` answers each operation, by name, from a script.
 * An operation without a script fails the test that sent it.
 */
export function fakeServer(handlers: FakeHandlers) {
  const calls: FakeCall[] = [];
  const answer = (body: { operationName?: string; variables?: Record<string, unknown> }) => {
    const operation = body.operationName ?? '';
    const variables = body.variables ?? {};
    calls.push({ operation, variables });
    const handler = handlers[operation];
    if (!handler) return { data: null, errors: [{ message: `The fake server has no answer for ${operation}.` }] };
    const a = handler(variables, calls);
    return 'data' in a ? { data: a.data } : { data: null, errors: [{ message: 'refused', extensions: a.error }] };
  };
  const client = new Client({
    url: 'http://portal.test/graphql',
    requestPolicy: 'network-only',
    // As the portal's own client: every operation a POST with a JSON body.
    preferGetMethod: false,
    exchanges: [fetchExchange],
    fetch: async (_url, init) => {
      const body = JSON.parse(String(init?.body ?? '{}')) as Parameters<typeof answer>[0];
      return new Response(JSON.stringify(answer(body)), { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
  setApiClient(client);
  /** The calls of one operation, by name. */
  const callsOf = (operation: string) => calls.filter((c) => c.operation === operation).map((c) => c.variables);
  return { client, calls, callsOf, plugin: [urql as Plugin, client] as [Plugin, Client] };
}
