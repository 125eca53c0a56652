import { CombinedError, type Client } from '@urql/vue';
import { GraphQLError } from 'graphql';
import { setApiClient } from '@/api/client';

/** A sign-in answer: data, or a server error with these extensions. */
export type FakeAnswer = { data: unknown } | { error: Record<string, unknown> };

/** Stands in for the API client of the stores: records the mutations, answers from a script. */
export function fakeApi(answer: (variables: Record<string, unknown>) => FakeAnswer) {
  const calls: Record<string, unknown>[] = [];
  const client = {
    mutation(_document: unknown, variables: Record<string, unknown>) {
      calls.push(variables);
      const a = answer(variables);
      const result =
        'data' in a
          ? { data: a.data, error: undefined }
          : { data: undefined, error: new CombinedError({ graphQLErrors: [new GraphQLError('refused', { extensions: a.error })] }) };
      return { toPromise: () => Promise.resolve(result) };
    },
  };
  setApiClient(client as unknown as Client);
  return { calls };
}
