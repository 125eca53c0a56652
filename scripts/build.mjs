// Builds the workspace: packages and server with tsc (decorator metadata needs tsc), then the portal
// (GraphQL Code Generator, vue-tsc, Vite). Flags: --server (server only), --if-needed (skip the portal
// when its build is newer than every source it is made from), --typecheck (check types, emit nothing).
import { join } from 'node:path';
import { ROOT, mtimeOf, newestMtime, runBin } from './lib.mjs';

const args = new Set(process.argv.slice(2));
const portal = join(ROOT, 'portal');

if (args.has('--typecheck')) {
  runBin('tsc', ['-b', 'server']);
  runBin('tsc', ['-p', 'test', '--noEmit']);
  runBin('tsc', ['-p', 'tsconfig.json']);
  runBin('vue-tsc', ['--noEmit', '-p', 'tsconfig.json'], { cwd: portal, pkgDir: portal });
  console.log('✓ types check');
  process.exit(0);
}

const serverMs = runBin('tsc', ['-b', 'server']);
console.log(`✓ server and packages built (${(serverMs / 1000).toFixed(1)} s)`);
if (args.has('--server')) process.exit(0);

const portalSources = ['portal/src', 'portal/index.html', 'portal/public', 'portal/vite.config.ts', 'portal/codegen.ts', 'portal/package.json', 'pnpm-lock.yaml', 'packages/domain/src', 'packages/permissions/src', 'schema/schema.graphql'];
if (args.has('--if-needed') && mtimeOf('portal/dist/index.html') > newestMtime(portalSources)) {
  console.log('✓ portal is up to date');
  process.exit(0);
}
let portalMs = runBin('graphql-codegen', ['--config', 'codegen.ts', '--silent'], { cwd: portal, pkgDir: portal });
portalMs += runBin('vue-tsc', ['--noEmit', '-p', 'tsconfig.json'], { cwd: portal, pkgDir: portal });
portalMs += runBin('vite', ['build', '--logLevel', 'warn'], { cwd: portal, pkgDir: portal });
console.log(`✓ portal built (${(portalMs / 1000).toFixed(1)} s)`);
