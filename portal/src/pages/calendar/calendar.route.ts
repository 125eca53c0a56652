import { Calendar } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** 节假日设置: the holiday calendar every deadline is counted with; the bureau keeps it. */
export const calendarRoute: RouteRecordRaw = {
  path: 'calendar',
  name: 'calendar',
  component: () => import('./CalendarPage.vue'),
  meta: { ability: ['update', 'HolidayCalendar'], label: 'menu.calendar', menuIcon: Calendar },
};
