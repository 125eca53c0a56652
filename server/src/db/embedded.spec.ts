import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmbeddedDatabase } from './embedded.js';

describe('the embedded database', () => {
  it('refuses a second opener of the same folder, and opens again once the first has stopped', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'xinfang-pglite-')), 'pgdata');
    const first = await startEmbeddedDatabase(dir);
    expect(existsSync(`${dir}.lock`)).toBe(true);
    // A second process holding it is simulated by the lock file of a live pid: the parent's.
    const { writeFileSync } = await import('node:fs');
    await first.stop();
    writeFileSync(`${dir}.lock`, String(process.ppid));
    await expect(startEmbeddedDatabase(dir)).rejects.toThrow(/in use by process/);
    // A lock left by a process that is gone is taken over.
    writeFileSync(`${dir}.lock`, '999999999');
    const again = await startEmbeddedDatabase(dir);
    await again.stop();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });
});
