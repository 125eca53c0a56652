import { PASSWORD_MIN_LENGTH, passwordProblem } from '@xinfang/domain';
import type { FormItemRule } from 'element-plus';
import { PASSWORD_MAX_LENGTH } from '@/api/error-message';

type Translate = (key: string, params?: Record<string, number | string>) => string;
type Validator = NonNullable<FormItemRule['validator']>;

/** The length of a generated password: well above the minimum, short enough to read out. */
export const GENERATED_PASSWORD_LENGTH = 14;

/** A username as the server keeps it: trimmed and lower-cased. */
export const normaliseUsername = (value: string): string => value.trim().toLowerCase();

/** The sentence for a password the rules of @xinfang/domain refuse, or null when it is fine. */
export function passwordMessage(password: string, username: string | undefined, t: Translate): string | null {
  const problem = passwordProblem(password, username ? normaliseUsername(username) : undefined);
  if (problem === 'TOO_SHORT') return t('error.PASSWORD_TOO_SHORT', { min: PASSWORD_MIN_LENGTH });
  if (problem === 'TOO_LONG') return t('error.PASSWORD_TOO_LONG', { max: PASSWORD_MAX_LENGTH });
  if (problem === 'SAME_AS_USERNAME') return t('error.PASSWORD_SAME_AS_USERNAME');
  return null;
}

/** A new password's rule; `username` is read when the rule runs, so a later change of it counts. */
export function passwordValidator(t: Translate, username: () => string | undefined, required = 'users.passwordRequired'): Validator {
  return (_rule, value: string, callback) => {
    if (!value) return callback(new Error(t(required)));
    const message = passwordMessage(value, username(), t);
    callback(message ? new Error(message) : undefined);
  };
}

// No 0/O, 1/l/I: a password read out or copied from paper should not be misread.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '-_.!@#';
const ALL = LOWER + UPPER + DIGITS + SYMBOLS;

/**
 * A random password from the browser's cryptographic generator, with at least one lower-case letter,
 * one upper-case letter, one digit and one symbol.
 */
export function generatePassword(length = GENERATED_PASSWORD_LENGTH, random: (values: Uint32Array) => Uint32Array = (v) => crypto.getRandomValues(v)): string {
  const pick = (alphabet: string, n: number) => {
    // Rejection sampling keeps every character equally likely.
    const limit = Math.floor(0x1_0000_0000 / alphabet.length) * alphabet.length;
    let out = '';
    while (out.length < n) {
      for (const value of random(new Uint32Array(n - out.length))) {
        if (value < limit) out += alphabet[value % alphabet.length];
      }
    }
    return out;
  };
  const chars = [...pick(LOWER, 1), ...pick(UPPER, 1), ...pick(DIGITS, 1), ...pick(SYMBOLS, 1), ...pick(ALL, Math.max(0, length - 4))];
  // Shuffle, so that the required kinds are not always first (Fisher–Yates).
  for (let i = chars.length - 1; i > 0; i--) {
    const j = Number(random(new Uint32Array(1))[0]) % (i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
