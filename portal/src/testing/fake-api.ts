import { CombinedError, type Client } from '@urql/vue';
import { GraphQLError } from 'graphql';
import { setApiClient } from '@/api/client';

/** A sign-in answer: data, or a server error with these extensions. */
export type FakeAnswer = { data: unknown } | { error: Record<string, unknown> };

/** A mutation as the fake client received it: the operation's name, its variables and its context. */
export interface FakeOperation {
  name: string | undefined;
  variables: Record<string, unknown>;
  context: Record<string, unknown> | undefined;
}

/** Stands in for the API client of the stores: records the mutations, answers from a script. */
export function fakeApi(answer: (variables: Record<string, unknown>, name: string | undefined) => FakeAnswer) {
  const calls: Record<string, unknown>[] = [];
  const operations: FakeOperation[] = [];
  const client = {
    mutation(document: { definitions?: Array<{ name?: { value: string } }> }, variables: Record<string, unknown>, context?: Record<string, unknown>) {
      const name = document.definitions?.[0]?.name?.value;
      calls.push(variables);
      operations.push({ name, variables, context });
      const a = answer(variables, name);
      const result =
        'data' in a
          ? { data: a.data, error: undefined }
          : { data: undefined, error: new CombinedError({ graphQLErrors: [new GraphQLError('refused', { extensions: a.error })] }) };
      return { toPromise: () => Promise.resolve(result) };
    },
  };
  setApiClient(client as unknown as Client);
  return { calls, operations };
}
