/** The weights of the first 17 digits of a resident ID number (GB 11643-1999). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** An ID number as typed, tidied: no spaces, a lower-case x made upper-case. */
export const normaliseIdNumber = (value: string): string => value.replace(/\s+/g, '').toUpperCase();

/**
 * Whether an 18-character resident ID number (居民身份证号码) is well formed: 17 digits, a check
 * character that fits them, and a birth date that exists. The server and the portal check with this same function.
 */
export function isValidIdNumber(value: string): boolean {
  const id = normaliseIdNumber(value);
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return CHECK[sum % 11] === id[17];
}

/** The check character the first 17 digits call for (for tests and demo data). */
export function idCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return CHECK[sum % 11]!;
}
