import { describe, expect, it } from 'vitest';
import { buildUnitTree, matchesUnit, type FlatUnit, type UnitNode } from './unit-tree';

const unit = (id: string, name: string, kind: FlatUnit['kind'], parentId: string | null, sortOrder = 0): FlatUnit => ({
  id,
  name,
  kind,
  parentId,
  sortOrder,
});

const names = (nodes: UnitNode[]): unknown => nodes.map((n) => (n.children.length ? { [n.name]: names(n.children) } : n.name));

describe('the unit tree', () => {
  it('hangs every unit under its parent, siblings in their order', () => {
    const tree = buildUnitTree([
      unit('c', '示范县', 'COUNTY', null),
      unit('q', '青山乡', 'TOWNSHIP', 'c', 9),
      unit('b', '县群众工作局', 'BUREAU', 'c', 0),
      unit('v2', '青山村', 'VILLAGE', 'q', 1),
      unit('v1', '石桥村', 'VILLAGE', 'q', 0),
      unit('g', '青山村一组', 'VILLAGE_GROUP', 'v2', 0),
    ]);
    expect(names(tree)).toEqual([{ 示范县: ['县群众工作局', { 青山乡: ['石桥村', { 青山村: ['青山村一组'] }] }] }]);
  });

  it('takes as roots the units whose parent the user cannot see', () => {
    // A township sees itself and below, not the county above it.
    const tree = buildUnitTree([
      unit('q', '青山乡', 'TOWNSHIP', 'c'),
      unit('v1', '石桥村', 'VILLAGE', 'q', 0),
      unit('v2', '青山村', 'VILLAGE', 'q', 1),
    ]);
    expect(names(tree)).toEqual([{ 青山乡: ['石桥村', '青山村'] }]);
  });

  it('gives an empty list an empty tree', () => {
    expect(buildUnitTree([])).toEqual([]);
  });

  it('filters by part of the name and by kind', () => {
    const v = unit('v', '石桥村', 'VILLAGE', 'q');
    expect(matchesUnit(v, { name: '石桥', kind: '' })).toBe(true);
    expect(matchesUnit(v, { name: ' 石桥 ', kind: 'VILLAGE' })).toBe(true);
    expect(matchesUnit(v, { name: '', kind: 'TOWNSHIP' })).toBe(false);
    expect(matchesUnit(v, { name: '城关', kind: '' })).toBe(false);
  });
});
