import { describe, expect, it } from 'vitest';
import { normaliseReceiptCode } from './receipt-code';

describe('receipt codes', () => {
  it.each([
    ['ABCDE-23456', 'ABCDE-23456'],
    ['abcde-23456', 'ABCDE-23456'],
    ['ABCDE23456', 'ABCDE-23456'],
    ['abcde23456', 'ABCDE-23456'],
    [' abcde 23456 ', 'ABCDE-23456'],
    ['ab-cde-234-56', 'ABCDE-23456'],
  ])('reads %j as %s', (typed, code) => {
    expect(normaliseReceiptCode(typed)).toBe(code);
  });

  it.each(['', 'ABCDE', 'ABCDE-2345', 'ABCDE-234567', '信访ABCDE-2345'])('refuses %j', (typed) => {
    expect(normaliseReceiptCode(typed)).toBeNull();
  });
});
