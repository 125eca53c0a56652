import { abilitiesPlugin } from '@casl/vue';
import type { AppAbility } from '@xinfang/permissions';
import { createPinia, setActivePinia } from 'pinia';
import type { Plugin } from 'vue';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { createAppI18n } from '@/i18n';
import { routes } from '@/router/routes';

/**
 * The plugins a portal component expects, in Chinese, with a router that does not touch the address
 * bar; with `server` (see fake-server.ts), the GraphQL client too, for components that query.
 */
export function portalPlugins(ability: AppAbility, server?: { plugin: [Plugin, unknown] }): { plugins: (Plugin | [Plugin, ...unknown[]])[]; router: Router } {
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createRouter({ history: createMemoryHistory(), routes });
  const plugins: (Plugin | [Plugin, ...unknown[]])[] = [pinia, createAppI18n('zh-CN'), router, [abilitiesPlugin as Plugin, ability]];
  if (server) plugins.push(server.plugin);
  return { router, plugins };
}
