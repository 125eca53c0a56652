import { ancestryFor, type UnitKind } from '@xinfang/domain';
import { Unit } from './unit.entity.js';

/**
 * Makes a new unit under `parent` with its path, depth and ancestry columns filled in, so that no unit
 * is ever written without them.
 */
export function makeUnit(name: string, kind: UnitKind, parent: Unit | null, sortOrder = 0): Unit {
  const unit = new Unit();
  unit.name = name;
  unit.kind = kind;
  unit.sortOrder = sortOrder;
  unit.parentId = parent?.id ?? null;
  Object.assign(unit, ancestryFor(unit, parent));
  unit.path = `${parent?.path ?? '/'}${unit.id}/`;
  unit.depth = parent ? parent.depth + 1 : 0;
  return unit;
}
