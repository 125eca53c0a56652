import type { RouteRecordRaw } from 'vue-router';

/** The public receipt page: a petitioner follows the case with the receipt code alone. */
export const receiptRoute: RouteRecordRaw = {
  path: '/receipt',
  name: 'receipt',
  component: () => import('./ReceiptPage.vue'),
  meta: { public: true, label: 'menu.receipt' },
};
