import type { EntityManager } from '@mikro-orm/postgresql';
import { defineAbilityFor } from '@xinfang/permissions';
import { shanghaiDate, workingDaysDeadline, REVIEW_WORKING_DAYS } from '@xinfang/domain';
import { createLoaders } from '../common/loaders.js';
import type { SignedInContext } from '../common/context.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { asDatabaseOwner } from '../db/orm.js';
import { loadAuthUser } from '../modules/auth/index.js';
import { calendarOf } from '../modules/calendar/index.js';
import { AssessmentService } from '../modules/assessment/index.js';
import { AssessmentYear } from '../modules/assessment/assessment.entity.js';
import { Unit } from '../modules/unit/unit.entity.js';
import { User } from '../modules/user/user.entity.js';

/** A demo account's request context, built as the HTTP server builds it. */
async function as(em: EntityManager, username: string): Promise<SignedInContext> {
  const fork = em.fork();
  const account = await fork.findOneOrFail(User, { username });
  const user = (await loadAuthUser(fork, account.id))!;
  return { em: fork, user, tokenProblem: null, ability: defineAbilityFor(user), loaders: createLoaders(fork, () => user), address: '127.0.0.1', config: loadConfig({}, {}), logger: createLogger('silent') };
}

/**
 * The demo county's assessment (docs/domain.md §8), made through the service as its users would:
 * the last full year computed by the bureau, the vetoes the records call for proposed (and one by
 * the bureau should the records call for fewer than two), the review opened by 县委书记 with
 * 青山乡's objection answered by the bureau, the first veto confirmed and the rest revoked, the year
 * published and its two best townships commended — all dated to the January after it; and this year
 * computed as a draft. Does nothing when the county has an assessment already; returns the number
 * of results written.
 */
