import { DISPUTE_RISK_LEVELS, DISPUTE_STATUSES } from '@xinfang/domain';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { dateIn, flag, idIn, many, one, oneOf, pagingFromQuery, pagingToQuery, type Paging } from '@/composables/useCursorList';
import type { DisputeFilter, DisputeRiskLevel, DisputeStatus } from '@/gql/graphql';

/** Whether the ledger is narrowed to disputes linked to a petition, not linked, or either. */
export type LinkedChoice = '' | 'yes' | 'no';
const LINKED: readonly LinkedChoice[] = ['yes', 'no'];

/** What the ledger's filter bar holds: every field a plain value, empty when not filtering. */
export interface LedgerFilter {
  search: string;
  statuses: DisputeStatus[];
  riskLevel: DisputeRiskLevel | '';
  categoryCode: string;
  overdue: boolean;
  linked: LinkedChoice;
  from: string;
  to: string;
  scopeUnitId: string;
}

/** Where the ledger stands: its filter, its page, and the dispute open in the drawer. */
export interface LedgerState extends Paging {
  filter: LedgerFilter;
  disputeId: string | null;
}

export const emptyLedgerFilter = (): LedgerFilter => ({
  search: '',
  statuses: [],
  riskLevel: '',
  categoryCode: '',
  overdue: false,
  linked: '',
  from: '',
  to: '',
  scopeUnitId: '',
});

/** Reads the ledger's state from the address bar; what is missing or malformed is the default. */
export function ledgerStateFromQuery(query: LocationQuery): LedgerState {
  return {
    filter: {
      search: one(query.q).trim(),
      statuses: many(query.status, DISPUTE_STATUSES),
      riskLevel: oneOf(query.risk, DISPUTE_RISK_LEVELS),
      categoryCode: one(query.category),
      overdue: flag(query.overdue),
      linked: oneOf(query.linked, LINKED),
      from: dateIn(query.from),
      to: dateIn(query.to),
      scopeUnitId: idIn(query.unit),
    },
    ...pagingFromQuery(query),
    disputeId: idIn(query.dispute) || null,
  };
}

/** Writes the ledger's state into the address bar: only what differs from the defaults, in a fixed order. */
export function ledgerStateToQuery(state: LedgerState): LocationQueryRaw {
  const f = state.filter;
  const query: Record<string, string> = {};
  if (f.search.trim()) query.q = f.search.trim();
  if (f.statuses.length) query.status = f.statuses.join(',');
  if (f.riskLevel) query.risk = f.riskLevel;
  if (f.categoryCode) query.category = f.categoryCode;
  if (f.overdue) query.overdue = '1';
  if (f.linked) query.linked = f.linked;
  if (f.from) query.from = f.from;
  if (f.to) query.to = f.to;
  if (f.scopeUnitId) query.unit = f.scopeUnitId;
  Object.assign(query, pagingToQuery(state));
  if (state.disputeId) query.dispute = state.disputeId;
  return query;
}

/** The server's filter for the ledger, its figures and its export: only the fields that narrow anything. */
export function ledgerFilterToVariables(f: LedgerFilter): DisputeFilter {
  const filter: DisputeFilter = {};
  if (f.search.trim()) filter.search = f.search.trim();
  if (f.statuses.length) filter.statuses = [...f.statuses];
  if (f.riskLevel) filter.riskLevel = f.riskLevel;
  if (f.categoryCode) filter.categoryCode = f.categoryCode;
  if (f.overdue) filter.overdue = true;
  if (f.linked) filter.linked = f.linked === 'yes';
  if (f.from) filter.from = f.from;
  if (f.to) filter.to = f.to;
  if (f.scopeUnitId) filter.scopeUnitId = f.scopeUnitId;
  return filter;
}

/** Whether the filter narrows the ledger at all. */
export const isLedgerFiltered = (f: LedgerFilter): boolean => Object.keys(ledgerFilterToVariables(f)).length > 0;

/** 化解成功率 as a percentage with one decimal, or null when nothing was found. */
export const formatRate = (rate: number | null | undefined): string | null => (rate === null || rate === undefined ? null : `${(rate * 100).toFixed(1)}%`);
