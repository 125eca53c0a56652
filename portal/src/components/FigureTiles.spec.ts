import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import FigureTiles, { type FigureTile } from './FigureTiles.vue';

const TILES: FigureTile[] = [
  { id: 'RED', label: '逾期', value: 3, colour: 'var(--el-color-danger)', hint: '已超过办理期限', testid: 'tile-RED', valueTestid: 'tile-value' },
  { id: 'NONE', label: '正常', value: null, testid: 'tile-NONE', valueTestid: 'tile-value' },
];

describe('the figure tiles', () => {
  it('shows each figure with its label and hint, a dash while there is none, as one named group', () => {
    const wrapper = mount(FigureTiles, { props: { tiles: TILES, label: '预警' } });
    expect(wrapper.attributes('role')).toBe('group');
    expect(wrapper.attributes('aria-label')).toBe('预警');
    expect(wrapper.get('[data-testid="tile-RED"]').text()).toBe('逾期3已超过办理期限');
    expect(wrapper.get('[data-testid="tile-NONE"] [data-testid="tile-value"]').text()).toBe('–');
    // Figures only: nothing to press.
    expect(wrapper.findAll('button')).toHaveLength(0);
  });

  it('makes every tile a button that says which one is picked, and answers which was clicked', async () => {
    const wrapper = mount(FigureTiles, { props: { tiles: TILES, label: '预警', pickable: true, picked: 'RED' } });
    const [red, none] = wrapper.findAll('button');
    expect(red!.attributes('aria-pressed')).toBe('true');
    expect(none!.attributes('aria-pressed')).toBe('false');
    await none!.trigger('click');
    expect(wrapper.emitted('pick')).toEqual([['NONE']]);
  });

  it('makes a tile with a place to go a link there, reachable by the keyboard, its visible words the start of its name', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { template: '<div />' } }, { path: '/records', name: 'records', component: { template: '<div />' } }] });
    await router.push('/');
    const tiles: FigureTile[] = [
      { ...TILES[0]!, to: { name: 'records', query: { count: 'RED' } }, action: '查看明细' },
      { ...TILES[1]!, to: { name: 'records', query: { count: 'NONE' } } },
    ];
    const wrapper = mount(FigureTiles, { props: { tiles, label: '预警' }, global: { plugins: [router] } });
    const links = wrapper.findAll('a');
    expect(links.map((a) => a.attributes('href'))).toEqual(['/records?count=RED', '/records?count=NONE']);
    // Named by its visible words, then what it opens, for assistive technology only.
    expect(links[0]!.attributes('aria-pressed')).toBeUndefined();
    expect(links[0]!.text()).toBe('逾期3已超过办理期限查看明细');
    expect(links[0]!.get('.visually-hidden').text()).toBe('查看明细');
    expect(links[1]!.text()).toBe('正常–');
    expect(wrapper.findAll('button')).toHaveLength(0);
    await links[1]!.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/records?count=NONE');
    // A link is not a pick, even in a pickable row.
    const pickable = mount(FigureTiles, { props: { tiles, label: '预警', pickable: true }, global: { plugins: [router] } });
    await pickable.findAll('a')[0]!.trigger('click');
    expect(pickable.emitted('pick')).toBeUndefined();
  });
});
