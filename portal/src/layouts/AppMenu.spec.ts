import { flushPromises, mount } from '@vue/test-utils';
import type { Role, UnitKind } from '@xinfang/domain';
import { createAbility, defineAbilityFor, type AppAbility } from '@xinfang/permissions';
import { describe, expect, it, vi } from 'vitest';
import { portalPlugins } from '@/testing/harness';
import AppMenu from './AppMenu.vue';

const COUNTY = '11111111-1111-4111-8111-111111111111';
const TOWNSHIP = '22222222-2222-4222-8222-222222222222';
const VILLAGE = '33333333-3333-4333-8333-333333333333';
const BUREAU = '44444444-4444-4444-8444-444444444444';
const DEPARTMENT = '77777777-7777-4777-8777-777777777777';
const GROUP = '55555555-5555-4555-8555-555555555555';
const SUPERVISION = '66666666-6666-4666-8666-666666666666';

async function renderMenu(ability: AppAbility, countyId: string | null = COUNTY) {
  const { plugins, router } = portalPlugins(ability);
  await router.push('/login');
  const wrapper = mount(AppMenu, { props: { countyId }, global: { plugins } });
  await flushPromises();
  const items = wrapper.findAll('[data-testid^="menu-"]').map((item) => ({
    testid: item.attributes('data-testid'),
    label: item.text(),
  }));
  return { wrapper, items };
}

/** The ability the server builds for a user of this role and unit: the real rule files, not a copy. */
const abilityOf = (role: Role, unitId: string, unitKind: UnitKind, townshipId: string | null = null, villageId: string | null = null) =>
  defineAbilityFor({ id: `user-${role}`, roles: [role], unitId, unitKind, countyId: COUNTY, townshipId, villageId });

const abilities = {
  leader: () => abilityOf('COUNTY_LEADER', COUNTY, 'COUNTY'),
  bureau: () => abilityOf('BUREAU', BUREAU, 'BUREAU'),
  supervisor: () => abilityOf('SUPERVISOR', SUPERVISION, 'SUPERVISION_GROUP'),
  township: () => abilityOf('TOWNSHIP', TOWNSHIP, 'TOWNSHIP', TOWNSHIP),
  village: () => abilityOf('VILLAGE', VILLAGE, 'VILLAGE', TOWNSHIP, VILLAGE),
  group: () => abilityOf('VILLAGE', GROUP, 'VILLAGE_GROUP', TOWNSHIP, VILLAGE),
  department: () => abilityOf('DEPARTMENT', DEPARTMENT, 'DEPARTMENT'),
  admin: () => abilityOf('ADMIN', COUNTY, 'COUNTY'),
  none: () => createAbility([]),
};

