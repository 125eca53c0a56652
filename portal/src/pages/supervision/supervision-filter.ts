import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { shanghaiDate } from '@xinfang/domain';
import { idIn, one, oneOf, pagingFromQuery, pagingToQuery, type Paging } from '@/composables/useCursorList';
import type { SupervisionOrderFilter } from '@/gql/graphql';

/** The list's tabs: every order, those owing a report (issued or sent back), those to review, the closed ones. */
export const ORDER_TABS = ['all', 'open', 'REPORTED', 'ACCEPTED'] as const;
export type OrderTab = (typeof ORDER_TABS)[number];

/** The warnings the filter offers: only an order owing a report warns. */
export const ORDER_WARNINGS = ['RED', 'YELLOW'] as const;
export type OrderWarning = (typeof ORDER_WARNINGS)[number];

/** What the filter bar of 督查督办 holds, kept in the address bar. */
export interface OrderListFilter {
  tab: OrderTab;
  text: string;
  unitId: string;
  warning: OrderWarning | '';
  /** A year ('2026'), or '' for every year. */
  year: string;
}

export interface OrderListState extends Paging {
  filter: OrderListFilter;
}

export const emptyOrderFilter = (): OrderListFilter => ({ tab: 'all', text: '', unitId: '', warning: '', year: '' });

/** The years the filter offers: this one and the four before it, newest first. */
export function yearOptions(today: string = shanghaiDate()): string[] {
  const year = Number(today.slice(0, 4));
  return [0, 1, 2, 3, 4].map((n) => String(year - n));
}

const YEAR = /^\d{4}$/;

/** Reads the list's state from the address bar; anything malformed is the default. */
export function orderStateFromQuery(query: LocationQuery): OrderListState {
  const year = one(query.year);
  return {
    filter: {
      tab: oneOf(query.tab, ORDER_TABS) || 'all',
      text: one(query.q).trim(),
      unitId: idIn(query.unit),
      warning: oneOf(query.warning, ORDER_WARNINGS),
      year: YEAR.test(year) ? year : '',
    },
    ...pagingFromQuery(query),
  };
}

/** Writes the list's state into the address bar: only what differs from the defaults. */
export function orderStateToQuery(state: OrderListState): LocationQueryRaw {
  const f = state.filter;
  const query: Record<string, string> = {};
  if (f.tab !== 'all') query.tab = f.tab;
  if (f.text.trim()) query.q = f.text.trim();
  if (f.unitId) query.unit = f.unitId;
  if (f.warning) query.warning = f.warning;
  if (f.year) query.year = f.year;
  return { ...query, ...pagingToQuery(state) };
}

/** The server's filter for the list and its ledger: only what narrows anything. */
export function orderFilterToVariables(f: OrderListFilter): SupervisionOrderFilter {
  const filter: SupervisionOrderFilter = {};
  if (f.tab === 'open') filter.open = true;
  if (f.tab === 'REPORTED' || f.tab === 'ACCEPTED') filter.statuses = [f.tab];
  if (f.text.trim()) filter.text = f.text.trim();
  if (f.unitId) filter.unitId = f.unitId;
  if (f.warning) filter.warning = f.warning;
  if (f.year) filter.year = Number(f.year);
  return filter;
}

/** Whether the filter narrows the list at all. */
export const isOrderFiltered = (f: OrderListFilter): boolean => Object.keys(orderFilterToVariables(f)).length > 0;
