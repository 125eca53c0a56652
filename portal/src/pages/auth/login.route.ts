import type { RouteRecordRaw } from 'vue-router';

/** The sign-in page: open to everyone. */
export const loginRoute: RouteRecordRaw = {
  path: '/login',
  name: 'login',
  component: () => import('./LoginPage.vue'),
  meta: { public: true, label: 'login.title' },
};
