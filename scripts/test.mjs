// `pnpm test`: the whole suite. Builds everything, checks the committed schema, types and lint, then
// runs every Vitest project: unit tests, GraphQL over HTTP on PostgreSQL and PGlite, component tests
// and the browser tests in Chromium. Extra arguments go to Vitest (e.g. `pnpm test --project api`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runBin, runNode } from './lib.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium is missing at ${chromium}; the browser tests need it. Install it with:\n  apt-get install -y chromium fonts-noto-cjk`);
  process.exit(1);
}

const started = Date.now();
runNode(join(ROOT, 'scripts', 'build.mjs'));
runNode(join(ROOT, 'server', 'dist', 'scripts', 'emit-schema.js'), ['--check']);
runBin('tsc', ['-p', 'test', '--noEmit']);
runBin('tsc', ['-p', 'tsconfig.json']);
runBin('eslint', ['.', '--max-warnings', '0']);
console.log('✓ schema, types and lint');
runBin('vitest', ['run', ...process.argv.slice(2)]);
console.log(`\n✓ whole suite passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
