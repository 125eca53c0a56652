import type { UnitKind } from '@xinfang/domain';

/*
 * What the portal and the server both need and @xinfang/domain does not export yet: the server
 * declares the same values in its own files today (server/src/modules/petition/petition.service.ts,
 * petition.enums.ts). Once packages/domain exports them under these names, this whole file becomes
 *
 *   export { PETITION_SORTS, PHONE_PATTERN, TERRITORIAL_UNIT_KINDS, isTerritorialUnitKind, type PetitionSort, type TerritorialUnitKind } from '@xinfang/domain';
 *
 * and nothing that imports it changes. Nothing else in the portal may declare these again.
 */

/** A petitioner's phone number as the server accepts it: digits, `+`, `-`, brackets and spaces, 5 to 20 of them. */
export const PHONE_PATTERN = /^[0-9+\-() ]{5,20}$/;

/** The kinds of unit that are places, where a petition can be located: 县, 镇乡, 村(居), 村民小组. */
export const TERRITORIAL_UNIT_KINDS = ['COUNTY', 'TOWNSHIP', 'VILLAGE', 'VILLAGE_GROUP'] as const satisfies readonly UnitKind[];
export type TerritorialUnitKind = (typeof TERRITORIAL_UNIT_KINDS)[number];
export const isTerritorialUnitKind = (kind: UnitKind): kind is TerritorialUnitKind => (TERRITORIAL_UNIT_KINDS as readonly string[]).includes(kind);

/** The orders of the petition list, as the list offers them: newest first (its default), oldest first, soonest deadline first. */
export const PETITION_SORTS = ['RECEIVED_DESC', 'RECEIVED_ASC', 'DEADLINE'] as const;
export type PetitionSort = (typeof PETITION_SORTS)[number];
