/**
 * Paging, the same on the server and in the portal. A list is read a page at a time: `first` rows
 * after the cursor `after`. The cursor is honestly an offset — the position of the last row already
 * seen, written `o:<position>` in base64url — so that a page N of size S is one request
 * (`after: offsetCursor(N·S − 1)`), never a walk through the pages before it. Keyset cursors would
 * change only these two functions and the server's `scopedPage`.
 */

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const toBase64Url = (s: string): string =>
  btoa(s).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const fromBase64Url = (s: string): string | null => {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  try {
    return atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
};

/** The cursor of the row at `position` (0-based): the next page starts after it. */
export const offsetCursor = (position: number): string => toBase64Url(`o:${position}`);

/** The offset a page starts at, from the cursor of the row before it; null for a cursor that is no position. */
export function offsetAfter(cursor: string | null | undefined): number | null {
  if (!cursor) return 0;
  const text = fromBase64Url(cursor);
  if (text === null) return null;
  const position = Number(text.replace(/^o:/, ''));
  return Number.isInteger(position) && position >= 0 ? position + 1 : null;
}

/** The `after` cursor that starts page `page` (1-based) of `size` rows: null for the first page. */
export const cursorForPage = (page: number, size: number): string | null => (page <= 1 ? null : offsetCursor((page - 1) * size - 1));
