import { addDays, shanghaiDate } from '@xinfang/domain';
import type { TestPlatform } from './api-server.js';
import { Client, ok } from './petitions.js';

/** The fields the screening tests read back from a dispute. */
export const DISPUTE_FIELDS = `id version status riskLevel parties headcount summary arisenOn reportedOn periodStart resolveBy
  resolutionNote resolvedOn escalatedAt escalationNote isOverdue isLinked reportId availableActions
  unit { id name kind } category { code name } history { type note actorName }`;

/** The fields the screening tests read back from a report. */
export const REPORT_FIELDS = `id version periodStart periodEnd dueDate isZeroReport submittedOn submittedByName status note
  reviewedAt reviewedByName disputeCount correctionCount canCorrect canReview vetoEvidence
  unit { id name kind } disputes { id summary } concealedDisputes { id } history { type note actorName }`;

export const PERIOD_FIELDS = `unit { id name } periodStart periodEnd dueDate status report { id version isZeroReport submittedOn status }`;

export interface Period {
  unit: { id: string; name: string };
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  status: 'DUE' | 'SUBMITTED' | 'LATE' | 'MISSING';
  report: { id: string; version: number; isZeroReport: boolean; submittedOn: string; status: string } | null;
}

export interface DisputeRow {
  id: string;
  version: number;
  status: string;
  riskLevel: string;
  summary: string;
  parties: string;
  reportedOn: string;
  resolveBy: string | null;
  isOverdue: boolean;
  isLinked: boolean;
  escalatedAt: string | null;
  escalationNote: string | null;
  availableActions: string[];
  history: Array<{ type: string; note: string | null; actorName: string }>;
  unit: { id: string; name: string; kind: string };
  category: { code: string };
}

/** Today in Asia/Shanghai, as the server sees it. */
export const todayInShanghai = (): string => shanghaiDate();

/** `YYYY-MM` of a date. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** A dispute as a unit would report it; `over` changes any field. */
export const disputeInput = (summary: string, over: Record<string, unknown> = {}) => ({
  categoryCode: 'RURAL',
  parties: '张某与李某',
  headcount: 2,
  summary,
  riskLevel: 'GENERAL',
  ...over,
});

/** A client with the screening operations by name. */
export class ScreeningClient extends Client {
  static override async as(url: string, username: string, password = 'xinfang-demo'): Promise<ScreeningClient> {
    const c = await Client.as(url, username, password);
    return new ScreeningClient(url, c.token);
  }

  periods(unitId: string, from: string, to: string) {
    return this.query<{ screeningPeriods: Period[] }>(
      `query($u: ID!, $f: Date!, $t: Date!) { screeningPeriods(unitId: $u, from: $f, to: $t) { ${PERIOD_FIELDS} } }`,
      { u: unitId, f: from, t: to },
    );
  }

  submit(input: Record<string, unknown>) {
    return this.query(`mutation($input: SubmitScreeningReportInput!) { submitScreeningReport(input: $input) { ${REPORT_FIELDS} } }`, { input });
  }

  correct(input: Record<string, unknown>) {
    return this.query(`mutation($input: CorrectScreeningReportInput!) { correctScreeningReport(input: $input) { ${REPORT_FIELDS} } }`, { input });
  }

  review(id: string, version: number, note?: string) {
    return this.query(`mutation($id: ID!, $v: Int!, $n: String) { reviewScreeningReport(id: $id, version: $v, note: $n) { ${REPORT_FIELDS} } }`, { id, v: version, n: note });
  }

  report(id: string) {
    return this.query(`query($id: ID!) { screeningReport(id: $id) { ${REPORT_FIELDS} } }`, { id });
  }

