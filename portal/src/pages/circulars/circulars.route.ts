import { Notification } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** 通报追责: the county's circulars and the accountability records, each with its Excel ledger. */
export const circularsRoute: RouteRecordRaw = {
  path: 'circulars',
  name: 'circulars',
  component: () => import('./CircularsPage.vue'),
  meta: { ability: ['read', 'Circular'], label: 'menu.circulars', menuIcon: Notification },
};
