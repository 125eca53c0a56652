import 'reflect-metadata';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { OptimisticLockError, type MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { createAbility, defineAbilityFor } from '@xinfang/permissions';
import type { AppConfig } from './config.js';
import type { Logger } from './logger.js';
import type { RequestContext } from './common/context.js';
import { createLoaders } from './common/loaders.js';
import { loadAuthUser } from './modules/auth/auth.service.js';
import { readToken } from './modules/auth/token.js';
import { buildAppSchema } from './schema.js';
import { servePortal } from './http/static.js';
import { checkGraphQLRequest, HttpRefusal, readJsonBody, sendRefusal, statusForGraphQLResponse, statusForJson, APPLICATION_JSON, type ResponseMediaType } from './http/graphql-http.js';
import { limitViolations, queryLimits, TOKEN_LIMIT } from './http/limits.js';
import { isDatabaseUnavailable, serviceUnavailable, UNAVAILABLE_MESSAGE, RETRY_AFTER_SECONDS } from './http/unavailable.js';

const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'SERVICE_UNAVAILABLE',
]);

export interface App {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Keeps what a client may see of an error: our own coded errors and GraphQL's validation errors as
 * they are; a lost optimistic lock as CONFLICT; a database that cannot be reached as
 * SERVICE_UNAVAILABLE; anything else (a database error, a bug) as a bare "internal error", its
 * details only in the log.
 */
function formatErrorFor(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof OptimisticLockError) {
      logger.info({ err: original, path: formatted.path }, 'write refused: the record changed since it was read');
      return { message: 'Someone else changed this record; reload it and try again.', path: formatted.path, extensions: { code: 'CONFLICT' } };
    }
    const code = formatted.extensions?.code;
    if (code !== 'SERVICE_UNAVAILABLE' && isDatabaseUnavailable(original)) {
      // Not a bug: the database is down or restarting, and /readyz says so too.
      logger.warn({ err: original, path: formatted.path }, 'database unavailable during a GraphQL request');
      return { message: UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: RETRY_AFTER_SECONDS } };
    }
    // graphql-js stops coercing variables after 50 errors and adds one more without a code: still the
    // client's bad variables.
    if ((code === undefined || code === 'INTERNAL_SERVER_ERROR') && formatted.message.startsWith('Too many errors processing variables')) {
      return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
    }
    if (code === 'GRAPHQL_PARSE_FAILED' && TOKEN_LIMIT.test(formatted.message)) {
      return { message: formatted.message, extensions: { code, reason: 'MAX_TOKENS' } };
    }
    // Duck-typed: under Vitest the graphql package can be loaded twice, which defeats instanceof.
    const ours = original instanceof GraphQLError || (typeof original === 'object' && original !== null && 'extensions' in original);
    if (typeof code === 'string' && PUBLIC_CODES.has(code) && (ours || !(original instanceof Error))) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const status = (formatted.extensions?.http as { status?: number } | undefined)?.status;
    if (status && status >= 400 && status < 500) {
      return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL request');
    return { message: 'Internal server error.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    // The last entry is the one our own proxy appended; anything before it the client could write.
    const forwarded = req.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * Reads the token's user into the context it was built for and answers that context. A symbol key,
 * because Apollo hands the resolvers a shallow copy of the context, which carries it along.
 */
const SIGN_IN = Symbol('signIn');
type PendingContext = RequestContext & { [SIGN_IN]?: () => Promise<RequestContext> };

/** The HTTP server: /graphql, /healthz, /readyz and the built portal, on one port. */
export async function createApp(config: AppConfig, orm: MikroORM, logger: Logger): Promise<App> {
  const schema = await buildAppSchema();
  const server = createServer();
  const limits = queryLimits(config.production);
  // The token names a user; reading that user is the request's first SQL statement, so it waits
  // until the document has parsed and validated: a refused document costs the database nothing.
  const signInAfterValidation: ApolloServerPlugin<RequestContext> = {
    requestDidStart: async () => ({
      didResolveOperation: async ({ contextValue }) => {
        const pending = contextValue as PendingContext;
        const signIn = pending[SIGN_IN];
        if (!signIn) return;
        delete pending[SIGN_IN];
        try {
          // The built context keeps the user too: the request's loaders read it from there.
          const { user, ability, tokenProblem } = await signIn();
          Object.assign(pending, { user, ability, tokenProblem });
        } catch (err) {
          if (!isDatabaseUnavailable(err)) throw err;
          logger.warn({ err }, 'database unavailable while reading the signed-in user');
          throw serviceUnavailable();
        }
      },
    }),
  };
  // Security events (ASVS V16.3.2): a refusal of what the caller asked for is logged with who asked,
  // which operation and which path: a unit probing ids outside its scope leaves a trace. NOT_FOUND is
  // included, as it is also the answer for an object outside the scope.
  const logRefusals: ApolloServerPlugin<RequestContext> = {
    requestDidStart: async () => ({
      didEncounterErrors: async ({ contextValue, operationName, errors }) => {
        for (const error of errors) {
          const code = error.extensions?.code;
          if (code !== 'FORBIDDEN' && code !== 'NOT_FOUND' && code !== 'UNAUTHENTICATED') continue;
          const user = contextValue.user;
          logger.info(
            { event: 'access-refused', code, reason: error.extensions?.reason, operation: operationName ?? null, path: error.path?.join('.'), userId: user?.id ?? null, username: user?.username ?? null, address: contextValue.address },
            'request refused',
          );
        }
      },
    }),
  };
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: !config.production,
    // main.ts owns the signals and stops the database after the server; Apollo's own handler would
    // re-raise the signal and race it.
    stopOnTerminationSignals: false,
    persistedQueries: false,
    includeStacktraceInErrorResponses: false,
    // Sessions are bearer tokens, never cookies: a cross-site page cannot send a signed-in request,
    // and POST accepts only application/json (checkGraphQLRequest), so Apollo's CSRF header check
    // would only refuse honest GET queries, which the GraphQL-over-HTTP specification allows.
    csrfPrevention: false,
    allowBatchedHttpRequests: false,
    logger,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    validationOptions: { maxErrors: 20 },
    formatError: formatErrorFor(logger),
    plugins: [
      ...limits.plugins,
      signInAfterValidation,
      logRefusals,
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  const portalDir = config.portalDir ?? fileURLToPath(new URL('../../portal/dist', import.meta.url));
  const hasPortal = existsSync(portalDir);

  const buildContext = async (req: IncomingMessage): Promise<RequestContext> => {
    const em = orm.em.fork();
    const ctx: PendingContext = {
      em,
      user: null,
      tokenProblem: null,
      ability: createAbility([]),
      loaders: createLoaders(em, () => ctx.user),
      address: clientAddress(req, config.trustProxy),
      config,
      logger,
    };
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (token) {
      // Checking the signature is CPU only; the user is read after validation (signInAfterValidation).
      const read = await readToken(token, config.jwtSecret);
      if ('problem' in read) ctx.tokenProblem = read.problem;
      else {
        ctx[SIGN_IN] = async () => {
          const user = await loadAuthUser(em, read.userId, read.issuedAt, read.sessionId);
          if (user) {
            ctx.user = user;
            ctx.ability = defineAbilityFor(user);
          } else ctx.tokenProblem = 'SESSION_EXPIRED';
          return ctx;
        };
      }
    }
    return ctx;
  };

  const handleGraphQL = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    let mediaType: ResponseMediaType | undefined;
    let body: unknown = undefined;
    try {
      mediaType = checkGraphQLRequest(req);
      if (req.method === 'POST') body = await readJsonBody(req);
    } catch (err) {
      if (!(err instanceof HttpRefusal)) throw err;
      // A client's mistake, not the server's: worth a line at info, never an error.
      logger.info({ status: err.status, reason: err.reason, method: req.method }, 'GraphQL request refused');
      sendRefusal(res, err, mediaType);
      // Read and drop whatever body is left, so that the connection ends cleanly.
      req.resume();
      return;
    }
    const query = req.method === 'POST' ? (body as { query?: unknown } | null | undefined)?.query : url.searchParams.get('query');
    const overLimit = limitViolations(schema, query, limits.validationRules);
    if (overLimit.length > 0) {
      res.writeHead(mediaType === APPLICATION_JSON ? 200 : 400, { 'content-type': `${mediaType}; charset=utf-8` });
      res.end(JSON.stringify({ errors: overLimit }));
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    // Apollo serves the media type negotiated here (checkGraphQLRequest), whatever the client wrote.
    headers.set('accept', mediaType);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => buildContext(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      if (mediaType === APPLICATION_JSON) res.statusCode = statusForJson(res.statusCode, response.body.string);
      else res.statusCode = statusForGraphQLResponse(res.statusCode, response.body.string);
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'no-referrer');
    // The portal loads only its own files; Element Plus sets inline styles.
    res.setHeader('content-security-policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
    const done = (async () => {
      if (url.pathname === '/graphql') return handleGraphQL(req, res, url);
      if (url.pathname === '/healthz') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ status: 'ok' }));
      }
      if (url.pathname === '/readyz') {
        const ready = await orm.em
          .getConnection()
          .execute('select 1 as ok')
          .then(() => true)
          .catch((err: unknown) => {
            logger.warn({ err }, 'readiness check: database does not answer');
            return false;
          });
        res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ status: ready ? 'ready' : 'database unavailable' }));
      }
      if (hasPortal && servePortal(portalDir, req, res)) return;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    })();
    done.catch((err: unknown) => {
      logger.error({ err }, 'request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal server error');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  return {
    server,
    url,
    async close() {
      await apollo.stop();
    },
  };
}
