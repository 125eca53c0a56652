import { describe, expect, it } from 'vitest';
import { idCheckCharacter, isValidIdNumber, normaliseIdNumber } from './id-number.js';

describe('resident ID numbers', () => {
  it('accepts a number whose check digit fits', () => {
    expect(isValidIdNumber('360999198001010016')).toBe(true);
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
  });

  it('accepts a lower-case x and spaces, as typed', () => {
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber(' 110105 19491231 002X ')).toBe(true);
    expect(normaliseIdNumber(' 11010519491231002x')).toBe('11010519491231002X');
  });

  it('refuses a wrong check digit', () => {
    expect(isValidIdNumber('360999198001010015')).toBe(false);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
  });

  it('refuses the wrong length or characters', () => {
    expect(isValidIdNumber('36099919800101001')).toBe(false);
    expect(isValidIdNumber('3609991980010100166')).toBe(false);
    expect(isValidIdNumber('36099919800101001A')).toBe(false);
    expect(isValidIdNumber('')).toBe(false);
  });

  it('refuses a birth date that does not exist, even with a fitting check digit', () => {
    const first17 = '36099919800230001';
    expect(isValidIdNumber(first17 + idCheckCharacter(first17))).toBe(false);
    const leap = '36099920000229001';
    expect(isValidIdNumber(leap + idCheckCharacter(leap))).toBe(true);
  });
});
