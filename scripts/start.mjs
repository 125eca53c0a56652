// `pnpm start`: builds whatever is not built, then runs the server (API and portal on one port).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, runNode } from './lib.mjs';

runNode(join(ROOT, 'scripts', 'build.mjs'), ['--if-needed']);
const child = spawn(process.execPath, ['--enable-source-maps', join(ROOT, 'server', 'dist', 'main.js')], { cwd: ROOT, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
