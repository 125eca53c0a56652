import { School } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** 我的单位: the user's unit, for everyone signed in; the home page of those without 我的待办 (the administrator). */
export const myUnitRoute: RouteRecordRaw = {
  path: 'my-unit',
  name: 'my-unit',
  component: () => import('./MyUnitPage.vue'),
  meta: { label: 'menu.myUnit', menuIcon: School },
};
