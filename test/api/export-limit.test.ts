import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_MODES, startTestPlatform, type TestPlatform } from '../support/api-server.js';
import { Client, ok } from '../support/petitions.js';

/** Data rows of a workbook's first sheet (the header row not counted). */
async function dataRows(base64: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return workbook.worksheets[0]!.actualRowCount - 1;
}

// A small limit, so that the demo county's 320 petitions and ~330 disputes are more than one export holds.
const LIMIT = 100;

describe.each(DATABASE_MODES)('an export never stops short without saying so, on %s', (mode) => {
  let platform: TestPlatform;
  let bureau: Client;
  beforeAll(async () => {
    platform = await startTestPlatform(mode, { exportMaxRows: LIMIT });
    bureau = await Client.as(platform.url, 'bureau');
  });
  afterAll(async () => platform?.stop());

  it.each([
    ['exportPetitions', 'petitions', '{}', 'PetitionFilter'],
    ['exportDisputes', 'disputes', '{}', 'DisputeFilter'],
  ])('%s refuses a filter that matches more rows than one export holds, saying how many matched', async (operation, list, filter, type) => {
    const total = ok(await bureau.query(`query($f: ${type}) { ${list}(filter: $f, first: 1) { totalCount } }`, { f: JSON.parse(filter) }))[list].totalCount as number;
    expect(total).toBeGreaterThan(LIMIT);
    const answer = await bureau.query(`query($f: ${type}) { ${operation}(filter: $f) { rows base64 } }`, { f: JSON.parse(filter) });
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EXPORT_TOO_LARGE', rows: total, limit: LIMIT });
    expect(answer.errors![0]!.message).toContain(`matches ${total.toLocaleString('en')} rows`);
  });

  it('hands over every row of a filter that fits, and exactly as many as the list counts', async () => {
    const filter = { status: ['IN_PROGRESS', 'ANSWERED'] };
    const total = ok(await bureau.query('query($f: PetitionFilter) { petitions(filter: $f, first: 1) { totalCount } }', { f: filter })).petitions.totalCount as number;
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(LIMIT);
    const file = ok(await bureau.query('query($f: PetitionFilter) { exportPetitions(filter: $f) { rows base64 } }', { f: filter })).exportPetitions;
    expect(file.rows).toBe(total);
    expect(await dataRows(file.base64)).toBe(total);
  });

  it('takes the limit from EXPORT_MAX_ROWS, 20,000 by default', async () => {
    const { loadConfig } = await import('@xinfang/server');
    expect(loadConfig({ DATA_DIR: '/tmp/xinfang-config-test' }, { jwtSecret: new Uint8Array(32) }).exportMaxRows).toBe(20000);
    expect(loadConfig({ DATA_DIR: '/tmp/xinfang-config-test', EXPORT_MAX_ROWS: '5000' }, { jwtSecret: new Uint8Array(32) }).exportMaxRows).toBe(5000);
  });
});
