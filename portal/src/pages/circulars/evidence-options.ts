import type { UnitKind } from '@/gql/graphql';

/** The units a circular or an accountability record may name: the county's offices, townships and villages. */
export const EVIDENCE_UNIT_KINDS: readonly UnitKind[] = ['DEPARTMENT', 'TOWNSHIP', 'VILLAGE', 'BUREAU'];
