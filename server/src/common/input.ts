import { badInput } from './errors.js';

/**
 * A free-text input, trimmed: BAD_USER_INPUT naming the `field` when it is empty but required, or
 * longer than `max` characters; null when it is empty and optional.
 */
export function text(value: string | null | undefined, field: string, max: number, required = true): string | null {
  const trimmed = (value ?? '').trim();
  if (!trimmed) {
    if (required) throw badInput(`"${field}" may not be empty.`, { field });
    return null;
  }
  if (trimmed.length > max) throw badInput(`"${field}" may have at most ${max} characters.`, { field });
  return trimmed;
}

/**
 * A whole number within `min`–`max`, else BAD_USER_INPUT naming the `field` and both bounds, so that
 * a refusal says what is wrong whichever side the value falls on.
 */
export function wholeNumber(value: number, field: string, min: number, max: number, what = `"${field}"`): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${what} must be a whole number between ${min} and ${max}.`, { field, min, max });
  }
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a row and answers NOT_FOUND without a database error. */
export const isUuid = (id: string): boolean => UUID.test(id);

/**
 * A search term as an `ILIKE` pattern that matches it anywhere, with `\`, `%` and `_` standing for
 * themselves (a clerk searching "100%" means the characters); null for a term that is only spaces.
 */
export function likePattern(term: string | null | undefined): string | null {
  const trimmed = term?.trim();
  if (!trimmed) return null;
  return `%${trimmed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
