import { subject } from '@xinfang/permissions';
import type { Reader } from '../../common/access.js';
import type { Petition } from './petition.entity.js';
import { withoutPetitioner } from './redact.js';

/** May the caller read this field of this petition? (The rules of @xinfang/permissions, per field.) */
export const canRead = (ctx: Pick<Reader, 'ability'>, p: Petition, field?: string): boolean => ctx.ability.can('read', subject('Petition', p), field);

/** A free text as this caller may see it: without the petitioner's identity unless it may read that. */
export const shown = (ctx: Pick<Reader, 'ability'>, p: Petition, text: string | null): string | null => (canRead(ctx, p, 'petitioner') ? text : withoutPetitioner(text, p));
