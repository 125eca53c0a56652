import { CHANNELS, PETITION_KINDS, PETITION_SORTS, PETITION_STATUSES, WARNINGS, type PetitionSort } from '@xinfang/domain';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { dateIn, flag, idIn, many, one, oneOf, pagingFromQuery, pagingToQuery, type Paging } from '@/composables/useCursorList';
import type { Channel, PetitionFilter, PetitionKind, PetitionStatus, Warning } from '@/gql/graphql';

/**
 * The warnings most urgent first, as the filter and 我的待办's figures show them (the domain lists
 * them the other way round, from none to red).
 */
export const WARNINGS_URGENT_FIRST: readonly Warning[] = [...WARNINGS].reverse();
/** The list opens newest first; 我的待办 asks for the soonest deadline. */
export const DEFAULT_SORT: PetitionSort = 'RECEIVED_DESC';
/** The orders as the list offers them: by the date received (newest first, as it opens), then by deadline, 我的待办's order. */
export const SORTS_OFFERED: readonly PetitionSort[] = [...PETITION_SORTS.filter((s) => s !== 'DEADLINE'), 'DEADLINE'];

/** What the filter bar holds: every field a plain value, empty when not filtering. */
export interface ListFilter {
  text: string;
  status: PetitionStatus[];
  channel: Channel | '';
  kind: PetitionKind | '';
  categoryCode: string;
  unitId: string;
  warning: Warning[];
  isKeyMatter: boolean;
  isBacklog: boolean;
  receivedFrom: string;
  receivedTo: string;
  sort: PetitionSort;
}

/** Where the list stands: its filter and its page. */
export interface ListState extends Paging {
  filter: ListFilter;
}

export const emptyFilter = (): ListFilter => ({
  text: '',
  status: [],
  channel: '',
  kind: '',
  categoryCode: '',
  unitId: '',
  warning: [],
  isKeyMatter: false,
  isBacklog: false,
  receivedFrom: '',
  receivedTo: '',
  sort: DEFAULT_SORT,
});

/** Reads the list's state from the address bar; what is missing or malformed is the default. */
export function stateFromQuery(query: LocationQuery): ListState {
  return {
    filter: {
      text: one(query.q).trim(),
      status: many(query.status, PETITION_STATUSES),
      channel: oneOf(query.channel, CHANNELS),
      kind: oneOf(query.kind, PETITION_KINDS),
      categoryCode: one(query.category),
      unitId: idIn(query.unit),
      warning: many(query.warning, WARNINGS_URGENT_FIRST),
      isKeyMatter: flag(query.key),
      isBacklog: flag(query.backlog),
      receivedFrom: dateIn(query.from),
      receivedTo: dateIn(query.to),
      sort: oneOf(query.sort, PETITION_SORTS) || DEFAULT_SORT,
    },
    ...pagingFromQuery(query),
  };
}

/** Writes the list's state into the address bar: only what differs from the defaults, in a fixed order. */
export function stateToQuery(state: ListState): LocationQueryRaw {
  const f = state.filter;
  const query: Record<string, string> = {};
  if (f.text.trim()) query.q = f.text.trim();
  if (f.status.length) query.status = f.status.join(',');
  if (f.channel) query.channel = f.channel;
  if (f.kind) query.kind = f.kind;
  if (f.categoryCode) query.category = f.categoryCode;
  if (f.unitId) query.unit = f.unitId;
  if (f.warning.length) query.warning = f.warning.join(',');
  if (f.isKeyMatter) query.key = '1';
  if (f.isBacklog) query.backlog = '1';
  if (f.receivedFrom) query.from = f.receivedFrom;
  if (f.receivedTo) query.to = f.receivedTo;
  if (f.sort !== DEFAULT_SORT) query.sort = f.sort;
  return { ...query, ...pagingToQuery(state) };
}

/** The server's filter for the list and for the export: only the fields that narrow anything. */
export function filterToVariables(f: ListFilter): PetitionFilter {
  const filter: PetitionFilter = { sort: f.sort };
  if (f.text.trim()) filter.text = f.text.trim();
  if (f.status.length) filter.status = [...f.status];
  if (f.channel) filter.channel = [f.channel];
  if (f.kind) filter.kind = [f.kind];
  if (f.categoryCode) filter.categoryCode = [f.categoryCode];
  if (f.unitId) filter.unitId = f.unitId;
  if (f.warning.length) filter.warning = [...f.warning];
  if (f.isKeyMatter) filter.isKeyMatter = true;
  if (f.isBacklog) filter.isBacklog = true;
  if (f.receivedFrom) filter.receivedFrom = f.receivedFrom;
  if (f.receivedTo) filter.receivedTo = f.receivedTo;
  return filter;
}

/** Whether the filter narrows the list at all (the sort aside). */
export const isFiltered = (f: ListFilter): boolean => Object.keys(filterToVariables(f)).some((k) => k !== 'sort');
