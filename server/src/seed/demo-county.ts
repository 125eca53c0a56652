import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role, UnitKind } from '@xinfang/domain';
import { Unit } from '../modules/unit/unit.entity.js';
import { makeUnit } from '../modules/unit/unit.tree.js';
import { User } from '../modules/user/user.entity.js';
import { hashPassword } from '../modules/auth/password.js';
import { CategoryRoute } from '../modules/reference/category.entity.js';

/** Every demo account's password (README, "Demo county"). */
export const DEMO_PASSWORD = 'xinfang-demo';

interface UnitSeed {
  name: string;
  kind: UnitKind;
  children?: UnitSeed[];
}

/** The demo county of the foundation issue: its tree, in display order. */
export const DEMO_TREE: UnitSeed = {
  name: '示范县',
  kind: 'COUNTY',
  children: [
    { name: '县群众工作局', kind: 'BUREAU' },
    { name: '县信访督查组', kind: 'SUPERVISION_GROUP' },
    { name: '县纪委监委', kind: 'DEPARTMENT' },
    { name: '县自然资源局', kind: 'DEPARTMENT' },
    { name: '县人力资源和社会保障局', kind: 'DEPARTMENT' },
    { name: '县住房和城乡建设局', kind: 'DEPARTMENT' },
    { name: '县公安局', kind: 'DEPARTMENT' },
    { name: '县退役军人事务局', kind: 'DEPARTMENT' },
    {
      name: '城关镇',
      kind: 'TOWNSHIP',
      children: [
        { name: '东街社区', kind: 'VILLAGE' },
        { name: '西街社区', kind: 'VILLAGE' },
      ],
    },
    {
      name: '青山乡',
      kind: 'TOWNSHIP',
      children: [
        { name: '石桥村', kind: 'VILLAGE' },
        {
          name: '青山村',
          kind: 'VILLAGE',
          children: [
            { name: '青山村一组', kind: 'VILLAGE_GROUP' },
            { name: '青山村二组', kind: 'VILLAGE_GROUP' },
          ],
        },
      ],
    },
    {
      name: '河西镇',
      kind: 'TOWNSHIP',
      children: [
        { name: '河西村', kind: 'VILLAGE' },
        { name: '柳湾村', kind: 'VILLAGE' },
      ],
    },
  ],
};

/** The demo accounts: username, display name, roles, unit name. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; displayName: string; roles: Role[]; unit: string }> = [
  { username: 'secretary', displayName: '县委书记', roles: ['COUNTY_LEADER'], unit: '示范县' },
  { username: 'magistrate', displayName: '县长', roles: ['COUNTY_LEADER'], unit: '示范县' },
  { username: 'bureau', displayName: '群众工作局登记员', roles: ['BUREAU'], unit: '县群众工作局' },
  { username: 'supervisor', displayName: '督查组督查员', roles: ['SUPERVISOR'], unit: '县信访督查组' },
  { username: 'discipline', displayName: '纪委监委信访室', roles: ['DEPARTMENT'], unit: '县纪委监委' },
  { username: 'land', displayName: '自然资源局信访办', roles: ['DEPARTMENT'], unit: '县自然资源局' },
  { username: 'hrss', displayName: '人社局信访办', roles: ['DEPARTMENT'], unit: '县人力资源和社会保障局' },
  { username: 'chengguan', displayName: '城关镇群工办', roles: ['TOWNSHIP'], unit: '城关镇' },
  { username: 'qingshan', displayName: '青山乡群工办', roles: ['TOWNSHIP'], unit: '青山乡' },
  { username: 'dongjie', displayName: '东街社区信息员', roles: ['VILLAGE'], unit: '东街社区' },
  { username: 'shiqiao', displayName: '石桥村信息员', roles: ['VILLAGE'], unit: '石桥村' },
  { username: 'admin', displayName: '系统管理员', roles: ['ADMIN'], unit: '示范县' },
];

/**
 * Loads the demo county into an empty database, in one transaction; does nothing when any unit
 * exists already. Returns whether it loaded.
 */
export async function seedDemoCounty(em: EntityManager): Promise<boolean> {
  return em.transactional(async (tx) => {
    if ((await tx.count(Unit, {})) > 0) return false;
    const byName = new Map<string, Unit>();
    const add = (seed: UnitSeed, parent: Unit | null, order: number) => {
      const unit = makeUnit(seed.name, seed.kind, parent, order);
      byName.set(seed.name, unit);
      tx.persist(unit);
      seed.children?.forEach((child, i) => add(child, unit, i));
    };
    add(DEMO_TREE, null, 0);
    byName.get('示范县')!.code = 'SFX';
    byName.get('县纪委监委')!.function = 'DISCIPLINE_COMMISSION';
    // Units and users are joined by plain id columns, so the unit of work cannot order them itself.
    await tx.flush();
    for (const account of DEMO_ACCOUNTS) {
      const unit = byName.get(account.unit);
      if (!unit) throw new Error(`Demo account ${account.username} names unknown unit ${account.unit}`);
      const user = new User();
      user.username = account.username;
      user.displayName = account.displayName;
      user.passwordHash = await hashPassword(DEMO_PASSWORD);
      user.unitId = unit.id;
      user.countyId = unit.countyId;
      user.roles = account.roles;
      tx.persist(user);
    }
    // Default handling departments by category (归口办理); the rest go to the location's township.
    const routes: Record<string, string> = { LAND: '县自然资源局', LABOUR: '县人力资源和社会保障局', HOUSING: '县住房和城乡建设局', POLICE: '县公安局', VETERANS: '县退役军人事务局' };
    for (const [categoryCode, unitName] of Object.entries(routes)) {
      tx.persist(Object.assign(new CategoryRoute(), { countyId: byName.get('示范县')!.id, categoryCode, unitId: byName.get(unitName)!.id }));
    }
    return true;
  });
}
