import type { RouteRecordRaw } from 'vue-router';
import { loginRoute } from '@/pages/auth/login.route';
import { myUnitRoute } from '@/pages/my-unit/my-unit.route';
import { unitsRoute } from '@/pages/units/units.route';
import { usersRoute } from '@/pages/users/users.route';
import { myWorkRoute, petitionDetailRoute, petitionNewRoute, petitionsRoute } from '@/pages/petitions/petitions.route';
import { receiptRoute } from '@/pages/receipt/receipt.route';
import { calendarRoute } from '@/pages/calendar/calendar.route';
import { disputesRoute, screeningComplianceRoute, screeningSettingsRoute, screeningSubmitRoute } from '@/pages/screening/screening.route';

export const HOME = 'my-unit';

/** The signed-in pages, in menu order; each lazy, each naming the ability it needs. */
export const appRoutes: RouteRecordRaw[] = [
  myWorkRoute,
  petitionsRoute,
  petitionNewRoute,
  petitionDetailRoute,
  screeningSubmitRoute,
  screeningComplianceRoute,
  disputesRoute,
  myUnitRoute,
  unitsRoute,
  usersRoute,
  calendarRoute,
  screeningSettingsRoute,
];

export const routes: RouteRecordRaw[] = [
  loginRoute,
  receiptRoute,
  {
    path: '/',
    component: () => import('@/layouts/MainLayout.vue'),
    redirect: { name: HOME },
    children: appRoutes,
  },
  // An unknown address is most likely an old bookmark: home is the useful answer.
  { path: '/:pathMatch(.*)*', redirect: { name: HOME } },
];
