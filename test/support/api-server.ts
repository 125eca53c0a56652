import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createLogger, loadConfig, startServer, type AppConfig, type Logger, type RunningServer } from '@xinfang/server';

export type DatabaseMode = 'postgres' | 'pglite';

/** Both databases every API test runs against (README, "Tests"). */
export const DATABASE_MODES: DatabaseMode[] = ['postgres', 'pglite'];

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestPlatform extends RunningServer {
  mode: DatabaseMode;
}

/**
 * Starts the server from its sources on a free port with the demo county, on a fresh database: a new
 * PostgreSQL database on TEST_DATABASE_URL's server (dropped afterwards), or an in-memory PGlite.
 */
export async function startTestPlatform(mode: DatabaseMode, overrides: Partial<AppConfig> = {}, logger?: Logger): Promise<TestPlatform> {
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (mode === 'postgres') {
    const name = `xinfang_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const config = loadConfig(process.env, {
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    embeddedPath: undefined,
    seedDemo: true,
    portalDir: '/nonexistent',
    jwtSecret: new TextEncoder().encode(`test-secret-${randomBytes(16).toString('hex')}`),
    ...overrides,
  });
  let running: RunningServer;
  try {
    running = await startServer(config, logger ?? createLogger(process.env.LOG_LEVEL ?? 'silent'));
  } catch (err) {
    await dropDatabase?.();
    throw err;
  }
  return {
    ...running,
    mode,
    async stop() {
      try {
        await running.stop();
      } finally {
        await dropDatabase?.();
      }
    },
  };
}

export interface GraphQLAnswer<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
  /** The raw text of the response, for searching it. */
  text: string;
}

/** Sends one GraphQL request over HTTP, as any client would. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers of many shapes
export async function gql<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLAnswer<T>> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  const body = JSON.parse(text) as { data?: T; errors?: GraphQLAnswer['errors'] };
  return { status: res.status, data: body.data, errors: body.errors, text };
}

/** Signs in as a demo account and returns the token. */
export async function signIn(baseUrl: string, username: string, password = 'xinfang-demo'): Promise<string> {
  const answer = await gql<{ login: { token: string } }>(
    baseUrl,
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: username, p: password },
  );
  if (!answer.data?.login) throw new Error(`sign-in as ${username} failed: ${answer.text}`);
  return answer.data.login.token;
}

/** The error code of the first error, or undefined. */
export const codeOf = (answer: GraphQLAnswer): unknown => answer.errors?.[0]?.extensions?.code;
