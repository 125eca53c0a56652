import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
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
});
