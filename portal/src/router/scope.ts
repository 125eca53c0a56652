import { subject, type AppAbility } from '@xinfang/permissions';
import type { RouteMeta, RouteRecordRaw } from 'vue-router';

/** An id no unit has: asking about it asks about "some other unit", never the user's own. */
const SOME_OTHER_UNIT = '00000000-0000-0000-0000-000000000000';

/**
 * Whether the user may read county-level units other than their own: county leaders, the bureau,
 * the supervisors and the administrator can; a township, a village or a department cannot.
 */
export function seesWholeCounty(ability: AppAbility, countyId: string | null | undefined): boolean {
  if (!countyId) return false;
  return ability.can('read', subject('Unit', { id: SOME_OTHER_UNIT, countyId, townshipId: null, villageId: null }));
}

/** The i18n key of a route's label for this user. */
export function labelKey(meta: RouteMeta, countyWide: boolean): string {
  const { label } = meta;
  if (!label) return 'app.name';
  if (typeof label === 'string') return label;
  return countyWide ? label.county : label.area;
}

/** Whether the ability allows what the route needs. */
export function canEnter(ability: AppAbility, meta: RouteMeta): boolean {
  return !meta.ability || ability.can(meta.ability[0], meta.ability[1]);
}

export interface MenuItem {
  name: string;
  labelKey: string;
  icon: RouteMeta['menuIcon'];
}

/** The menu items this user may follow, in route order. */
export function menuItems(routes: readonly RouteRecordRaw[], ability: AppAbility, countyId: string | null | undefined): MenuItem[] {
  const countyWide = seesWholeCounty(ability, countyId);
  return routes
    .filter((r): r is RouteRecordRaw & { name: string } => typeof r.name === 'string' && !!r.meta?.menuIcon && canEnter(ability, r.meta))
    .map((r) => ({ name: r.name, labelKey: labelKey(r.meta ?? {}, countyWide), icon: r.meta?.menuIcon }));
}
