import type { RouteLocationRaw } from 'vue-router';
import type { NotificationLineFragment } from '@/gql/graphql';

/** What a notification's link opens: its words (an `inbox.*` key and parameters) and where it goes. */
export interface NotificationLink {
  kind: 'order' | 'task' | 'circular' | 'assessment' | 'petition';
  words: Record<string, string>;
  to: RouteLocationRaw;
}

/**
 * Where a notification leads: the supervision order it is about (issued, sent back, or its due day),
 * else the conference of its task (or 我的待办, which lists the unit's tasks, for a unit that may not
 * read conferences), else the circular, else the unit's assessment (考核评价 opens its newest
 * scorecard: the year under review or just published), else the petition; null when the unit may read none of them.
 */
export function notificationLink(n: NotificationLineFragment, readsConferences: boolean): NotificationLink | null {
  if (n.order) return { kind: 'order', words: { number: n.order.number }, to: { name: 'supervision-order', params: { id: n.order.id } } };
  if (n.task) {
    return {
      kind: 'task',
      words: { title: n.task.conference.title },
      to: readsConferences ? { name: 'conference-detail', params: { id: n.task.conference.id } } : { name: 'my-work' },
    };
  }
  if (n.circular) return { kind: 'circular', words: { number: n.circular.number }, to: { name: 'circulars', query: { circular: n.circular.id } } };
  if (n.assessmentYear) return { kind: 'assessment', words: { year: String(n.assessmentYear) }, to: { name: 'assessment' } };
  if (n.petition) return { kind: 'petition', words: { number: n.petition.number }, to: { name: 'petition-detail', params: { id: n.petition.id } } };
  return null;
}
