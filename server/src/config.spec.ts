import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const dir = () => mkdtempSync(join(tmpdir(), 'xinfang-config-'));

describe('loadConfig', () => {
  it('keeps a generated secret in the data folder outside production, the same on every start', () => {
    const dataDir = dir();
    const a = loadConfig({ DATA_DIR: dataDir });
    const b = loadConfig({ DATA_DIR: dataDir });
    expect(Buffer.from(a.jwtSecret).toString()).toBe(readFileSync(join(dataDir, 'jwt-secret'), 'utf8'));
    expect(b.jwtSecret).toEqual(a.jwtSecret);
  });

  it('refuses to start in production without JWT_SECRET, and a short one anywhere', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dir() })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ JWT_SECRET: 'short', DATA_DIR: dir() })).toThrow(/at least 32/);
  });

  it('loads the demo county outside production only, unless told', () => {
    const secret = 'x'.repeat(32);
    expect(loadConfig({ DATA_DIR: dir() }).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false', DATA_DIR: dir() }).seedDemo).toBe(false);
  });

  it('reads ports and limits as whole numbers and refuses anything else', () => {
    expect(loadConfig({ PORT: '4321', DATA_DIR: dir() }).port).toBe(4321);
    expect(() => loadConfig({ PORT: 'abc', DATA_DIR: dir() })).toThrow(/whole number/);
    expect(() => loadConfig({ LOGIN_LOCK_AFTER: '-1', DATA_DIR: dir() })).toThrow(/whole number/);
  });
});
