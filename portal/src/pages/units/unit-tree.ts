import { ALLOWED_PARENT, UNIT_KINDS } from '@xinfang/domain';
import type { UnitKind } from '@/gql/graphql';

/** A unit as the `units` query lists it: flat, with its parent's id. */
export interface FlatUnit {
  id: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  sortOrder: number;
}

export type UnitNode<T extends FlatUnit = FlatUnit> = T & { children: UnitNode<T>[] };

const bySortOrder = (a: FlatUnit, b: FlatUnit) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN');

/**
 * Builds the tree of the units a user may see. The roots are the units whose parent is not in the
 * list: for a township that is the township itself, for the county's staff the county.
 */
export function buildUnitTree<T extends FlatUnit>(units: readonly T[]): UnitNode<T>[] {
  const nodes = new Map<string, UnitNode<T>>(units.map((u) => [u.id, { ...u, children: [] }]));
  const roots: UnitNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: UnitNode<T>[]) => {
    list.sort(bySortOrder);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** Whether a unit passes the page's filters: part of its name, and one kind or any. */
export function matchesUnit(unit: Pick<FlatUnit, 'name' | 'kind'>, filter: { name: string; kind: UnitKind | '' }): boolean {
  const text = filter.name.trim();
  return (!text || unit.name.includes(text)) && (!filter.kind || unit.kind === filter.kind);
}

/** The kinds of unit that may hang under a unit of this kind (`ALLOWED_PARENT` of @xinfang/domain). */
export function childKinds(kind: UnitKind): UnitKind[] {
  return UNIT_KINDS.filter((child) => ALLOWED_PARENT[child] === kind);
}
