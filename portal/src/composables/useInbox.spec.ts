import { describe, expect, it } from 'vitest';
import { timeAgo } from './useInbox';

describe('how long ago a notification came', () => {
  const now = Date.parse('2026-05-10T12:00:00Z');
  it('counts in the largest whole unit, in the user’s language', () => {
    expect(timeAgo('2026-05-10T09:00:00Z', 'zh-CN', now)).toBe('3小时前');
    expect(timeAgo('2026-05-10T09:00:00Z', 'en', now)).toBe('3 hours ago');
    expect(timeAgo('2026-05-08T12:00:00Z', 'zh-CN', now)).toBe('前天');
    expect(timeAgo('2026-05-10T11:58:00Z', 'en', now)).toBe('2 minutes ago');
  });
  it('says now under a minute, and for a clock a little ahead', () => {
    expect(timeAgo('2026-05-10T11:59:30Z', 'en', now)).toBe('now');
    expect(timeAgo('2026-05-10T12:00:20Z', 'zh-CN', now)).toBe('现在');
  });
});