describe('the side menu', () => {
  it('shows the bureau the petition work, the screening of the county, its unit, the whole county, the holiday calendar and the screening rules, and no user management', async () => {
    const { wrapper, items } = await renderMenu(abilities.bureau());
    expect(wrapper.find('[data-testid="main-menu"]').exists()).toBe(true);
    expect(items).toEqual([
      { testid: 'menu-my-work', label: '我的待办' },
      { testid: 'menu-petitions', label: '信访事项' },
      // The hard cases: every reader of petitions has both lists, scoped by the server.
      { testid: 'menu-key-matters', label: '重点信访事项' },
      { testid: 'menu-backlog', label: '信访积案' },
      { testid: 'menu-petition-new', label: '信访登记' },
      // Supervision: every unit reads the orders naming it and the circulars; the bureau records the conferences.
      { testid: 'menu-supervision', label: '督查督办' },
      { testid: 'menu-conferences', label: '集中会办' },
      { testid: 'menu-circulars', label: '通报追责' },
      // The bureau reads every report and dispute, and submits none of its own.
      { testid: 'menu-screening-compliance', label: '排查情况' },
      { testid: 'menu-disputes', label: '矛盾纠纷台账' },
      { testid: 'menu-figures', label: '数据分析' },
      // The assessment: the whole table, or the unit's own scorecard.
      { testid: 'menu-assessment', label: '考核评价' },
      { testid: 'menu-my-unit', label: '我的单位' },
      { testid: 'menu-units', label: '全县组织机构' },
      { testid: 'menu-calendar', label: '节假日设置' },
      // The cadence and due day of each unit kind's screening are the bureau's to set.
      { testid: 'menu-screening-settings', label: '排查设置' },
    ]);
  });

  it('gives county leaders and the supervision group the county-wide label too, and the screening to read', async () => {
    for (const ability of [abilities.leader(), abilities.supervisor()]) {
      const { items } = await renderMenu(ability);
      expect(items.map((i) => i.label)).toEqual(['我的待办', '信访事项', '重点信访事项', '信访积案', '督查督办', '集中会办', '通报追责', '排查情况', '矛盾纠纷台账', '数据分析', '考核评价', '我的单位', '全县组织机构']);
    }
  });

  it('calls a township’s units "辖区单位", since it sees only its own area; it submits its own screening', async () => {
    const { items } = await renderMenu(abilities.township());
    expect(items).toEqual([
      { testid: 'menu-my-work', label: '我的待办' },
      { testid: 'menu-petitions', label: '信访事项' },
      // The hard cases: every reader of petitions has both lists, scoped by the server.
      { testid: 'menu-key-matters', label: '重点信访事项' },
      { testid: 'menu-backlog', label: '信访积案' },
      { testid: 'menu-petition-new', label: '信访登记' },
      // The orders naming it and the county's circulars; not the conferences, only its tasks on 我的待办.
      { testid: 'menu-supervision', label: '督查督办' },
      { testid: 'menu-circulars', label: '通报追责' },
      { testid: 'menu-screening-submit', label: '排查报送' },
      { testid: 'menu-screening-compliance', label: '排查情况' },
      { testid: 'menu-disputes', label: '矛盾纠纷台账' },
      { testid: 'menu-figures', label: '数据分析' },
      // The assessment: the whole table, or the unit's own scorecard.
      { testid: 'menu-assessment', label: '考核评价' },
      { testid: 'menu-my-unit', label: '我的单位' },
      { testid: 'menu-units', label: '辖区单位' },
    ]);
  });

  it('gives a village, a village group and a department the area label too; a department registers nothing', async () => {
    for (const ability of [abilities.village(), abilities.group()]) {
      const { items } = await renderMenu(ability);
      expect(items.map((i) => i.label)).toEqual(['我的待办', '信访事项', '重点信访事项', '信访积案', '信访登记', '督查督办', '通报追责', '排查报送', '排查情况', '矛盾纠纷台账', '数据分析', '考核评价', '我的单位', '辖区单位']);
    }
    const { items } = await renderMenu(abilities.department());
    expect(items.map((i) => i.label)).toEqual(['我的待办', '信访事项', '重点信访事项', '信访积案', '督查督办', '通报追责', '排查报送', '排查情况', '矛盾纠纷台账', '数据分析', '考核评价', '我的单位', '辖区单位']);
  });

  it('shows the administrator user management, and nothing of the petition work or the screening', async () => {
    const { items } = await renderMenu(abilities.admin());
    expect(items).toEqual([
      { testid: 'menu-my-unit', label: '我的单位' },
      { testid: 'menu-units', label: '全县组织机构' },
      { testid: 'menu-users', label: '用户管理' },
    ]);
  });

  it('shows a user without rules only the home page', async () => {
    const { items } = await renderMenu(abilities.none());
    expect(items).toEqual([{ testid: 'menu-my-unit', label: '我的单位' }]);
  });

  it('does not take a county-wide label without knowing the user’s county', async () => {
    const { items } = await renderMenu(abilities.bureau(), null);
    expect(items.find((i) => i.testid === 'menu-units')?.label).toBe('辖区单位');
  });

  it('follows the ability when its rules change (sign-in, sign-out)', async () => {
    const ability = abilities.none();
    const { wrapper } = await renderMenu(ability);
    expect(wrapper.find('[data-testid="menu-users"]').exists()).toBe(false);

    ability.update(abilities.admin().rules);
    await flushPromises();
    expect(wrapper.find('[data-testid="menu-users"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="menu-units"]').text()).toBe('全县组织机构');

    ability.update([]);
    await flushPromises();
    expect(wrapper.findAll('[data-testid^="menu-"]').map((i) => i.attributes('data-testid'))).toEqual(['menu-my-unit']);
  });

  it('goes to the page of the item clicked', async () => {
    const { plugins, router } = portalPlugins(abilities.admin());
    await router.push('/login');
    const wrapper = mount(AppMenu, { props: { countyId: COUNTY }, global: { plugins } });
    await wrapper.find('[data-testid="menu-users"]').trigger('click');
    // The page is a lazy chunk: the navigation ends once it has loaded.
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('users'), { timeout: 10_000 });
  });
});
