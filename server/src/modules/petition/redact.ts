import type { Petition } from './petition.entity.js';

/** The marks left where a petitioner's identity was. */
export const REDACTED = '***';

/**
 * A free text of a petition (subject, content, answer, timeline note) without the petitioner's
 * identity, for a reader who may not know who petitioned (domain.md §3): every occurrence of the
 * petitioner's name, ID number, phone and address is replaced. The text may quote them — the answer
 * is addressed to the petitioner, a handler notes whom it called — and the field rules alone cannot
 * see inside a text.
 */
export function withoutPetitioner(text: string | null, p: Pick<Petition, 'petitionerName' | 'petitionerIdNumber' | 'petitionerPhone' | 'petitionerAddress'>): string | null {
  if (!text) return text;
  const needles = [p.petitionerIdNumber, p.petitionerPhone, p.petitionerAddress, p.petitionerName]
    .map((v) => v?.trim() ?? '')
    .filter((v) => v.length >= 2)
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const needle of needles) out = out.split(needle).join(REDACTED);
  return out;
}
