import { useMutation } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { computed, readonly, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { errorMessage } from '@/api/error-message';
import { MarkAllNotificationsReadDocument, MarkNotificationsReadDocument } from '@/gql/graphql';

/**
 * Bumped whenever notifications are marked read anywhere in the portal, so that the bell and the
 * inbox page, which share no query cache (the client keeps none), ask again.
 */
const changes = ref(0);

/** Signals that the inbox has changed on the server (the bell and the inbox page refresh). */
export const inboxChanged = readonly(changes);

/** Marking notifications read; the bell's count and any open list follow once the server has it. */
export function useMarkRead() {
  const { t } = useI18n();
  const some = useMutation(MarkNotificationsReadDocument);
  const every = useMutation(MarkAllNotificationsReadDocument);
  async function done(result: { error?: Parameters<typeof errorMessage>[0] }): Promise<boolean> {
    if (result.error) {
      ElMessage.error(errorMessage(result.error, t));
      return false;
    }
    changes.value += 1;
    return true;
  }
  /** Marks these notifications read. */
  async function markRead(ids: readonly string[]): Promise<boolean> {
    if (ids.length === 0) return true;
    return done(await some.executeMutation({ ids: [...ids] }));
  }
  /** 全部标为已读: every notification of the unit, not only those on screen. */
  async function markAllRead(): Promise<boolean> {
    return done(await every.executeMutation({}));
  }
  return { markRead, markAllRead, marking: computed(() => some.fetching.value || every.fetching.value) };
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** How long ago an instant was, in the user's language ("3 小时前", "3 hours ago"); "just now" under a minute. */
export function timeAgo(instant: string, locale: string, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(instant)) / 1000));
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return format.format(-Math.floor(seconds / size), unit);
  }
  return format.format(0, 'second');
}