  compliance(scopeUnitId: string, month: string) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are read field by field
    return this.query<{ screeningCompliance: any[] }>(
      `query($s: ID!, $m: String!) { screeningCompliance(scopeUnitId: $s, month: $m) {
        unit { id name kind } parentId cadence expected due submitted late missing onTimeRate vetoEvidence periods { ${PERIOD_FIELDS} } } }`,
      { s: scopeUnitId, m: month },
    );
  }

  reminders() {
    return this.query(`{ screeningReminders { unit { id name } own periodStart periodEnd dueDate status daysLeft } }`);
  }

  disputes(filter: Record<string, unknown> = {}, first = 200, after?: string) {
    return this.query(
      `query($f: DisputeFilter, $first: Int, $after: String) { disputes(filter: $f, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${DISPUTE_FIELDS} } } } }`,
      { f: filter, first, after },
    );
  }

  /** Every dispute of a filter, through all pages. */
  async allDisputes(filter: Record<string, unknown> = {}): Promise<DisputeRow[]> {
    const out: DisputeRow[] = [];
    let after: string | undefined;
    for (let page = 0; page < 100; page++) {
      const conn = ok(await this.disputes(filter, 200, after)).disputes;
      out.push(...conn.edges.map((e: { node: DisputeRow }) => e.node));
      if (!conn.pageInfo.hasNextPage) return out;
      after = conn.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  }

  dispute(id: string) {
    return this.query(`query($id: ID!) { dispute(id: $id) { ${DISPUTE_FIELDS} } }`, { id });
  }

  updateDispute(input: Record<string, unknown>) {
    return this.query(`mutation($input: UpdateDisputeInput!) { updateDispute(input: $input) { ${DISPUTE_FIELDS} } }`, { input });
  }

  escalate(id: string, version: number, note = '涉及人数多，可能引发群体性事件') {
    return this.query(`mutation($id: ID!, $v: Int!, $n: String!) { escalateDispute(id: $id, version: $v, note: $n) { ${DISPUTE_FIELDS} } }`, { id, v: version, n: note });
  }

  link(disputeId: string, version: number, petitionId: string) {
    return this.query(
      `mutation($d: ID!, $v: Int!, $p: ID!) { linkDisputeToPetition(disputeId: $d, version: $v, petitionId: $p) { ${DISPUTE_FIELDS} petition { id number } } }`,
      { d: disputeId, v: version, p: petitionId },
    );
  }
}

/** The units of the demo county by name, as the bureau sees them. */
export async function unitsByName(bureau: Client): Promise<Map<string, { id: string; kind: string }>> {
  const units = ok(await bureau.query('{ units { id name kind } }')).units as Array<{ id: string; name: string; kind: string }>;
  return new Map(units.map((u) => [u.name, { id: u.id, kind: u.kind }]));
}

/** Creates an account for a unit (as the administrator) and signs it in. */
export async function accountFor(platform: TestPlatform, admin: Client, username: string, unitId: string, role = 'VILLAGE'): Promise<ScreeningClient> {
  const password = `${username}-pass-2026`;
  ok(
    await admin.query('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { username, displayName: `${username}信息员`, unitId, roles: [role], password },
    }),
  );
  return ScreeningClient.as(platform.url, username, password);
}

/**
 * Deletes every screening report (with its disputes and history) of the given units, so that a test
 * starts from what it submits itself and never from what the demo seed may have left there.
 */
export async function clearScreening(platform: TestPlatform, unitIds: string[]): Promise<void> {
  if (unitIds.length === 0) return;
  const marks = unitIds.map(() => '?').join(', ');
  const conn = platform.orm.em.getConnection();
  await conn.execute(`delete from screening_event where report_id in (select id from screening_report where unit_id in (${marks}))`, unitIds);
  await conn.execute(`delete from screening_event where dispute_id in (select id from dispute where unit_id in (${marks}))`, unitIds);
  await conn.execute(`delete from dispute where unit_id in (${marks})`, unitIds);
  await conn.execute(`delete from screening_report where unit_id in (${marks})`, unitIds);
}

/** A unit's periods from `daysBack` days ago to today, read through `client`. */
export async function recentPeriods(client: ScreeningClient, unitId: string, daysBack: number): Promise<Period[]> {
  const today = todayInShanghai();
  return ok(await client.periods(unitId, addDays(today, -daysBack), today)).screeningPeriods;
}
