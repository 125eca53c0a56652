import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_NAMES, shanghaiDate } from '@xinfang/domain';
import { DATABASE_MODES, codeOf, gql, signIn, startTestPlatform, type TestPlatform } from '../support/api-server.js';
import { docxText } from '../support/docx.js';

// The figures over HTTP on the demo county (issue 10): every rate's drill-down lists exactly the
// records it counts, for the county and for a township; a township cannot ask for the county or
// another township, and its records all lie in its own subtree.

const YEAR = Number(shanghaiDate().slice(0, 4));
const PERIOD = { from: `${YEAR - 1}-01-01`, to: shanghaiDate() };
const RATES = FIGURE_NAMES.map((f) => `${f} { numerator denominator value definition definitionEn label }`).join(' ');

describe.each(DATABASE_MODES)('the figures on %s', (mode) => {
  let platform: TestPlatform;
  const tokens: Record<string, string> = {};
  const units = new Map<string, string>();
  const must = async (u: string, query: string, variables: Record<string, unknown> = {}) => {
    const a = await gql(platform.url, query, variables, tokens[u]);
    expect(a.errors, a.text).toBeUndefined();
    return a.data!;
  };
  const figuresOf = async (u: string, scope: string) => (await must(u, `query($s: ID!, $f: Date!, $t: Date!) { figures(scopeUnitId: $s, from: $f, to: $t) { ${RATES} received accepted closed overdue } }`, { s: scope, f: PERIOD.from, t: PERIOD.to })).figures;
  const total = async (u: string, figure: string, part: string, scope: string) =>
    (await must(u, 'query($g: FigureName!, $p: FigurePart, $s: ID!, $f: Date!, $t: Date!) { figureRecords(figure: $g, part: $p, scopeUnitId: $s, from: $f, to: $t, first: 1) { totalCount } }', { g: figure, p: part, s: scope, f: PERIOD.from, t: PERIOD.to })).figureRecords.totalCount;

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
    for (const u of ['bureau', 'secretary', 'qingshan', 'land']) tokens[u] = await signIn(platform.url, u);
    for (const u of (await must('bureau', '{ units { id name } }')).units as Array<{ id: string; name: string }>) units.set(u.name, u.id);
  });
  afterAll(async () => platform?.stop());

  it('gives every rate of the county with its parts and definition, and a drill-down whose totals are those parts', async () => {
    const f = await figuresOf('secretary', units.get('示范县')!);
    for (const name of FIGURE_NAMES) {
      const r = f[name];
      expect(r.definition, name).toContain('÷');
      expect(r.value, name).toBe(r.denominator === 0 ? null : r.numerator / r.denominator);
      expect(await total('secretary', name, 'NUMERATOR', units.get('示范县')!), `${name} numerator`).toBe(r.numerator);
      expect(await total('secretary', name, 'DENOMINATOR', units.get('示范县')!), `${name} denominator`).toBe(r.denominator);
    }
    // The demo county has work in each: petitions, disputes, screening periods and supervision orders.
    for (const name of ['closureRate', 'repeatRate', 'supervisionOnTimeRate', 'screeningOnTimeRate']) expect(f[name].denominator, name).toBeGreaterThan(0);
    expect(f.received).toBeGreaterThan(0);
  });

  it('keeps a township to its own subtree: the county and another township are not found, and every record is its own', async () => {
    const q = units.get('青山乡')!;
    for (const other of ['示范县', '城关镇']) expect(codeOf(await gql(platform.url, 'query($s: ID!, $f: Date!, $t: Date!) { figures(scopeUnitId: $s, from: $f, to: $t) { received } }', { s: units.get(other), f: PERIOD.from, t: PERIOD.to }, tokens.qingshan)), other).toBe('NOT_FOUND');
    const own = await figuresOf('qingshan', q);
    const county = await figuresOf('bureau', units.get('示范县')!);
    expect(own.received).toBeLessThan(county.received);
    // The bureau asking for 青山乡 counts the same petitions the township does.
    expect((await figuresOf('bureau', q)).repeatRate).toEqual(own.repeatRate);
    const subtree = new Set(((await must('qingshan', 'query($u: ID!) { units(filter: { subtreeOf: $u }) { id } }', { u: q })).units as Array<{ id: string }>).map((u) => u.id));
    const records = await must('qingshan', 'query($s: ID!, $f: Date!, $t: Date!) { figureRecords(figure: repeatRate, scopeUnitId: $s, from: $f, to: $t, first: 200) { totalCount edges { node { ... on Petition { id locationUnit { id } } } } } }', { s: q, f: PERIOD.from, t: PERIOD.to });
    expect(records.figureRecords.totalCount).toBe(own.repeatRate.denominator);
    for (const e of records.figureRecords.edges as Array<{ node: { locationUnit: { id: string } } }>) expect(subtree.has(e.node.locationUnit.id)).toBe(true);
  });

  it('lists for every count exactly the petitions it counts, for the county and for a township’s subtree', async () => {
    const COUNTS = ['received', 'accepted', 'closed', 'overdue', 'dueSoon', 'keyMatters', 'backlog', 'harmoniouslyClosed'];
    const subtree = new Set(((await must('qingshan', 'query($u: ID!) { units(filter: { subtreeOf: $u }) { id } }', { u: units.get('青山乡') })).units as Array<{ id: string }>).map((u) => u.id));
    for (const [who, scope] of [['secretary', units.get('示范县')!], ['qingshan', units.get('青山乡')!]] as const) {
      const f = (await must(who, `query($s: ID!, $f: Date!, $t: Date!) { figures(scopeUnitId: $s, from: $f, to: $t) { ${COUNTS.join(' ')} } }`, { s: scope, f: PERIOD.from, t: PERIOD.to })).figures;
      for (const count of COUNTS) {
        const list = (await must(who, 'query($c: FigureCountName!, $s: ID!, $f: Date!, $t: Date!) { countRecords(count: $c, scopeUnitId: $s, from: $f, to: $t, first: 200) { totalCount edges { node { ... on Petition { id locationUnit { id } } } } } }', { c: count, s: scope, f: PERIOD.from, t: PERIOD.to })).countRecords;
        expect(list.totalCount, `${who} ${count}`).toBe(f[count]);
        expect(list.edges, `${who} ${count}`).toHaveLength(Math.min(200, f[count]));
        if (who === 'qingshan') for (const e of list.edges as Array<{ node: { locationUnit: { id: string } } }>) expect(subtree.has(e.node.locationUnit.id), count).toBe(true);
      }
      if (who === 'secretary') for (const count of ['received', 'closed', 'keyMatters', 'backlog']) expect(f[count], count).toBeGreaterThan(0);
    }
    expect(codeOf(await gql(platform.url, 'query($s: ID!, $f: Date!, $t: Date!) { countRecords(count: received, scopeUnitId: $s, from: $f, to: $t) { totalCount } }', { s: units.get('城关镇'), f: PERIOD.from, t: PERIOD.to }, tokens.qingshan))).toBe('NOT_FOUND');
  });

  it('drafts an analysis report from the same figures: the period, the one before, the same one a year before; and its workbook', async () => {
    const start = `${YEAR - 1}-04-15`;
    const report = (await must('bureau', `query($s: ID!, $d: Date!) { analysisReport(scopeUnitId: $s, period: QUARTER, start: $d) { period current { from to repeatRate { numerator denominator } received } previous { from to } yearBefore { from to repeatRate { numerator denominator } } } }`, { s: units.get('示范县'), d: start })).analysisReport;
    expect([report.current.from, report.current.to, report.previous.from, report.previous.to, report.yearBefore.from, report.yearBefore.to]).toEqual([
      `${YEAR - 1}-04-01`, `${YEAR - 1}-06-30`, `${YEAR - 1}-01-01`, `${YEAR - 1}-03-31`, `${YEAR - 2}-04-01`, `${YEAR - 2}-06-30`,
    ]);
    const same = (await must('bureau', 'query($s: ID!, $f: Date!, $t: Date!) { figures(scopeUnitId: $s, from: $f, to: $t) { repeatRate { numerator denominator } received } }', { s: units.get('示范县'), f: `${YEAR - 1}-04-01`, t: `${YEAR - 1}-06-30` })).figures;
    expect(report.current.repeatRate).toEqual(same.repeatRate);
    expect(report.current.received).toBe(same.received);
    const file = (await must('bureau', 'query($s: ID!, $d: Date!) { exportAnalysisReport(scopeUnitId: $s, period: QUARTER, start: $d) { filename base64 } }', { s: units.get('示范县'), d: start })).exportAnalysisReport;
    expect(file.filename).toMatch(/^信访形势季度分析-/);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['指标', '数量', '信访渠道', '信访类型', '问题类别', '承办单位', '月度趋势']);
    const counts = book.getWorksheet('数量')!;
    expect(counts.getRow(2).getCell(2).value).toBe(same.received);
    expect(codeOf(await gql(platform.url, 'query($s: ID!) { analysisReport(scopeUnitId: $s, period: YEAR, start: "2099-01-01") { period } }', { s: units.get('示范县') }, tokens.bureau))).toBe('BAD_USER_INPUT');
  });

  it('drafts the yearly report as a Word document whose every number is the figures’ for the same unit and year', async () => {
    const year = YEAR - 1;
    const f = (await must('bureau', `query($s: ID!, $f: Date!, $t: Date!) { figures(scopeUnitId: $s, from: $f, to: $t) { received accepted closed ${RATES} } }`, { s: units.get('示范县'), f: `${year}-01-01`, t: `${year}-12-31` })).figures;
    const file = (await must('bureau', 'query($s: ID!, $y: Int!) { exportYearlyReport(scopeUnitId: $s, year: $y) { filename contentType base64 } }', { s: units.get('示范县'), y: year })).exportYearlyReport;
    expect(file.filename).toMatch(new RegExp(`^示范县${year}年信访工作报告-`));
    expect(file.contentType).toContain('wordprocessingml');
    const text = docxText(Buffer.from(file.base64, 'base64'));
    expect(text).toContain(`统计期间：${year}-01-01至${year}-12-31`);
    expect(text).toContain(`共收到信访事项${f.received}件`);
    expect(text).toContain(`受理${f.accepted}件，办结${f.closed}件`);
    const pct = (r: { value: number | null }) => (r.value === null ? '无数据' : `${(r.value * 100).toFixed(1)}%`);
    expect(text).toContain(`办结率${pct(f.closureRate)}（${f.closureRate.numerator}/${f.closureRate.denominator}）`);
    expect(text).toContain(`化解成功率${pct(f.disputeResolutionRate)}`);
    expect(text).toContain(`息访停诉率${pct(f.settlementRate)}`);
    expect(text).toContain(`督办按期办结率${pct(f.supervisionOnTimeRate)}`);
    // A township's report is its own year: it may not draft the county's.
    expect(codeOf(await gql(platform.url, 'query($s: ID!, $y: Int!) { exportYearlyReport(scopeUnitId: $s, year: $y) { filename } }', { s: units.get('示范县'), y: year }, tokens.qingshan))).toBe('NOT_FOUND');
    expect(codeOf(await gql(platform.url, 'query($s: ID!) { exportYearlyReport(scopeUnitId: $s, year: 1999) { filename } }', { s: units.get('示范县') }, tokens.bureau))).toBe('BAD_USER_INPUT');
  });

  it('gives a department the cases it handles, and refuses a period that ends before it begins', async () => {
    const land = await figuresOf('land', units.get('县自然资源局')!);
    const handled = await must('land', 'query($s: ID!, $f: Date!, $t: Date!) { figureRecords(figure: repeatRate, scopeUnitId: $s, from: $f, to: $t, first: 200) { edges { node { ... on Petition { handlingUnit { id } } } } } }', { s: units.get('县自然资源局'), f: PERIOD.from, t: PERIOD.to });
    for (const e of handled.figureRecords.edges as Array<{ node: { handlingUnit: { id: string } } }>) expect(e.node.handlingUnit.id).toBe(units.get('县自然资源局'));
    expect(land.received).toBe(land.repeatRate.denominator);
    expect(codeOf(await gql(platform.url, 'query($s: ID!) { figures(scopeUnitId: $s, from: "2025-12-31", to: "2025-01-01") { received } }', { s: units.get('县自然资源局') }, tokens.land))).toBe('BAD_USER_INPUT');
  });
});
