import { CHANNELS, PETITION_KINDS, PETITION_STATUSES, WARNINGS } from '@xinfang/domain';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { PETITION_SORTS, type PetitionSort } from '@/domain-pending';
import type { Channel, PetitionFilter, PetitionKind, PetitionStatus, Warning } from '@/gql/graphql';

/**
 * The warnings most urgent first, as the filter and 我的待办's figures show them (the domain lists
 * them the other way round, from none to red).
 */
export const WARNINGS_URGENT_FIRST: readonly Warning[] = [...WARNINGS].reverse();
/** The list opens newest first; 我的待办 asks for the soonest deadline. */
export const DEFAULT_SORT: PetitionSort = 'RECEIVED_DESC';
export const PAGE_SIZES = [20, 50];
export const DEFAULT_PAGE_SIZE = 20;

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

/** Where the list stands: its filter and its page (the cursor after which the page starts). */
export interface ListState {
  filter: ListFilter;
  pageSize: number;
  page: number;
  after: string | null;
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

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f-]{36}$/i;

/** The one string of a query value (the first of repeated keys), or ''. */
function one(value: LocationQuery[string] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v : '';
}

/** A comma-separated list of the allowed values; anything else in the address is dropped. */
function many<T extends string>(value: LocationQuery[string] | undefined, allowed: readonly T[]): T[] {
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : []));
  return allowed.filter((a) => parts.includes(a));
}

function oneOf<T extends string>(value: LocationQuery[string] | undefined, allowed: readonly T[]): T | '' {
  const v = one(value);
  return (allowed as readonly string[]).includes(v) ? (v as T) : '';
}

function positive(value: LocationQuery[string] | undefined, fallback: number): number {
  const n = Number(one(value));
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Reads the list's state from the address bar; what is missing or malformed is the default. */
export function stateFromQuery(query: LocationQuery): ListState {
  const pageSize = PAGE_SIZES.includes(positive(query.size, DEFAULT_PAGE_SIZE)) ? positive(query.size, DEFAULT_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  const after = one(query.after) || null;
  // A page past the first is reachable only with the cursor it starts after.
  const page = after ? positive(query.page, 1) : 1;
  const from = one(query.from);
  const to = one(query.to);
  const unitId = one(query.unit);
  return {
    filter: {
      text: one(query.q).trim(),
      status: many(query.status, PETITION_STATUSES),
      channel: oneOf(query.channel, CHANNELS),
      kind: oneOf(query.kind, PETITION_KINDS),
      categoryCode: one(query.category),
      unitId: UUID.test(unitId) ? unitId : '',
      warning: many(query.warning, WARNINGS_URGENT_FIRST),
      isKeyMatter: one(query.key) === '1',
      isBacklog: one(query.backlog) === '1',
      receivedFrom: DATE.test(from) ? from : '',
      receivedTo: DATE.test(to) ? to : '',
      sort: oneOf(query.sort, PETITION_SORTS) || DEFAULT_SORT,
    },
    pageSize,
    page: page > 1 ? page : 1,
    after: page > 1 ? after : null,
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
  if (state.pageSize !== DEFAULT_PAGE_SIZE) query.size = String(state.pageSize);
  if (state.page > 1 && state.after) {
    query.page = String(state.page);
    query.after = state.after;
  }
  return query;
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
