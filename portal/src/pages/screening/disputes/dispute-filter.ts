import { DISPUTE_RISK_LEVELS, DISPUTE_STATUSES } from '@xinfang/domain';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { DisputeFilter, DisputeRiskLevel, DisputeStatus } from '@/gql/graphql';

export const PAGE_SIZES = [20, 50];
export const DEFAULT_PAGE_SIZE = 20;

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
export interface LedgerState {
  filter: LedgerFilter;
  pageSize: number;
  page: number;
  after: string | null;
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

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f-]{36}$/i;

function one(value: LocationQuery[string] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v : '';
}

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

/** Reads the ledger's state from the address bar; what is missing or malformed is the default. */
export function ledgerStateFromQuery(query: LocationQuery): LedgerState {
  const size = positive(query.size, DEFAULT_PAGE_SIZE);
  const after = one(query.after) || null;
  const page = after ? positive(query.page, 1) : 1;
  const from = one(query.from);
  const to = one(query.to);
  const unit = one(query.unit);
  const dispute = one(query.dispute);
  return {
    filter: {
      search: one(query.q).trim(),
      statuses: many(query.status, DISPUTE_STATUSES),
      riskLevel: oneOf(query.risk, DISPUTE_RISK_LEVELS),
      categoryCode: one(query.category),
      overdue: one(query.overdue) === '1',
      linked: oneOf(query.linked, LINKED),
      from: DATE.test(from) ? from : '',
      to: DATE.test(to) ? to : '',
      scopeUnitId: UUID.test(unit) ? unit : '',
    },
    pageSize: PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE,
    page: page > 1 ? page : 1,
    after: page > 1 ? after : null,
    disputeId: UUID.test(dispute) ? dispute : null,
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
  if (state.pageSize !== DEFAULT_PAGE_SIZE) query.size = String(state.pageSize);
  if (state.page > 1 && state.after) {
    query.page = String(state.page);
    query.after = state.after;
  }
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
