import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve, join } from 'node:path';

/** Everything the server reads from its environment, read in one place. */
export interface AppConfig {
  port: number;
  host: string;
  /** PostgreSQL URL; absent means the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where PGlite keeps its files (`<dataDir>/pgdata`); undefined keeps it in memory (tests). */
  embeddedPath: string | undefined;
  production: boolean;
  jwtSecret: Uint8Array;
  tokenTtlSeconds: number;
  /** Load the demo county into an empty database on start (default: outside production only). */
  seedDemo: boolean;
  /** Serve the built portal from this folder, when it exists. */
  portalDir: string | undefined;
  trustProxy: boolean;
  logLevel: string;
  login: LoginThrottleConfig;
  /** The most rows one Excel export holds; a larger one is refused with the number that matched. */
  exportMaxRows: number;
}

export interface LoginThrottleConfig {
  /** Failures (per username or per address) after which each further attempt is slowed. */
  slowAfter: number;
  /** Milliseconds added per failure past `slowAfter`, capped at `maxDelayMs`. */
  delayStepMs: number;
  maxDelayMs: number;
  /** Failures per username after which sign-in is refused for `lockSeconds`. */
  lockAfterUser: number;
  /** Failures per address after which sign-in is refused for `lockSeconds`. */
  lockAfterAddress: number;
  /** Failures older than this are forgotten. */
  windowSeconds: number;
  lockSeconds: number;
}

const int = (value: string | undefined, fallback: number): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Expected a whole number, got "${value}"`);
  return n;
};

/**
 * Uses JWT_SECRET, or outside production a random secret kept in the data folder so that tokens
 * survive a restart. In production every instance must share one secret, so it must be given.
 */
function loadSecret(env: NodeJS.ProcessEnv, dataDir: string, production: boolean): Uint8Array {
  if (env.JWT_SECRET) {
    if (env.JWT_SECRET.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
    return new TextEncoder().encode(env.JWT_SECRET);
  }
  if (production) throw new Error('Set JWT_SECRET (32+ characters, the same on every instance) when NODE_ENV=production');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'jwt-secret');
  try {
    // 'wx': of two processes starting at once, one writes and both read the same secret.
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

/** Reads the configuration from the environment (see README, "Operations"). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const dataDir = resolve(env.DATA_DIR ?? '.data');
  const production = overrides.production ?? env.NODE_ENV === 'production';
  return {
    port: int(env.PORT, 4000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    embeddedPath: join(dataDir, 'pgdata'),
    production,
    jwtSecret: overrides.jwtSecret ?? loadSecret(env, dataDir, production),
    tokenTtlSeconds: int(env.TOKEN_TTL_SECONDS, 8 * 3600),
    // The demo accounts share a published password: never loaded in production unless asked for.
    seedDemo: env.SEED_DEMO ? env.SEED_DEMO === 'true' : !production,
    portalDir: env.PORTAL_DIR,
    trustProxy: env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    login: {
      slowAfter: int(env.LOGIN_SLOW_AFTER, 3),
      delayStepMs: int(env.LOGIN_DELAY_STEP_MS, 500),
      maxDelayMs: int(env.LOGIN_MAX_DELAY_MS, 3000),
      lockAfterUser: int(env.LOGIN_LOCK_AFTER, 8),
      lockAfterAddress: int(env.LOGIN_LOCK_AFTER_ADDRESS, 40),
      windowSeconds: int(env.LOGIN_WINDOW_SECONDS, 15 * 60),
      lockSeconds: int(env.LOGIN_LOCK_SECONDS, 15 * 60),
    },
    exportMaxRows: int(env.EXPORT_MAX_ROWS, 20000),
    ...overrides,
  };
}
