// Small helpers shared by the root scripts (build, start, test): no dependencies beyond Node.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a binary installed in node_modules/.bin of `pkgDir` (or the root), failing loudly. */
export function runBin(bin, args, { cwd = ROOT, pkgDir = ROOT, env = {} } = {}) {
  const local = join(pkgDir, 'node_modules', '.bin', bin);
  const path = existsSync(local) ? local : join(ROOT, 'node_modules', '.bin', bin);
  const started = Date.now();
  const result = spawnSync(path, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✗ ${bin} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  return Date.now() - started;
}

/** Runs `node <script> ...args`, failing loudly. */
export function runNode(script, args = [], { env = {} } = {}) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The newest modification time of any file under the given paths (skipping node_modules, dist). */
export function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && name !== 'dist') walk(join(p, name));
    } else newest = Math.max(newest, s.mtimeMs);
  };
  paths.forEach((p) => walk(join(ROOT, p)));
  return newest;
}

export const mtimeOf = (p) => (existsSync(join(ROOT, p)) ? statSync(join(ROOT, p)).mtimeMs : 0);
