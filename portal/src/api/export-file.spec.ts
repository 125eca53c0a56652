import { afterEach, describe, expect, it, vi } from 'vitest';
import { daysUntil, todayInCounty } from '@/pages/petitions/list/deadline';
import { base64ToBlob, downloadFile } from './export-file';

// "PK\x03\x04" and a byte above 127: the start of a zip (an .xlsx), as the server sends it.
const BYTES = [0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x80];
const BASE64 = btoa(String.fromCharCode(...BYTES));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('the exported ledger', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('decodes the server’s base64 to the exact bytes, binary included', async () => {
    const blob = base64ToBlob(BASE64, XLSX);
    expect(blob.type).toBe(XLSX);
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual(BYTES);
  });

  it('downloads it through a link named after the file, and frees the object URL afterwards', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:ledger';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });

    downloadFile({ filename: '信访台账-2026-05-01.xlsx', contentType: XLSX, base64: BASE64 });
    expect(clicked).toEqual([{ href: 'blob:ledger', download: '信访台账-2026-05-01.xlsx' }]);
    expect([...new Uint8Array(await blobs[0]!.arrayBuffer())]).toEqual(BYTES);
    // The link does not stay on the page.
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:ledger');
  });
});

describe('the days left', () => {
  it('counts calendar days in the county’s time zone', () => {
    // 17:00 UTC is already the next day in Shanghai.
    expect(todayInCounty(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
    expect(daysUntil('2026-03-05', '2026-03-02')).toBe(3);
    expect(daysUntil('2026-03-02', '2026-03-02')).toBe(0);
    expect(daysUntil('2026-02-27', '2026-03-02')).toBe(-3);
  });
});
