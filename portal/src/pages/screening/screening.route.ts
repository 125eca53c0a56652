import { DataAnalysis, DocumentChecked, Notebook, Timer } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** 排查报送: the user's own unit's screening periods, its zero reports and dispute reports. */
export const screeningSubmitRoute: RouteRecordRaw = {
  path: 'screening/submit',
  name: 'screening-submit',
  component: () => import('./submit/ScreeningSubmitPage.vue'),
  meta: { ability: ['create', 'ScreeningReport'], label: 'menu.screeningSubmit', menuIcon: DocumentChecked },
};

/** 排查情况: the month's reports of every screening unit in the user's scope, by status. */
export const screeningComplianceRoute: RouteRecordRaw = {
  path: 'screening/compliance',
  name: 'screening-compliance',
  component: () => import('./compliance/ScreeningCompliancePage.vue'),
  meta: { ability: ['read', 'ScreeningReport'], label: 'menu.screeningCompliance', menuIcon: DataAnalysis },
};

/** 矛盾纠纷台账: the disputes found by screening, filtered, with their figures and the Excel ledger. */
export const disputesRoute: RouteRecordRaw = {
  path: 'disputes',
  name: 'disputes',
  component: () => import('./disputes/DisputesPage.vue'),
  meta: { ability: ['read', 'Dispute'], label: 'menu.disputes', menuIcon: Notebook },
};

/** 排查设置: each unit kind's cadence and due day, in force and scheduled; the bureau changes them. */
export const screeningSettingsRoute: RouteRecordRaw = {
  path: 'screening/settings',
  name: 'screening-settings',
  component: () => import('./settings/ScreeningSettingsPage.vue'),
  meta: { ability: ['update', 'ScreeningRule'], label: 'menu.screeningSettings', menuIcon: Timer },
};
