import { describe, expect, it } from 'vitest';
import { cursorForPage, offsetAfter, offsetCursor } from './paging.js';

describe('paging', () => {
  it('writes the cursor the server has always written (base64url of o:N, no padding)', () => {
    for (const n of [0, 1, 49, 99, 12345]) expect(offsetCursor(n)).toBe(Buffer.from(`o:${n}`).toString('base64url'));
  });

  it('reads back the offset a page starts at', () => {
    expect(offsetAfter(null)).toBe(0);
    expect(offsetAfter(offsetCursor(49))).toBe(50);
    expect(offsetAfter(cursorForPage(3, 20))).toBe(40);
    expect(cursorForPage(1, 20)).toBeNull();
  });

  it('refuses what is no position', () => {
    expect(offsetAfter('!!')).toBeNull();
    expect(offsetAfter(Buffer.from('o:-1').toString('base64url'))).toBeNull();
    expect(offsetAfter(Buffer.from('o:1.5').toString('base64url'))).toBeNull();
    expect(offsetAfter(Buffer.from('x').toString('base64url'))).toBeNull();
  });
});
