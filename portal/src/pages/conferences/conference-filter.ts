import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { dateIn, one, pagingFromQuery, pagingToQuery, type Paging } from '@/composables/useCursorList';
import type { ConferenceFilter, ConferenceRowFragment, Warning } from '@/gql/graphql';

/** What the filter bar of 集中会办 holds, kept in the address bar. */
export interface ConferenceListFilter {
  text: string;
  from: string;
  to: string;
}

export interface ConferenceListState extends Paging {
  filter: ConferenceListFilter;
}

export const emptyConferenceFilter = (): ConferenceListFilter => ({ text: '', from: '', to: '' });

export function conferenceStateFromQuery(query: LocationQuery): ConferenceListState {
  return { filter: { text: one(query.q).trim(), from: dateIn(query.from), to: dateIn(query.to) }, ...pagingFromQuery(query) };
}

export function conferenceStateToQuery(state: ConferenceListState): LocationQueryRaw {
  const f = state.filter;
  const query: Record<string, string> = {};
  if (f.text.trim()) query.q = f.text.trim();
  if (f.from) query.from = f.from;
  if (f.to) query.to = f.to;
  return { ...query, ...pagingToQuery(state) };
}

export function conferenceFilterToVariables(f: ConferenceListFilter): ConferenceFilter {
  const filter: ConferenceFilter = {};
  if (f.text.trim()) filter.text = f.text.trim();
  if (f.from) filter.from = f.from;
  if (f.to) filter.to = f.to;
  return filter;
}

/** A conference's tasks at a glance: how many, how many done, how many overdue. */
export function taskSummary(conference: Pick<ConferenceRowFragment, 'items'>): { all: number; done: number; overdue: number } {
  const tasks = conference.items.flatMap((i) => i.tasks);
  return { all: tasks.length, done: tasks.filter((t) => t.doneOn).length, overdue: tasks.filter((t) => !t.doneOn && t.warning === 'RED').length };
}

/** A task's state: done, or its warning while open (RED past its due day, YELLOW within three days). */
export type TaskState = 'DONE' | Warning;
export const taskState = (task: { doneOn?: string | null; warning: Warning }): TaskState => (task.doneOn ? 'DONE' : task.warning);
