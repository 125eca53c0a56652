import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { idIn, one, oneOf, pagingFromQuery, pagingToQuery, type Paging } from '@/composables/useCursorList';
import type { EvidenceFilter } from '@/gql/graphql';

/** The page's two lists: the circulars (通报) and the accountability records (追责). */
export const EVIDENCE_TABS = ['circulars', 'accountability'] as const;
export type EvidenceTab = (typeof EVIDENCE_TABS)[number];

export interface EvidenceListFilter {
  unitId: string;
  /** A year ('2026'), or '' for every year. */
  year: string;
}

export interface EvidenceListState extends Paging {
  tab: EvidenceTab;
  filter: EvidenceListFilter;
}

export const emptyEvidenceFilter = (): EvidenceListFilter => ({ unitId: '', year: '' });

const YEAR = /^\d{4}$/;

/** Reads the page's state from the address bar (the tab, the filter, the page); anything malformed is the default. */
export function evidenceStateFromQuery(query: LocationQuery): EvidenceListState {
  const year = one(query.year);
  return {
    tab: oneOf(query.tab, EVIDENCE_TABS) || 'circulars',
    filter: { unitId: idIn(query.unit), year: YEAR.test(year) ? year : '' },
    ...pagingFromQuery(query),
  };
}

/** Writes the state into the address bar: only what differs from the defaults (a circular opened is left out, and so closes). */
export function evidenceStateToQuery(state: EvidenceListState): LocationQueryRaw {
  const query: Record<string, string> = {};
  if (state.tab !== 'circulars') query.tab = state.tab;
  if (state.filter.unitId) query.unit = state.filter.unitId;
  if (state.filter.year) query.year = state.filter.year;
  return { ...query, ...pagingToQuery(state) };
}

export function evidenceFilterToVariables(f: EvidenceListFilter): EvidenceFilter {
  const filter: EvidenceFilter = {};
  if (f.unitId) filter.unitId = f.unitId;
  if (f.year) filter.year = Number(f.year);
  return filter;
}
