/**
 * Writes schema/schema.graphql from the code, or with --check fails when the committed file differs
 * from what the code emits.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildAppSchema, printSortedSchema } from '../schema.js';

const target = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));
const sdl = printSortedSchema(await buildAppSchema());

if (process.argv.includes('--check')) {
  const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (committed !== sdl) {
    console.error('schema/schema.graphql differs from the schema the server emits. Run `pnpm schema:emit` and commit it.');
    process.exit(1);
  }
  console.log('schema/schema.graphql matches the server.');
} else {
  writeFileSync(target, sdl);
  console.log(`wrote ${target}`);
}
