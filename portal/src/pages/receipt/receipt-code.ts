/**
 * A receipt code as the petitioner types it — lower case, with or without the dash, with spaces —
 * in the form the server stores it (XXXXX-XXXXX), or null when it cannot be one (not 10 letters and
 * digits).
 */
export function normaliseReceiptCode(input: string): string | null {
  const chars = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (chars.length !== 10) return null;
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}
