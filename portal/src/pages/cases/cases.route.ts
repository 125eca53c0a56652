import { Files, Warning } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** 重点信访事项: the key matters, with their 包案 and the Excel ledger. */
export const keyMattersRoute: RouteRecordRaw = {
  path: 'key-matters',
  name: 'key-matters',
  component: () => import('./KeyMattersPage.vue'),
  meta: { ability: ['read', 'Petition'], label: 'menu.keyMatters', menuIcon: Warning },
};

/** 信访积案: the backlog by age, with their 包案 and the Excel ledger. */
export const backlogRoute: RouteRecordRaw = {
  path: 'backlog',
  name: 'backlog',
  component: () => import('./BacklogPage.vue'),
  meta: { ability: ['read', 'Petition'], label: 'menu.backlog', menuIcon: Files },
};
