import type { RouteRecordRaw } from 'vue-router';

/** 站内通知: the unit's whole inbox, unread or all; reached from the bell in the header, not the menu. */
export const inboxRoute: RouteRecordRaw = {
  path: 'inbox',
  name: 'inbox',
  component: () => import('./InboxPage.vue'),
  meta: { ability: ['read', 'Notification'], label: 'inbox.title' },
};
