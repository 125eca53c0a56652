import type { Component } from 'vue';
import type { Action, SubjectType } from '@xinfang/permissions';

/** A label that depends on how far the user's scope reaches (a county-wide view or one area). */
export interface ScopedLabel {
  county: string;
  area: string;
}

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without signing in. */
    public?: boolean;
    /** The ability the route needs; without it the user is sent home (the server checks anyway). */
    ability?: readonly [Action, SubjectType];
    /** The i18n key of the route's title and menu label. */
    label?: string | ScopedLabel;
    /** Shown in the side menu, with this icon. */
    menuIcon?: Component;
  }
}
