import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '@xinfang/domain';
import { DATABASE_MODES, startTestPlatform, type TestPlatform } from '../support/api-server.js';
import { Client, ok } from '../support/petitions.js';

/** A petitioner whose identity stands in the petition's own texts, as letters often quote it. */
const WHO = { name: '钮可见', idNumber: '360999198001010032', phone: '13987654321', address: '石桥村柿子树下五号' };

async function xlsxText(base64: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? '')))));
  return cells.join('\n');
}

describe.each(DATABASE_MODES)('a search finds only what the reader may see, on %s', (mode) => {
  let platform: TestPlatform;
  let bureau: Client, shiqiao: Client;
  let number: string;

  const search = (client: Client, text: string) =>
    client.query('query($t: String!) { petitions(filter: { text: $t }, first: 5) { totalCount edges { node { number content } } } }', { t: text });
  const exported = async (client: Client, text: string) =>
    xlsxText(ok(await client.query('query($t: String!) { exportPetitions(filter: { text: $t }) { base64 } }', { t: text })).exportPetitions.base64);

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
    [bureau, shiqiao] = await Promise.all(['bureau', 'shiqiao'].map((u) => Client.as(platform.url, u)));
    const units = ok(await bureau.query('{ units { id name } }')).units as Array<{ id: string; name: string }>;
    const petition = ok(
      await bureau.register({
        channel: 'VISIT', kind: 'CLAIM', categoryCode: 'OTHER', subject: `${WHO.name}反映宅基地纠纷`,
        content: `村民${WHO.name}（身份证${WHO.idNumber}，电话${WHO.phone}，住${WHO.address}）反映邻居占用宅基地，要求柿子树边界复测。`,
        receivedAt: addDays(shanghaiDate(), -1), headcount: 1, locationUnitId: units.find((u) => u.name === '石桥村')!.id,
        petitioner: WHO,
      }),
    ).registerPetition;
    number = petition.number;
  });
  afterAll(async () => platform?.stop());

  it('the village, which may read the content but not the petitioner, finds nothing by any part of the identity: list, count and export', async () => {
    for (const needle of [WHO.name, WHO.idNumber, WHO.phone, WHO.address, WHO.name.slice(1), `村民${WHO.name.slice(0, 1)}`, WHO.idNumber.slice(-6), WHO.phone.slice(3)]) {
      const answer = ok(await search(shiqiao, needle)).petitions;
      expect({ needle, totalCount: answer.totalCount }).toEqual({ needle, totalCount: 0 });
      expect(await exported(shiqiao, needle)).not.toContain(number);
    }
  });

  it('the village still finds the petition by the words it can read, redacted as it reads them, and by its number', async () => {
    const byWords = ok(await search(shiqiao, '柿子树边界')).petitions;
    expect(byWords.totalCount).toBe(1);
    expect(byWords.edges[0].node.content).toContain('村民***（身份证***，电话***，住***）');
    expect(ok(await search(shiqiao, number)).petitions.totalCount).toBe(1);
    // The marks it reads are what it searches.
    expect(ok(await search(shiqiao, '村民***（')).petitions.totalCount).toBe(1);
    expect(await exported(shiqiao, '柿子树边界')).toContain(number);
  });

  it('a field rule over a column left empty hides nothing it should not: an accusation without a respondent unit, and a petition no leader owns, are found by their words', async () => {
    const units = ok(await bureau.query('{ units { id name } }')).units as Array<{ id: string; name: string }>;
    ok(
      await bureau.register({
        channel: 'LETTER', kind: 'ACCUSATION', categoryCode: 'OTHER', subject: '检举某承包人挪用村集体款项',
        content: '举报某承包人挪用石桥村集体鱼塘承包款，未列明被举报单位。', receivedAt: addDays(shanghaiDate(), -1), headcount: 1,
        locationUnitId: units.find((u) => u.name === '石桥村')!.id, petitioner: { name: '匿名群众' },
      }),
    );
    const secretary = await Client.as(platform.url, 'secretary');
    expect(ok(await search(bureau, '集体鱼塘承包款')).petitions.totalCount).toBe(1);
    expect(ok(await search(secretary, '集体鱼塘承包款')).petitions.totalCount).toBe(1);
    expect(ok(await search(secretary, '柿子树边界')).petitions.totalCount).toBe(1);
  });

  it('the bureau, which may know who petitioned, finds it by the name, ID number, phone and address', async () => {
    for (const needle of [WHO.name, WHO.idNumber, WHO.phone, WHO.address]) {
      expect({ needle, totalCount: ok(await search(bureau, needle)).petitions.totalCount }).toEqual({ needle, totalCount: 1 });
    }
    expect(await exported(bureau, WHO.name)).toContain(number);
  });
});
