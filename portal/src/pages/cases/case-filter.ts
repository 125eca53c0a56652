import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { idIn, one, oneOf, pagingFromQuery, pagingToQuery, type Paging } from '@/composables/useCursorList';
import { BACKLOG_AGES, type BacklogAge } from '@xinfang/domain';
import type { CaseFilter } from '@/gql/graphql';

/** The filter of the hard-case lists (重点信访事项, 信访积案), kept in the address bar. */
export { BACKLOG_AGES, OWNERSHIP_PARTS } from '@xinfang/domain';

/** A yes-or-no filter: '' for either. */
export type Either = '' | 'yes' | 'no';
const EITHER = ['yes', 'no'] as const;

/** Which of the two lists. */
export type CaseList = 'key-matters' | 'backlog';

/** What the filter bar holds. */
export interface CaseListFilter {
  text: string;
  unitId: string;
  owned: Either;
  open: Either;
  /** The backlog's tab; '' for 全部 (and always on the key matters). */
  age: BacklogAge | '';
}

export interface CaseListState extends Paging {
  filter: CaseListFilter;
}

export const emptyCaseFilter = (): CaseListFilter => ({ text: '', unitId: '', owned: '', open: '', age: '' });

/** Reads the list's state from the address bar; anything malformed is the default. */
export function caseStateFromQuery(query: LocationQuery): CaseListState {
  return {
    filter: {
      text: one(query.q).trim(),
      unitId: idIn(query.unit),
      owned: oneOf(query.owned, EITHER),
      open: oneOf(query.open, EITHER),
      age: oneOf(query.age, BACKLOG_AGES),
    },
    ...pagingFromQuery(query),
  };
}

/** Writes the list's state into the address bar: only what differs from the defaults. */
export function caseStateToQuery(state: CaseListState): LocationQueryRaw {
  const f = state.filter;
  const query: Record<string, string> = {};
  if (f.age) query.age = f.age;
  if (f.text.trim()) query.q = f.text.trim();
  if (f.unitId) query.unit = f.unitId;
  if (f.owned) query.owned = f.owned;
  if (f.open) query.open = f.open;
  return { ...query, ...pagingToQuery(state) };
}

const asBoolean = (v: Either): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined);

/** The server's filter for the list and its ledger: only what narrows anything. */
export function caseFilterToVariables(f: CaseListFilter, list: CaseList): CaseFilter {
  const filter: CaseFilter = {};
  if (f.text.trim()) filter.text = f.text.trim();
  if (f.unitId) filter.unitId = f.unitId;
  const owned = asBoolean(f.owned);
  if (owned !== undefined) filter.owned = owned;
  const open = asBoolean(f.open);
  if (open !== undefined) filter.open = open;
  if (list === 'backlog' && f.age) filter.age = f.age;
  return filter;
}

/** Whether the filter narrows the list at all. */
export const isCaseFiltered = (f: CaseListFilter, list: CaseList): boolean => Object.keys(caseFilterToVariables(f, list)).length > 0;

/** The figures' three filters: the list's own without its owned-or-not, then owned, then not. */
export function figureVariables(f: CaseListFilter, list: CaseList): { all: CaseFilter; owned: CaseFilter; notOwned: CaseFilter } {
  const all = caseFilterToVariables({ ...f, owned: '' }, list);
  return { all, owned: { ...all, owned: true }, notOwned: { ...all, owned: false } };
}
