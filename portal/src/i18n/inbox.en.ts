import type { inboxZhCN } from './inbox.zh-cn';

/** The words of the in-app inbox, in English. */
export const inboxEn: typeof inboxZhCN = {
  title: 'Notifications',
  subtitle: 'Warnings and reminders sent to your unit, newest first (at most 100)',
  bell: 'Notifications ({count} unread)',
  latest: 'Latest notifications',
  kind: {
    WARNING_YELLOW: 'Yellow warning: deadline approaching',
    WARNING_RED: 'Red warning: overdue',
    OWNERSHIP_MISSING: 'Ownership ("five ones") incomplete',
    ORDER_ISSUED: 'Supervision order received',
    ORDER_REOPENED: 'Report sent back by supervision',
    CIRCULAR_PUBLISHED: 'Your unit named in a circular',
  },
  dueOn: 'Due {date}',
  petition: 'Petition {number}',
  order: 'Supervision order {number}',
  task: 'Conference task: {title}',
  circular: 'Circular {number}',
  noPetition: 'Your unit may not read this petition',
  unread: 'Unread',
  markRead: 'Mark read',
  markAllRead: 'Mark all read',
  markedRead: '{count} notifications marked read',
  viewAll: 'View all',
  refresh: 'Refresh',
  empty: 'No notifications',
  emptyUnread: 'No unread notifications',
  tabs: { label: 'Which notifications', unread: 'Unread', all: 'All' },
};
