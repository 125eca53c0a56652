import { Connection } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** 集中会办: the joint conferences the caller may read, with their tasks' state. */
export const conferencesRoute: RouteRecordRaw = {
  path: 'conferences',
  name: 'conferences',
  component: () => import('./ConferencesPage.vue'),
  meta: { ability: ['read', 'Conference'], label: 'menu.conferences', menuIcon: Connection },
};

/** 记录会办: the form of a conference's minutes (the bureau and county leaders). */
export const conferenceNewRoute: RouteRecordRaw = {
  path: 'conferences/new',
  name: 'conference-new',
  component: () => import('./ConferenceNewPage.vue'),
  meta: { ability: ['create', 'Conference'], label: 'menu.conferenceNew' },
};

/** One conference: its items, decisions and tasks, 标记完成 where the server offers it. */
export const conferenceDetailRoute: RouteRecordRaw = {
  path: 'conferences/:id',
  name: 'conference-detail',
  component: () => import('./ConferencePage.vue'),
  meta: { ability: ['read', 'Conference'], label: 'menu.conferences' },
};
