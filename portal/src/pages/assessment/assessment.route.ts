import { Medal } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/**
 * 考核评价: the year's results table for the county leaders, the bureau and the supervision group;
 * a unit's own scorecard for the others. Every working unit reads the schemes; the administrator,
 * who works on no petition, does not.
 */
export const assessmentRoute: RouteRecordRaw = {
  path: 'assessment',
  name: 'assessment',
  component: () => import('./AssessmentPage.vue'),
  meta: { ability: ['read', 'AssessmentScheme'], label: 'menu.assessment', menuIcon: Medal },
};

/** A unit's scorecard of a year (`?year=`). */
export const assessmentUnitRoute: RouteRecordRaw = {
  path: 'assessment/unit/:unitId',
  name: 'assessment-unit',
  component: () => import('./AssessmentUnitPage.vue'),
  meta: { ability: ['read', 'AssessmentScheme'], label: 'menu.assessment' },
};

/** 考核方案 of a year (`?year=`, this year by default): everyone reads them, the bureau edits them. */
export const assessmentSchemesRoute: RouteRecordRaw = {
  path: 'assessment/schemes',
  name: 'assessment-schemes',
  component: () => import('./AssessmentSchemesPage.vue'),
  meta: { ability: ['read', 'AssessmentScheme'], label: 'menu.assessment' },
};
