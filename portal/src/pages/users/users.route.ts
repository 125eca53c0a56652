import { User } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** 用户管理: the accounts, for the system administrator. */
export const usersRoute: RouteRecordRaw = {
  path: 'users',
  name: 'users',
  component: () => import('./UsersPage.vue'),
  meta: { ability: ['read', 'User'], label: 'menu.users', menuIcon: User },
};
