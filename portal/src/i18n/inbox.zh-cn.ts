/** The words of the in-app inbox (站内通知), in Chinese. */
export const inboxZhCN = {
  title: '站内通知',
  subtitle: '本单位收到的预警和提醒，最新的在前（最多显示 100 条）',
  bell: '站内通知（{count}条未读）',
  latest: '最新通知',
  kind: {
    WARNING_YELLOW: '黄色预警：期限将至',
    WARNING_RED: '红色预警：已超期',
    OWNERSHIP_MISSING: '包案“五个一”未落实',
  },
  dueOn: '期限 {date}',
  petition: '信访事项 {number}',
  noPetition: '本单位无权查看该信访事项',
  unread: '未读',
  markRead: '标为已读',
  markAllRead: '全部标为已读',
  markedRead: '已将 {count} 条通知标为已读',
  viewAll: '查看全部',
  refresh: '刷新',
  empty: '暂无通知',
  emptyUnread: '暂无未读通知',
  tabs: { label: '通知范围', unread: '未读', all: '全部' },
};
