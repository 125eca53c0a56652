import 'reflect-metadata';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
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
]);

const MAX_BODY = 1024 * 1024;

export interface App {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Keeps what a client may see of an error: our own coded errors and GraphQL's validation errors as
 * they are; a lost optimistic lock as CONFLICT; anything else (a database error, a bug) as a bare
 * "internal error", its details only in the log.
 */
function formatErrorFor(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof OptimisticLockError) {
      logger.info({ err: original, path: formatted.path }, 'write refused: the record changed since it was read');
      return { message: 'Someone else changed this record; reload it and try again.', path: formatted.path, extensions: { code: 'CONFLICT' } };
    }
    const code = formatted.extensions?.code;
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

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw Object.assign(new Error('Request body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The HTTP server: /graphql, /healthz, /readyz and the built portal, on one port. */
export async function createApp(config: AppConfig, orm: MikroORM, logger: Logger): Promise<App> {
  const schema = await buildAppSchema();
  const server = createServer();
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 20 },
    costLimit: { maxCost: 20000 },
    maxTokens: { n: 5000 },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
  // graphql-armor's plugin types trail Apollo 5's (stack-notes.md); the runtime objects are the same.
  const armorPlugins = armor.plugins as unknown as ApolloServerPlugin<RequestContext>[];
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: !config.production,
    // main.ts owns the signals and stops the database after the server; Apollo's own handler would
    // re-raise the signal and race it.
    stopOnTerminationSignals: false,
    persistedQueries: false,
    includeStacktraceInErrorResponses: false,
    validationRules: armor.validationRules,
    formatError: formatErrorFor(logger),
    plugins: [...armorPlugins, ApolloServerPluginDrainHttpServer({ httpServer: server }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const portalDir = config.portalDir ?? fileURLToPath(new URL('../../portal/dist', import.meta.url));
  const hasPortal = existsSync(portalDir);

  const buildContext = async (req: IncomingMessage): Promise<RequestContext> => {
    const em = orm.em.fork();
    const ctx: RequestContext = {
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
      const read = await readToken(token, config.jwtSecret);
      if ('problem' in read) ctx.tokenProblem = read.problem;
      else {
        const user = await loadAuthUser(em, read.userId, read.issuedAt, read.sessionId);
        if (user) {
          ctx.user = user;
          ctx.ability = defineAbilityFor(user);
        } else ctx.tokenProblem = 'SESSION_EXPIRED';
      }
    }
    return ctx;
  };

  const handleGraphQL = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const text = await readBody(req);
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] }));
        return;
      }
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => buildContext(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
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
    done.catch((err: { status?: number }) => {
      logger.error({ err }, 'request failed');
      if (!res.headersSent) res.writeHead(err.status ?? 500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(err.status === 413 ? 'Request body too large' : 'Internal server error');
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
