import { School } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** 我的单位: the home page, for everyone signed in. */
export const myUnitRoute: RouteRecordRaw = {
  path: 'my-unit',
  name: 'my-unit',
  component: () => import('./MyUnitPage.vue'),
  meta: { label: 'menu.myUnit', menuIcon: School },
};
