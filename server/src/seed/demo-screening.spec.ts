import { randomBytes } from 'node:crypto';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCREENING_RULES, PETITION_CATEGORIES, SCREENING_UNIT_KINDS, addDays, isScreeningUnitKind, screeningPeriods, shanghaiDate, type ScreeningPeriod } from '@xinfang/domain';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../db/embedded.js';
import { openOrm, ormOptions } from '../db/orm.js';
import { verifyChains } from '../modules/petition/timeline.service.js';
import { Petition } from '../modules/petition/petition.entity.js';
import { Dispute, ScreeningEvent, ScreeningReport, ScreeningRule } from '../modules/screening/screening.entity.js';
import { vetoEvidence } from '../modules/screening/veto-evidence.js';
import { Unit } from '../modules/unit/unit.entity.js';
import { User } from '../modules/user/user.entity.js';
import { seedDemoCounty } from './demo-county.js';
import { seedDemoPetitions } from './demo-petitions.js';
import { DEMO_SCREENING_OPEN_UNITS, demoScreeningStart, seedDemoScreening } from './demo-screening.js';
import { seedReferenceData } from './reference-data.js';

type Mode = 'pglite' | 'postgres';
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database: an in-memory PGlite, or a new database on TEST_DATABASE_URL's server (dropped afterwards). */
async function freshDatabase(mode: Mode): Promise<{ url: string; drop: () => Promise<void> }> {
  if (mode === 'pglite') {
    const embedded: EmbeddedDatabase = await startEmbeddedDatabase(undefined);
    return { url: embedded.url, drop: () => embedded.stop() };
  }
  const name = `xinfang_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = await MikroORM.init({ ...ormOptions(ADMIN_URL, false, () => undefined), pool: { min: 0, max: 1 } });
  await admin.em.getConnection().execute(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.em.getConnection().execute(`drop database if exists ${name} with (force)`);
      await admin.close(true);
    },
  };
}

/** What the demo holds, in an order and a form that do not depend on generated ids: for comparing two loads. */
const fingerprints = new Map<Mode, string[]>();

describe.each<Mode>(['pglite', 'postgres'])('the demo county’s screening (%s)', (mode) => {
  const today = shanghaiDate();
  const start = demoScreeningStart(today);
  let orm: MikroORM;
  let drop: () => Promise<void>;
  let written = 0;
  let seedMs = 0;
  let em: EntityManager;
  let units: Unit[];
  let byId: Map<string, Unit>;
  let screening: Unit[];
  let reports: ScreeningReport[];
  let disputes: Dispute[];
  let events: ScreeningEvent[];
  let users: User[];
  const periodsOf = new Map<string, ScreeningPeriod[]>();
  const reportOf = new Map<string, ScreeningReport>();
  const at = (unit: Unit, p: Pick<ScreeningPeriod, 'periodStart'>) => reportOf.get(`${unit.id}/${p.periodStart}`);
  const named = (name: string) => units.find((u) => u.name === name)!;

  beforeAll(async () => {
    const db = await freshDatabase(mode);
    drop = db.drop;
    // The same seeds, in the same order, as the server runs at start (index.ts).
    orm = await openOrm(db.url, mode === 'pglite', () => undefined, async (ready) => {
      await seedDemoCounty(ready.em.fork());
      await seedReferenceData(ready.em.fork());
      await seedDemoPetitions(ready.em.fork());
      const t0 = performance.now();
      written = await seedDemoScreening(ready.em.fork(), today);
      seedMs = performance.now() - t0;
    });
    console.info(`[${mode}] demo screening: ${written} reports in ${Math.round(seedMs)} ms`);
    em = orm.em.fork();
    units = await em.find(Unit, {});
    byId = new Map(units.map((u) => [u.id, u]));
    screening = units.filter((u) => isScreeningUnitKind(u.kind));
    reports = await em.find(ScreeningReport, {}, { orderBy: { periodStart: 'asc' } });
    disputes = await em.find(Dispute, {});
    events = await em.find(ScreeningEvent, {});
    users = await em.find(User, {});
    const rules = await em.find(ScreeningRule, {});
    for (const u of screening) periodsOf.set(u.id, screeningPeriods(rules.filter((r) => r.unitKind === u.kind), start, today, shanghaiDate(u.createdAt)));
    for (const r of reports) reportOf.set(`${r.unitId}/${r.periodStart}`, r);
  });

  afterAll(async () => {
    await orm?.close(true);
    await drop?.();
  });

  it('loads quickly and counts what it wrote', async () => {
    expect(written).toBe(reports.length);
    expect(written).toBeGreaterThan(0);
    expect(seedMs).toBeLessThan(30_000);
  });

  it('reports for every screening unit on its cadence, from two years ago', async () => {
    const kinds = new Map(SCREENING_UNIT_KINDS.map((k) => [k, screening.filter((u) => u.kind === k).length]));
    expect(Object.fromEntries(kinds)).toEqual({ DEPARTMENT: 6, TOWNSHIP: 3, VILLAGE: 6, VILLAGE_GROUP: 2 });
    const rules = await em.find(ScreeningRule, {});
    for (const r of rules) {
      expect(r.effectiveFrom).toBe(start);
      expect(r.cadence).toBe(DEFAULT_SCREENING_RULES[r.unitKind].cadence);
    }
    for (const u of screening) {
      const periods = periodsOf.get(u.id)!;
      const own = reports.filter((r) => r.unitId === u.id);
      // Every report is one of the unit's derived periods, with its unit's ancestry.
      for (const r of own) {
        expect(periods.find((p) => p.periodStart === r.periodStart)).toEqual({ periodStart: r.periodStart, periodEnd: r.periodEnd, dueDate: r.dueDate });
        expect([r.unitKind, r.townshipId, r.villageId, r.countyId]).toEqual([u.kind, u.townshipId, u.villageId, u.countyId]);
      }
      const ended = periods.filter((p) => p.periodEnd < today);
      expect(own.length, u.name).toBeGreaterThanOrEqual(Math.floor(ended.length * 0.75));
      // Two years: from the first periods to the last weeks.
      const first = own[0]!;
      const last = own.at(-1)!;
      expect(first.periodStart <= periods[3]!.periodStart, `${u.name} starts ${first.periodStart}`).toBe(true);
      expect(ended.indexOf(ended.find((p) => p.periodStart === last.periodStart)!), `${u.name} ends ${last.periodStart}`).toBeGreaterThanOrEqual(ended.length - 4);
      expect(ended.length).toBeGreaterThanOrEqual(u.kind === 'VILLAGE_GROUP' ? 100 : u.kind === 'VILLAGE' ? 46 : 23);
    }
  });

  it('leaves the current period of every unit, and the last ended one of shiqiao, qingshan and 青山村, to be submitted', () => {
    for (const u of screening) {
      const current = periodsOf.get(u.id)!.find((p) => p.periodStart <= today && today <= p.periodEnd)!;
      expect(current, u.name).toBeDefined();
      expect(at(u, current), u.name).toBeUndefined();
    }
    expect(reports.every((r) => r.periodEnd < today && r.submittedOn < today)).toBe(true);
    expect(DEMO_SCREENING_OPEN_UNITS).toEqual(expect.arrayContaining(['石桥村', '青山乡']));
    for (const name of DEMO_SCREENING_OPEN_UNITS) {
      const u = named(name);
      const ended = periodsOf.get(u.id)!.filter((p) => p.periodEnd < today);
      expect(at(u, ended.at(-1)!), name).toBeUndefined();
      expect(at(u, ended.at(-2)!) ?? at(u, ended.at(-3)!), name).toBeDefined();
    }
  });

  it('mixes zero reports, disputes, late and missing reports', () => {
    const zero = reports.filter((r) => r.isZeroReport);
    const share = zero.length / reports.length;
    expect(share).toBeGreaterThan(0.55);
    expect(share).toBeLessThan(0.78);
    const perReport = new Map<string, number>();
    for (const d of disputes) perReport.set(d.reportId, (perReport.get(d.reportId) ?? 0) + 1);
    for (const r of reports) {
      const n = perReport.get(r.id) ?? 0;
      expect(r.disputeCount).toBe(n);
      if (r.isZeroReport) expect(n).toBe(0);
      else expect(n >= 1 && n <= 3).toBe(true);
    }
    expect(new Set(perReport.values())).toEqual(new Set([1, 2, 3]));
    const late = reports.filter((r) => r.submittedOn > r.dueDate);
    expect(late.length).toBeGreaterThan(0);
    expect(late.length / reports.length).toBeLessThan(0.2);
    for (const r of reports) expect(r.submittedOn >= r.periodEnd).toBe(true);
    const missing = screening.flatMap((u) => periodsOf.get(u.id)!.filter((p) => p.dueDate < today && !at(u, p)).map((p) => ({ u, p })));
    const openOnes = new Set(DEMO_SCREENING_OPEN_UNITS);
    expect(missing.filter(({ u }) => !openOnes.has(u.name)).length).toBeGreaterThan(0);
    expect(missing.length / reports.length).toBeLessThan(0.1);
  });

  it('has disputes in every status, realistic and consistent', () => {
    const categories = new Set<string>(PETITION_CATEGORIES.map((c) => c.code));
    for (const d of disputes) {
      const r = reports.find((x) => x.id === d.reportId)!;
      expect([d.unitId, d.periodStart, d.reportedOn, d.townshipId, d.villageId]).toEqual([r.unitId, r.periodStart, r.submittedOn, r.townshipId, r.villageId]);
      expect(categories.has(d.categoryCode)).toBe(true);
      expect(d.arisenOn <= d.reportedOn).toBe(true);
      expect(d.headcount).toBeGreaterThanOrEqual(1);
      expect(d.summary).toMatch(/^\S+：\S+/);
      expect(d.resolveBy! >= d.reportedOn).toBe(true);
      if (d.status === 'RESOLVED') {
        expect(d.resolutionNote).toBeTruthy();
        expect(d.resolvedOn! >= d.reportedOn && d.resolvedOn! < today).toBe(true);
      } else {
        expect(d.resolvedOn).toBeNull();
      }
      if (d.riskLevel === 'MAJOR') {
        expect(d.escalatedAt).not.toBeNull();
        expect(d.escalationNote).toBeTruthy();
        expect(d.escalatedByName).toBeTruthy();
        expect(['ESCALATED', 'RESOLVED']).toContain(d.status);
      } else {
        expect(d.escalatedAt).toBeNull();
        expect(d.status).not.toBe('ESCALATED');
      }
    }
    const statuses = new Set(disputes.map((d) => d.status));
    expect(statuses).toEqual(new Set(['OPEN', 'RESOLVING', 'RESOLVED', 'ESCALATED']));
    const general = disputes.filter((d) => d.riskLevel === 'GENERAL').length;
    expect(general / disputes.length).toBeGreaterThan(0.75);
    expect(general).toBeLessThan(disputes.length);
    const overdue = disputes.filter((d) => d.status !== 'RESOLVED' && d.resolveBy! < today);
    expect(overdue.length).toBeGreaterThan(0);
    // Most old ones are resolved.
    const old = disputes.filter((d) => d.reportedOn < addDays(today, -365));
    expect(old.filter((d) => d.status === 'RESOLVED').length / old.length).toBeGreaterThan(0.85);
    expect(new Set(disputes.map((d) => d.summary.split('：')[0])).size).toBeGreaterThan(15);
  });

  it('has reports reviewed by the level above and a history for what happened', () => {
    const nameOf = (unit: Unit) => users.find((x) => x.unitId === unit.id && !x.roles.includes('ADMIN'))?.displayName;
    const bureau = units.find((u) => u.kind === 'BUREAU')!;
    const reviewed = reports.filter((r) => r.reviewedAt);
    expect(reviewed.length / reports.length).toBeGreaterThan(0.5);
    expect(reviewed.length).toBeLessThan(reports.length);
    for (const r of reviewed) {
      const u = byId.get(r.unitId)!;
      const above = u.kind === 'VILLAGE_GROUP' || u.kind === 'VILLAGE' ? byId.get(u.parentId!)! : bureau;
      expect(r.reviewedByName).toEqual(nameOf(above) ?? expect.stringContaining(above.name));
      expect(r.reviewedAt!.getTime()).toBeGreaterThan(r.submittedAt.getTime());
      expect(r.reviewedAt!.getTime()).toBeLessThan(Date.now());
      expect(events.filter((e) => e.reportId === r.id && e.type === 'REVIEWED').map((e) => e.actorName)).toEqual([r.reviewedByName]);
    }
    for (const r of reports) {
      const u = byId.get(r.unitId)!;
      expect(r.submittedByName).toBe(nameOf(u) ?? `${u.name}${u.kind === 'TOWNSHIP' ? '群工办' : u.kind === 'DEPARTMENT' ? '信访联络员' : '信息员'}`);
      const submitted = events.filter((e) => e.reportId === r.id && e.type === 'SUBMITTED');
      expect(submitted.map((e) => [e.actorName, e.at.getTime()])).toEqual([[r.submittedByName, r.submittedAt.getTime()]]);
    }
    expect(reports.find((r) => byId.get(r.unitId)!.name === '石桥村')!.submittedByName).toBe('石桥村信息员');
    expect(reports.find((r) => byId.get(r.unitId)!.name === '柳湾村')!.submittedByName).toBe('柳湾村信息员');
    for (const d of disputes) {
      const own = events.filter((e) => e.disputeId === d.id);
      expect(own.filter((e) => e.type === 'ESCALATED').length).toBe(d.escalatedAt ? 1 : 0);
      expect(own.filter((e) => e.type === 'LINKED').length).toBe(d.petitionId ? 1 : 0);
      if (d.status === 'RESOLVED') expect(own.some((e) => e.type === 'DISPUTE_UPDATED' && e.note === d.resolutionNote)).toBe(true);
      for (const e of own) expect(e.at.getTime()).toBeLessThan(Date.now());
    }
  });

  it('links disputes to petitions of their territory, some collective or skip-level, one behind a zero report', async () => {
    const linked = disputes.filter((d) => d.petitionId);
    expect(linked.length).toBeGreaterThanOrEqual(8);
    const petitions = new Map((await em.find(Petition, { id: { $in: linked.map((d) => d.petitionId!) } })).map((p) => [p.id, p]));
    for (const d of linked) {
      const p = petitions.get(d.petitionId!)!;
      const unit = byId.get(d.unitId)!;
      expect(byId.get(p.locationUnitId!)!.path.startsWith(unit.path), `${p.number} in ${unit.name}`).toBe(true);
      expect(p.receivedAt > d.reportedOn).toBe(true);
      expect(p.categoryCode).toBe(d.categoryCode);
    }
    expect([...petitions.values()].filter((p) => p.isCollective || p.isSkipLevel).length).toBeGreaterThanOrEqual(2);
    const zeroIds = reports.filter((r) => r.isZeroReport).map((r) => r.id);
    const evidence = [...(await vetoEvidence(em, zeroIds)).entries()].filter(([, ids]) => ids.length > 0);
    expect(evidence.length).toBeGreaterThanOrEqual(1);
    for (const [reportId, ids] of evidence) {
      const r = reports.find((x) => x.id === reportId)!;
      for (const id of ids) {
        const d = disputes.find((x) => x.id === id)!;
        expect(d.unitId).toBe(r.unitId);
        expect(d.arisenOn <= r.periodEnd && d.periodStart > r.periodStart).toBe(true);
      }
    }
  });

  it('marks a few visits skip-level and leaves the petitions’ timeline chain intact', async () => {
    const skip = await em.find(Petition, { isSkipLevel: true });
    expect(skip.length).toBeGreaterThan(0);
    for (const p of skip) expect(p.channel).toBe('VISIT');
    expect((await verifyChains(em.fork())).breaks).toEqual([]);
  });

  it('does nothing a second time', async () => {
    expect(await seedDemoScreening(orm.em.fork(), today)).toBe(0);
    expect(await orm.em.fork().count(ScreeningReport, {})).toBe(reports.length);
  });

  it('is the same for the same day', () => {
    const unitName = (id: string) => byId.get(id)!.name;
    const lines = [
      ...reports.map((r) => [unitName(r.unitId), r.periodStart, r.isZeroReport, r.submittedOn, r.reviewedByName ?? '', r.note ?? ''].join('|')),
      ...disputes.map((d) => [unitName(d.unitId), d.periodStart, d.summary, d.parties, d.status, d.riskLevel, d.resolvedOn ?? ''].join('|')),
    ].sort();
    fingerprints.set(mode, lines);
    const other = fingerprints.get(mode === 'pglite' ? 'postgres' : 'pglite');
    if (other) expect(lines).toEqual(other);
  });
});
