import type { Petition } from './petition.entity.js';

/** The marks left where a petitioner's identity was. */
export const REDACTED = '***';

// Characters, not UTF-16 units: the same count as PostgreSQL's char_length.
const chars = (v: string) => [...v].length;

/**
 * A free text of a petition (subject, content, answer, timeline note) without the petitioner's
 * identity, for a reader who may not know who petitioned (docs/domain.md §3): every occurrence of the
 * petitioner's name, ID number, phone and address is replaced. The text may quote them — the answer
 * is addressed to the petitioner, a handler notes whom it called — and the field rules alone cannot
 * see inside a text.
 *
 * SQL's copy is `petition_text_without_petitioner` (migration 20261203130500), which such a reader's
 * search goes through: the two replace the same values in the same order.
 */
export function withoutPetitioner(text: string | null, p: Pick<Petition, 'petitionerName' | 'petitionerIdNumber' | 'petitionerPhone' | 'petitionerAddress'>): string | null {
  if (!text) return text;
  const needles = [p.petitionerIdNumber, p.petitionerPhone, p.petitionerAddress, p.petitionerName]
    .map((v) => v?.trim() ?? '')
    .filter((v) => chars(v) >= 2)
    .sort((a, b) => chars(b) - chars(a));
  let out = text;
  for (const needle of needles) out = out.split(needle).join(REDACTED);
  return out;
}
