import { ScreeningService } from '../modules/screening/screening.service.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { USERNAME_PATTERN, passwordProblem, shanghaiDate } from '@xinfang/domain';
import { Unit } from '../modules/unit/unit.entity.js';
import { makeUnit } from '../modules/unit/unit.tree.js';
import { User } from '../modules/user/user.entity.js';
import { hashPassword } from '../modules/auth/password.js';

export interface BootstrapInput {
  countyName: string;
  adminUsername: string;
  adminPassword: string;
  adminDisplayName?: string;
  /** Begins the county's petition numbers, e.g. SFX → SFX-2026-00001. */
  countyCode?: string;
}

/**
 * Creates a county (the root of a tree) with its petition bureau and supervision group, and the
 * county's first administrator, who then builds the rest of the tree and the accounts in the portal.
 * One transaction: on any refusal nothing is written.
 */
export async function bootstrapCounty(em: EntityManager, input: BootstrapInput): Promise<{ county: Unit; admin: User }> {
  const countyName = input.countyName.trim();
  const username = input.adminUsername.trim().toLowerCase();
  if (!countyName) throw new Error('The county needs a name.');
  if (!USERNAME_PATTERN.test(username)) throw new Error('The username must have 3 to 32 characters: lower-case letters, digits, ".", "_" or "-".');
  const problem = passwordProblem(input.adminPassword, username);
  if (problem) throw new Error(`The password is not acceptable (${problem}); it needs at least 10 characters and must not be the username.`);
  const passwordHash = await hashPassword(input.adminPassword);
  return em.transactional(async (tx) => {
    if (await tx.count(Unit, { kind: 'COUNTY', name: countyName })) throw new Error(`A county named ${countyName} exists already.`);
    if (await tx.count(User, { username })) throw new Error(`The username ${username} is taken.`);
    const county = makeUnit(countyName, 'COUNTY', null);
    county.code = input.countyCode?.trim() || null;
    tx.persist(county);
    tx.persist(makeUnit(`${countyName.replace(/县$/, '')}县群众工作局`, 'BUREAU', county, 0));
    tx.persist(makeUnit(`${countyName.replace(/县$/, '')}县信访督查组`, 'SUPERVISION_GROUP', county, 1));
    await tx.flush();
    // Screening under the default rules (docs/domain.md §6) from this month on; the bureau can change them.
    await ScreeningService.ensureDefaultRules(tx, county.id, `${shanghaiDate().slice(0, 7)}-01`);
    const admin = new User();
    admin.username = username;
    admin.displayName = input.adminDisplayName?.trim() || '系统管理员';
    admin.unitId = county.id;
    admin.countyId = county.id;
    admin.roles = ['ADMIN'];
    admin.passwordHash = passwordHash;
    tx.persist(admin);
    return { county, admin };
  });
}
