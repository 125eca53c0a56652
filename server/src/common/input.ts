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
