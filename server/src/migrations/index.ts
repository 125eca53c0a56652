import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126192038 } from './Migration20261126192038.js';
import { Migration20261126192921 } from './Migration20261126192921.js';
import { Migration20261126195705 } from './Migration20261126195705.js';
import { Migration20261126221033 } from './Migration20261126221033.js';
import { Migration20261203125345 } from './Migration20261203125345.js';
import { Migration20261203130500 } from './Migration20261203130500.js';
import { Migration20261203131000 } from './Migration20261203131000.js';
import { Migration20261204192102 } from './Migration20261204192102.js';
import { Migration20261204194638 } from './Migration20261204194638.js';
import { Migration20261207141446 } from './Migration20261207141446.js';
import { Migration20261207145950 } from './Migration20261207145950.js';
import { Migration20261207234612 } from './Migration20261207234612.js';
import { Migration20261208005717 } from './Migration20261208005717.js';

/**
 * Every migration, in order. Listed by hand rather than found by a glob, so that the same list runs
 * from dist/ and from the TypeScript sources under Vitest. `migration:create` prints the line to add.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261126192038', class: Migration20261126192038 },
  { name: 'Migration20261126192921', class: Migration20261126192921 },
  { name: 'Migration20261126195705', class: Migration20261126195705 },
  { name: 'Migration20261126221033', class: Migration20261126221033 },
  { name: 'Migration20261203125345', class: Migration20261203125345 },
  { name: 'Migration20261203130500', class: Migration20261203130500 },
  { name: 'Migration20261203131000', class: Migration20261203131000 },
  { name: 'Migration20261204192102', class: Migration20261204192102 },
  { name: 'Migration20261204194638', class: Migration20261204194638 },
  { name: 'Migration20261207141446', class: Migration20261207141446 },
  { name: 'Migration20261207145950', class: Migration20261207145950 },
  { name: 'Migration20261207234612', class: Migration20261207234612 },
  { name: 'Migration20261208005717', class: Migration20261208005717 },
];
