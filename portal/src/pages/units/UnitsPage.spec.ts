import { mount } from '@vue/test-utils';
import { defineAbilityFor, type AbilityUser, type AppAbility } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TreeUnitFragment } from '@/gql/graphql';
import { byTestId, click, formItemOf, mustFind, textOf, typeInto } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import UnitsPage from './UnitsPage.vue';

const COUNTY = '11111111-1111-4111-8111-111111111111';
const HEXI = '22222222-2222-4222-8222-222222222222';
const HEXI_VILLAGE = '33333333-3333-4333-8333-333333333333';
const BUREAU = '44444444-4444-4444-8444-444444444444';
const GROUP = '55555555-5555-4555-8555-555555555555';
const NEW_VILLAGE = '66666666-6666-4666-8666-666666666666';

const unit = (id: string, name: string, kind: TreeUnitFragment['kind'], parentId: string | null, depth: number, version = 1): TreeUnitFragment => ({
  id,
  name,
  kind,
  parentId,
  depth,
  sortOrder: 0,
  version,
});
const UNITS = [
  unit(COUNTY, '示范县', 'COUNTY', null, 0),
  unit(BUREAU, '县群众工作局', 'BUREAU', COUNTY, 1),
  unit(HEXI, '河西镇', 'TOWNSHIP', COUNTY, 1, 7),
  unit(HEXI_VILLAGE, '河西村', 'VILLAGE', HEXI, 2),
  unit(GROUP, '河西村一组', 'VILLAGE_GROUP', HEXI_VILLAGE, 3),
];

const user = (over: Partial<AbilityUser>): AbilityUser => ({ id: 'u', roles: [], unitId: COUNTY, unitKind: 'COUNTY', countyId: COUNTY, townshipId: null, villageId: null, ...over });
const admin = () => defineAbilityFor(user({ roles: ['ADMIN'] }));
const bureau = () => defineAbilityFor(user({ roles: ['BUREAU'], unitId: BUREAU, unitKind: 'BUREAU' }));

async function renderPage(ability: AppAbility, handlers: FakeHandlers = {}) {
  let units = UNITS;
  const server = fakeServer({
    Units: () => ({ data: { units } }),
    ...handlers,
  });
  const { plugins } = portalPlugins(ability, server);
  const wrapper = mount(UnitsPage, { global: { plugins }, attachTo: document.body });
  await vi.waitFor(() => expect(wrapper.findAll('[data-testid="unit-name"]')).toHaveLength(UNITS.length));
  return { wrapper, server, setUnits: (next: TreeUnitFragment[]) => (units = next) };
}

/** The actions offered on each node of the tree, by the unit's name. */
const actionsByUnit = () =>
  Object.fromEntries(
    [...document.querySelectorAll('.unit-node')].map((node) => [
      node.querySelector('[data-testid="unit-name"]')?.textContent,
      [...node.querySelectorAll('button')].map((b) => b.textContent?.trim()),
    ]),
  );

const nodeOf = (name: string) => {
  const node = [...document.querySelectorAll('.unit-node')].find((n) => n.querySelector('[data-testid="unit-name"]')?.textContent === name);
  if (!node) throw new Error(`No unit ${name} in the tree`);
  return node;
};

describe('the organisation page', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('shows the bureau the tree without any control to change it', async () => {
    await renderPage(bureau());
    expect(document.querySelectorAll('[data-testid="unit-add-child"], [data-testid="unit-rename"]')).toHaveLength(0);
    expect(textOf()).not.toContain('新增下级单位');
    expect(textOf()).not.toContain('重命名');
  });

  it('offers the administrator 新增下级单位 only where a unit may hang, and 重命名 everywhere', async () => {
    await renderPage(admin());
    expect(actionsByUnit()).toEqual({
      示范县: ['新增下级单位', '重命名'],
      县群众工作局: ['重命名'],
      河西镇: ['新增下级单位', '重命名'],
      河西村: ['新增下级单位', '重命名'],
      河西村一组: ['重命名'],
    });
  });

  it('adds a village under a township and reloads the tree', async () => {
    const added = unit(NEW_VILLAGE, '新河村', 'VILLAGE', HEXI, 2);
    const { server, setUnits } = await renderPage(admin(), {
      CreateUnit: () => {
        setUnits([...UNITS, added]);
        return { data: { createUnit: added } };
      },
    });
    await click(nodeOf('河西镇').querySelector('[data-testid="unit-add-child"]')!);
    expect(textOf('unit-parent')).toContain('河西镇');
    // Under a township only a village may hang: chosen already, nothing else offered.
    expect([...document.querySelectorAll('[data-testid="unit-kind"] .el-radio')].map((r) => [r.textContent?.trim(), r.classList.contains('is-checked')])).toEqual([
      ['村(居)', true],
    ]);
    await typeInto('unit-name-input', ' 新河村 ');
    await click('unit-submit');

    await vi.waitFor(() => expect(server.callsOf('CreateUnit')).toEqual([{ input: { parentId: HEXI, kind: 'VILLAGE', name: '新河村', sortOrder: null } }]));
    await vi.waitFor(() => expect(textOf()).toContain('已新增单位：新河村'));
    await vi.waitFor(() => expect(nodeOf('新河村')).toBeTruthy());
    expect(server.callsOf('Units')).toHaveLength(2);
  });

  it('makes the administrator choose the kind under the county, and shows a taken name beside the name', async () => {
    const { server } = await renderPage(admin(), {
      CreateUnit: () => ({ error: { code: 'BAD_USER_INPUT', reason: 'NAME_TAKEN', field: 'name' } }),
    });
    await click(nodeOf('示范县').querySelector('[data-testid="unit-add-child"]')!);
    expect([...document.querySelectorAll('[data-testid="unit-kind"] .el-radio')].map((r) => r.textContent?.trim())).toEqual([
      '镇乡',
      '部门',
      '群众工作局',
      '督查组',
    ]);
    await typeInto('unit-name-input', '河西镇');
    await click('unit-submit');
    await vi.waitFor(() => expect(textOf('unit-dialog')).toContain('请选择单位类型'));
    expect(server.callsOf('CreateUnit')).toEqual([]);

    await click(mustFind('[data-testid="unit-kind-TOWNSHIP"]').closest('label') ?? mustFind('[data-testid="unit-kind-TOWNSHIP"]'));
    await click('unit-submit');
    await vi.waitFor(() => expect(formItemOf('unit-name-input')).toContain('同级已有同名单位'));
  });

  it('renames with the version, and on CONFLICT says so and reloads', async () => {
    const { server } = await renderPage(admin(), { UpdateUnit: () => ({ error: { code: 'CONFLICT' } }) });
    await click(nodeOf('河西镇').querySelector('[data-testid="unit-rename"]')!);
    expect(mustFind<HTMLInputElement>('[data-testid="unit-name-input"]').value).toBe('河西镇');
    expect(byTestId('unit-kind')).toBeNull();
    await typeInto('unit-name-input', '河西街道');
    await click('unit-submit');

    await vi.waitFor(() => expect(server.callsOf('UpdateUnit')).toEqual([{ id: HEXI, version: 7, input: { name: '河西街道' } }]));
    await vi.waitFor(() => expect(textOf()).toContain('数据已被他人修改，请刷新后重试'));
    await vi.waitFor(() => expect(server.callsOf('Units')).toHaveLength(2));
  });
});
