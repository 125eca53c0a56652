import { Document, EditPen, List } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** 我的待办: the cases waiting on the user's unit, soonest deadline first. */
export const myWorkRoute: RouteRecordRaw = {
  path: 'my-work',
  name: 'my-work',
  component: () => import('./my-work/MyWorkPage.vue'),
  meta: { ability: ['read', 'Petition'], label: 'menu.myWork', menuIcon: List },
};

/** 信访事项: the list, with filters and the Excel ledger. */
export const petitionsRoute: RouteRecordRaw = {
  path: 'petitions',
  name: 'petitions',
  component: () => import('./list/PetitionsPage.vue'),
  meta: { ability: ['read', 'Petition'], label: 'menu.petitions', menuIcon: Document },
};

/** 信访登记: the intake form. */
export const petitionNewRoute: RouteRecordRaw = {
  path: 'petitions/new',
  name: 'petition-new',
  component: () => import('./intake/PetitionNewPage.vue'),
  meta: { ability: ['create', 'Petition'], label: 'menu.petitionNew', menuIcon: EditPen },
};

/** One petition: its details, deadlines, timeline and the actions the user may take. */
export const petitionDetailRoute: RouteRecordRaw = {
  path: 'petitions/:id',
  name: 'petition-detail',
  component: () => import('./detail/PetitionDetailPage.vue'),
  meta: { ability: ['read', 'Petition'], label: 'menu.petitions' },
};
