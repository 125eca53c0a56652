import { gql, signIn, type GraphQLAnswer } from './api-server.js';

/** The fields the petition tests read back. */
export const PETITION_FIELDS = `id number version status kind channel receivedAt headcount isCollective isInitial
  subject content respondentName answerText receiptCode
  petitioner { name idNumber phone address }
  category { code name } locationUnit { id name } handlingUnit { id name } respondentUnit { id name }
  deadlines { acceptBy noticeBy answerBy objectionBy appealRequestBy reviewBy current }
  warning extensionStatus extensionDays satisfaction isFinal petitionerSettled isKeyMatter isBacklog
  repeatOf { id number }
  availableActions
  timeline { type actorName fromStatus toStatus note handlingUnit }`;

/** A signed-in client for one demo account, with the petition operations by name. */
export class Client {
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  static async as(url: string, username: string, password = 'xinfang-demo'): Promise<Client> {
    return new Client(url, await signIn(url, username, password));
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers of many shapes
  query<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer<T>> {
    return gql<T>(this.url, query, variables, this.token);
  }

  register(input: Record<string, unknown>) {
    return this.query(`mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { ${PETITION_FIELDS} } }`, { input });
  }

  petition(id: string) {
    return this.query(`query($id: ID!) { petition(id: $id) { ${PETITION_FIELDS} } }`, { id });
  }

  /** Runs a petition mutation by name with `id`, `version` and its own arguments. */
  act(mutation: string, id: string, version: number, args: Record<string, unknown> = {}, types: Record<string, string> = {}) {
    const declared = Object.keys(args).map((k) => `, $${k}: ${types[k] ?? 'String!'}`).join('');
    const passed = Object.keys(args).map((k) => `, ${k}: $${k}`).join('');
    return this.query(`mutation($id: ID!, $version: Int!${declared}) { ${mutation}(id: $id, version: $version${passed}) { ${PETITION_FIELDS} } }`, { id, version, ...args });
  }
}

/** The data of an answer, or a failure that names the errors. */
export function ok<T>(answer: GraphQLAnswer<T>): T {
  if (answer.errors?.length || !answer.data) throw new Error(`expected success, got ${answer.text}`);
  return answer.data;
}
