import { OfficeBuilding } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** 组织机构: the unit tree within the user's scope, named after how far that scope reaches. */
export const unitsRoute: RouteRecordRaw = {
  path: 'units',
  name: 'units',
  component: () => import('./UnitsPage.vue'),
  meta: { ability: ['read', 'Unit'], label: { county: 'menu.unitsCounty', area: 'menu.unitsArea' }, menuIcon: OfficeBuilding },
};
