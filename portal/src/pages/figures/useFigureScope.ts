import { useAbility } from '@casl/vue';
import type { AppAbility } from '@xinfang/permissions';
import { computed } from 'vue';
import { useAuthStore } from '@/auth/auth.store';
import { seesWholeCounty } from '@/router/scope';
import type { ScopeUnit } from './figures';

/**
 * The scope 数据分析 opens with: the county for the county-wide roles (the bureau, the county leaders,
 * the supervision group), else the caller's own unit (a township, a village, a department).
 */
export function useHomeScope() {
  const auth = useAuthStore();
  const ability = useAbility<AppAbility>();
  const countyWide = computed(() => seesWholeCounty(ability, auth.user?.unit.countyId));
  const homeId = computed(() => {
    const user = auth.user;
    if (!user) return '';
    return countyWide.value ? user.unit.countyId : user.unitId;
  });
  /** The home unit as far as the session knows it; the units query names the county. */
  const sessionHome = computed<ScopeUnit | null>(() => {
    const user = auth.user;
    if (!user) return null;
    if (!countyWide.value) return { id: user.unit.id, name: user.unit.name, kind: user.unit.kind };
    const county = user.unit.path.find((p) => p.id === user.unit.countyId);
    return { id: user.unit.countyId, name: county?.name ?? '', kind: 'COUNTY' };
  });
  return { countyWide, homeId, sessionHome };
}
