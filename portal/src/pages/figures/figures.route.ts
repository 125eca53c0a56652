import { TrendCharts } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** 数据分析: the rates, the intake and its breakdowns of a scope and a period; every reader of petitions. */
export const figuresRoute: RouteRecordRaw = {
  path: 'figures',
  name: 'figures',
  component: () => import('./FiguresPage.vue'),
  meta: { ability: ['read', 'Petition'], label: 'menu.figures', menuIcon: TrendCharts },
};

/** The records behind a rate's numerator or denominator. */
export const figureRecordsRoute: RouteRecordRaw = {
  path: 'figures/records',
  name: 'figure-records',
  component: () => import('./FigureRecordsPage.vue'),
  meta: { ability: ['read', 'Petition'], label: 'menu.figures' },
};

/** 信访形势分析: a month's, quarter's or year's figures beside the period before and a year before. */
export const figuresReportRoute: RouteRecordRaw = {
  path: 'figures/report',
  name: 'figures-report',
  component: () => import('./AnalysisReportPage.vue'),
  meta: { ability: ['read', 'Petition'], label: 'menu.figures' },
};
