import type { AppAbility } from '@xinfang/permissions';
import type { RouteRecordRaw } from 'vue-router';
import { loginRoute } from '@/pages/auth/login.route';
import { myUnitRoute } from '@/pages/my-unit/my-unit.route';
import { unitsRoute } from '@/pages/units/units.route';
import { usersRoute } from '@/pages/users/users.route';
import { myWorkRoute, petitionDetailRoute, petitionNewRoute, petitionsRoute } from '@/pages/petitions/petitions.route';
import { backlogRoute, keyMattersRoute } from '@/pages/cases/cases.route';
import { receiptRoute } from '@/pages/receipt/receipt.route';
import { calendarRoute } from '@/pages/calendar/calendar.route';
import { inboxRoute } from '@/pages/inbox/inbox.route';
import { supervisionOrderRoute, supervisionRoute } from '@/pages/supervision/supervision.route';
import { conferenceDetailRoute, conferenceNewRoute, conferencesRoute } from '@/pages/conferences/conferences.route';
import { circularsRoute } from '@/pages/circulars/circulars.route';
import { disputesRoute, screeningComplianceRoute, screeningSettingsRoute, screeningSubmitRoute } from '@/pages/screening/screening.route';
import { figureRecordsRoute, figuresReportRoute, figuresRoute } from '@/pages/figures/figures.route';
import { assessmentRoute, assessmentSchemesRoute, assessmentUnitRoute } from '@/pages/assessment/assessment.route';
import { canEnter } from './scope';

/**
 * The route of the address `/`: never shown itself. The guard sends a signed-in user on to the home
 * of their ability (`homeFor`), a signed-out one to sign in; unknown addresses come here too.
 */
export const HOME = 'home';

/**
 * Where a user lands (after signing in, at `/`, at an unknown or a forbidden address): 我的待办, the
 * dashboard of cases and screening reminders, for everyone who may open it; 我的单位 for the others
 * (the administrator, who works on no petition).
 */
export function homeFor(ability: AppAbility): 'my-work' | 'my-unit' {
  return canEnter(ability, myWorkRoute.meta ?? {}) ? 'my-work' : 'my-unit';
}

/** The signed-in pages, in menu order; each lazy, each naming the ability it needs. */
export const appRoutes: RouteRecordRaw[] = [
  myWorkRoute,
  petitionsRoute,
  keyMattersRoute,
  backlogRoute,
  petitionNewRoute,
  petitionDetailRoute,
  supervisionRoute,
  supervisionOrderRoute,
  conferencesRoute,
  conferenceNewRoute,
  conferenceDetailRoute,
  circularsRoute,
  screeningSubmitRoute,
  screeningComplianceRoute,
  disputesRoute,
  figuresRoute,
  figureRecordsRoute,
  figuresReportRoute,
  assessmentRoute,
  assessmentUnitRoute,
  assessmentSchemesRoute,
  myUnitRoute,
  unitsRoute,
  usersRoute,
  calendarRoute,
  screeningSettingsRoute,
  inboxRoute,
];

export const routes: RouteRecordRaw[] = [
  loginRoute,
  receiptRoute,
  {
    path: '/',
    name: HOME,
    component: () => import('@/layouts/MainLayout.vue'),
    children: appRoutes,
  },
  // An unknown address is most likely an old bookmark: home is the useful answer. (Without its own
  // params, the redirect would carry the unknown path's `pathMatch` to a route that has none.)
  { path: '/:pathMatch(.*)*', redirect: { name: HOME, params: {} } },
];
