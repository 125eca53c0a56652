import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { createLogger, loadConfig, startServer, type RunningServer } from '@xinfang/server';

const PORTAL_DIST = fileURLToPath(new URL('../../portal/dist', import.meta.url));

/**
 * Starts the built server (server/dist) with the built portal, on a free port, on a fresh in-memory
 * PGlite database loaded with the demo county: what an operator runs, minus the disk.
 */
export async function startBuiltPlatform(): Promise<RunningServer> {
  if (!existsSync(`${PORTAL_DIST}/index.html`)) throw new Error('portal/dist is missing: run `pnpm build` first.');
  const config = loadConfig(process.env, {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    embeddedPath: undefined,
    portalDir: PORTAL_DIST,
    seedDemo: true,
    jwtSecret: new TextEncoder().encode('e2e-secret-e2e-secret-e2e-secret-e2e'),
  });
  return startServer(config, createLogger(process.env.LOG_LEVEL ?? 'warn'));
}
