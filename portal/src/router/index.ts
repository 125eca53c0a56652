import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import type { AppAbility } from '@xinfang/permissions';
import { installGuard, type GuardSession } from './guard';
import { routes } from './routes';

/** The portal's router, guarded by the session and the ability. */
export function createAppRouter(session: () => GuardSession, ability: AppAbility, history: RouterHistory = createWebHistory()) {
  const router = createRouter({ history, routes, scrollBehavior: () => ({ top: 0 }) });
  installGuard(router, session, ability);
  return router;
}
