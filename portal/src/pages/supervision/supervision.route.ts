import { Flag } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** 督查督办: the supervision orders the caller may read, by status, with the Excel ledger (督办台账). */
export const supervisionRoute: RouteRecordRaw = {
  path: 'supervision',
  name: 'supervision',
  component: () => import('./SupervisionPage.vue'),
  meta: { ability: ['read', 'SupervisionOrder'], label: 'menu.supervision', menuIcon: Flag },
};

/** One supervision order: its requirement, report and history, and 反馈 / 审核 as the server offers them. */
export const supervisionOrderRoute: RouteRecordRaw = {
  path: 'supervision/:id',
  name: 'supervision-order',
  component: () => import('./SupervisionOrderPage.vue'),
  meta: { ability: ['read', 'SupervisionOrder'], label: 'menu.supervision' },
};
