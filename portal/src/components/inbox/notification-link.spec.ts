import { describe, expect, it } from 'vitest';
import type { NotificationLineFragment } from '@/gql/graphql';
import { notificationLink } from './notification-link';

const line = (over: Partial<NotificationLineFragment>): NotificationLineFragment => ({
  id: 'n',
  kind: 'ORDER_ISSUED',
  dueOn: null,
  createdAt: '2026-12-01T00:00:00Z',
  read: false,
  petition: { id: 'p1', number: 'SFX-2024-00042' },
  order: null,
  task: null,
  circular: null,
  assessmentYear: null,
  ...over,
});

describe('where a notification leads', () => {
  it('opens the order before its petition, the task’s conference, the circular, else the petition', () => {
    expect(notificationLink(line({ order: { id: 'o1', number: '督〔2026〕1号' } }), false)).toEqual({
      kind: 'order',
      words: { number: '督〔2026〕1号' },
      to: { name: 'supervision-order', params: { id: 'o1' } },
    });
    const task = line({ kind: 'WARNING_RED', task: { id: 't1', conference: { id: 'c1', title: '集中会办' } } });
    expect(notificationLink(task, true)?.to).toEqual({ name: 'conference-detail', params: { id: 'c1' } });
    // A unit that owns the task but may not read conferences finds it on 我的待办.
    expect(notificationLink(task, false)).toEqual({ kind: 'task', words: { title: '集中会办' }, to: { name: 'my-work' } });
    expect(notificationLink(line({ kind: 'CIRCULAR_PUBLISHED', petition: null, circular: { id: 'c9', number: '通〔2026〕1号', title: '通报' } }), false)?.to).toEqual({
      name: 'circulars',
      query: { circular: 'c9' },
    });
    expect(notificationLink(line({ kind: 'ASSESSMENT_REVIEW', petition: null, assessmentYear: 2025, dueOn: '2026-01-19' }), false)).toEqual({
      kind: 'assessment',
      words: { year: '2025' },
      to: { name: 'assessment' },
    });
    expect(notificationLink(line({ kind: 'WARNING_RED' }), false)?.kind).toBe('petition');
    expect(notificationLink(line({ petition: null }), false)).toBeNull();
  });
});