export async function seedDemoAssessment(em: EntityManager, countyName = '示范县'): Promise<number> {
  const county = await em.fork().findOne(Unit, { name: countyName, kind: 'COUNTY' });
  if (!county || (await em.fork().count(AssessmentYear, { countyId: county.id })) > 0) return 0;
  const service = new AssessmentService();
  const thisYear = Number(shanghaiDate().slice(0, 4));
  const last = thisYear - 1;

  await service.compute(await as(em, 'bureau'), last);
  const bureau = await as(em, 'bureau');
  let vetoes = await service.vetoesOf(bureau, { year: last });
  if (vetoes.length < 2) {
    const chengguan = await em.fork().findOneOrFail(Unit, { name: '城关镇', countyId: county.id });
    await service.proposeVeto(bureau, chengguan.id, last, '辖区重大矛盾纠纷排查不到位，引发群体性上访苗头，经群众工作局核实提出');
    vetoes = await service.vetoesOf(await as(em, 'bureau'), { year: last });
  }
  await service.openReview(await as(em, 'secretary'), last);

  const qingshan = await em.fork().findOneOrFail(Unit, { name: '青山乡', countyId: county.id });
  const own = await service.result(await as(em, 'qingshan'), qingshan.id, last);
  const objection = await service.object(await as(em, 'qingshan'), own.id, { indicatorFigure: 'onTimeRate', reason: '部分超期件系当事人补充材料所致，申请核减' });
  await service.answer(await as(em, 'bureau'), objection.id, { decision: 'REJECT', answer: '经核查，补充材料期间未办理延期手续，超期属实，维持原评分', version: objection.version });

  const leader = await as(em, 'secretary');
  // The committee holds the township to account before its village, a concealed dispute before the rest: the same veto is confirmed on every start.
  const TRIGGER_ORDER = ['CONCEALED_DISPUTE', 'SKIP_LEVEL_COLLECTIVE', 'CIRCULAR', 'BUREAU'];
  const KIND_ORDER = ['TOWNSHIP', 'DEPARTMENT', 'VILLAGE'];
  const names = new Map((await em.fork().find(Unit, { countyId: county.id })).map((u) => [u.id, u.name]));
  const ordered = [...vetoes].sort(
    (a, b) =>
      TRIGGER_ORDER.indexOf(a.trigger) - TRIGGER_ORDER.indexOf(b.trigger) ||
      KIND_ORDER.indexOf(a.unitKind) - KIND_ORDER.indexOf(b.unitKind) ||
      (names.get(a.unitId) ?? '').localeCompare(names.get(b.unitId) ?? '', 'zh-CN'),
  );
  for (const [n, veto] of ordered.entries()) {
    if (n === 0) await service.decideVeto(leader, veto.id, 'CONFIRM', '经县委常委会研究，证据确凿，予以一票否决');
    else await service.decideVeto(leader, veto.id, 'REVOKE', '经县委常委会研究，该事项已及时化解，不予否决');
  }

  // The review ran in the January after the year; publication follows it.
  const calendar = await calendarOf(em.fork(), county.id);
  const opened = `${thisYear}-01-12`;
  const ends = workingDaysDeadline(opened, REVIEW_WORKING_DAYS, calendar);
  await em.fork().getConnection().execute('update assessment_year set review_opened_on = ?, review_ends_on = ? where county_id = ? and year = ?', [opened, ends, county.id, last]);
  await service.publish(await as(em, 'secretary'), last);

  const published = await service.results(await as(em, 'bureau'), last, 'TOWNSHIP');
  for (const r of published.filter((x) => x.vetoStatus !== 'CONFIRMED').slice(0, 2)) {
    await service.commend(await as(em, 'secretary'), { year: last, unitId: r.unitId, title: `${last}年度信访工作先进集体`, citation: '信访事项按期办结、矛盾纠纷排查化解成效明显', awardedOn: shanghaiDate() < `${thisYear}-02-06` ? shanghaiDate() : `${thisYear}-02-06` });
  }
  // Every step of that year at its days in January (the history is append-only: as the owner).
  const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00+08:00`;
  await asDatabaseOwner(em, async (tx) => {
    const run = (sql: string, params: unknown[]) => tx.getConnection().execute(sql, params, 'run', tx.getTransactionContext());
    await run('update assessment_year set computed_at = ?, published_at = ? where county_id = ? and year = ?', [at(`${thisYear}-01-08`, 9), at(`${thisYear}-02-05`, 10), county.id, last]);
    await run('update assessment_result set computed_at = ? where county_id = ? and year = ?', [at(`${thisYear}-01-08`, 9), county.id, last]);
    await run("update assessment_veto set proposed_at = ?, decided_at = ? where county_id = ? and year = ?", [at(`${thisYear}-01-08`, 9), at(`${thisYear}-01-22`, 15), county.id, last]);
    await run(
      "update assessment_veto_event e set at = case when e.step = 'PROPOSED' then ?::timestamptz else ?::timestamptz end from assessment_veto v where v.id = e.veto_id and v.county_id = ? and v.year = ?",
      [at(`${thisYear}-01-08`, 9), at(`${thisYear}-01-22`, 15), county.id, last],
    );
    await run('update assessment_objection set filed_at = ?, answered_at = ? where county_id = ? and year = ?', [at(`${thisYear}-01-14`, 10), at(`${thisYear}-01-16`, 16), county.id, last]);
    await run("update notification set created_at = ?, due_on = ? where kind = 'ASSESSMENT_REVIEW' and county_id = ? and assessment_year = ?", [at(opened, 9), ends, county.id, last]);
    await run("update notification set created_at = ? where kind = 'ASSESSMENT_PUBLISHED' and county_id = ? and assessment_year = ?", [at(`${thisYear}-02-05`, 10), county.id, last]);
  });

  await service.compute(await as(em, 'bureau'), thisYear);
  return published.length + (await service.results(await as(em, 'bureau'), thisYear, 'TOWNSHIP')).length;
}
