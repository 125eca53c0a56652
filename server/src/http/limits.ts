import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, parse, validate, type ASTVisitor, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import type { RequestContext } from '../common/context.js';

/**
 * The limits a document must keep to be run. The portal's largest operation has about 130 tokens, a
 * depth of 5, no aliases and no directives: these leave room for every honest client and refuse a
 * hostile document while it is parsed or validated, before a resolver (or a SQL statement) runs.
 */
export const QUERY_LIMITS = {
  /** Lexical tokens, counted by graphql-js's own parser, which stops at the limit. */
  maxTokens: 5000,
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 20,
  maxCost: 20000,
} as const;

/** graphql-js's words when it stops at the token limit ("more that" in 16.x). */
export const TOKEN_LIMIT = /more tha[nt] \d+ tokens/;

/** Why a document was refused, in `extensions.reason` beside the code GRAPHQL_VALIDATION_FAILED. */
export type LimitReason = 'MAX_DEPTH' | 'MAX_ALIASES' | 'MAX_DIRECTIVES' | 'MAX_COST';

const reportAs =
  (reason: LimitReason) =>
  (ctx: ValidationContext | null, error: GraphQLError): void => {
    // graphql-armor calls every refusal a "Syntax Error"; it is a limit, said plainly.
    ctx?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { reason } }));
  };

const reject = (reason: LimitReason) => ({ propagateOnRejection: false, onReject: [reportAs(reason)] });

/**
 * A document's operation must be one the schema has: graphql-js 16 validates a subscription against a
 * schema without subscriptions and fails only when executing it, as an internal error (graphql-js 17
 * adds this rule itself).
 */
export function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (!context.getSchema().getRootType(node.operation)) {
        context.reportError(new GraphQLError(`This API has no ${node.operation} operations.`, { nodes: node }));
      }
    },
  };
}

/** graphql-armor's rules and plugins, and the parser's token limit, for Apollo Server's options. */
export function queryLimits(production: boolean): {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<RequestContext>[];
  parseOptions: ParseOptions;
} {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ...reject('MAX_DEPTH') },
    maxAliases: { n: QUERY_LIMITS.maxAliases, ...reject('MAX_ALIASES') },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, ...reject('MAX_DIRECTIVES') },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ...reject('MAX_COST') },
    // graphql-armor's token plugin parses the document a second time and throws from a plugin hook,
    // which Apollo answers with 500 (a syntax error came back as "500 GRAPHQL_VALIDATION_FAILED").
    // The parser's own limit refuses the same documents as a parse error: 400 GRAPHQL_PARSE_FAILED.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    validationRules: [...armor.validationRules, knownOperationTypesRule],
    // graphql-armor's plugin types trail Apollo 5's (docs/architecture.md, stack notes); the runtime objects are the same.
    plugins: armor.plugins as unknown as ApolloServerPlugin<RequestContext>[],
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
  };
}

/**
 * The limits' refusals of a query, checked alone before Apollo sees it. GraphQL's own rules are
 * costly on exactly these documents (200 aliases keep OverlappingFieldsCanBeMerged busy for tens of
 * milliseconds, 300 repeated directives make 100 errors), so a document over a limit is refused on
 * the limits' verdict. A document that does not parse is left to Apollo, which says why.
 */
export function limitViolations(schema: GraphQLSchema, query: unknown, rules: ValidationRule[]): GraphQLFormattedError[] {
  if (typeof query !== 'string') return [];
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: QUERY_LIMITS.maxTokens });
  } catch (err) {
    // Over the token limit: answered here rather than parsed a second time by Apollo.
    const message = err instanceof Error ? err.message : '';
    return TOKEN_LIMIT.test(message) ? [{ message, extensions: { code: 'GRAPHQL_PARSE_FAILED', reason: 'MAX_TOKENS' } }] : [];
  }
  return validate(schema, document, rules, { maxErrors: 10 }).map((error) => ({
    message: error.message,
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: error.extensions.reason },
  }));
}
