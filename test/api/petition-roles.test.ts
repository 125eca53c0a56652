import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '@xinfang/domain';
import { DATABASE_MODES, codeOf, startTestPlatform, type TestPlatform } from '../support/api-server.js';
import { Client, ok } from '../support/petitions.js';

type Role = 'bureau' | 'secretary' | 'supervisor' | 'qingshan' | 'shiqiao' | 'chengguan' | 'land' | 'admin';
type Stage = 'REGISTERED' | 'ACCEPTED' | 'IN_PROGRESS' | 'EXTENSION_REQUESTED' | 'ANSWERED' | 'REVIEW' | 'CLOSED';
type Outcome = 'OK' | 'FORBIDDEN' | 'NOT_FOUND';

// Each transition: the stage it needs, its arguments, and for each role what happens on a petition
// located in 石桥村 (青山乡) and handled by 青山乡.
interface Row {
  mutation: string;
  stage: Stage;
  args?: Record<string, unknown>;
  types?: Record<string, string>;
  outcomes: Record<Role, Outcome>;
}

const HIDDEN = { supervisor: 'NOT_FOUND', chengguan: 'NOT_FOUND', land: 'NOT_FOUND', admin: 'NOT_FOUND' } as const;
const bureauOnly = { bureau: 'OK', secretary: 'FORBIDDEN', qingshan: 'FORBIDDEN', shiqiao: 'FORBIDDEN', ...HIDDEN } as const;
const handlerOnly = { bureau: 'FORBIDDEN', secretary: 'FORBIDDEN', qingshan: 'OK', shiqiao: 'FORBIDDEN', ...HIDDEN } as const;

const TABLE: Row[] = [
  { mutation: 'acceptPetition', stage: 'REGISTERED', outcomes: bureauOnly },
  { mutation: 'declinePetition', stage: 'REGISTERED', args: { reason: '不属于信访事项' }, outcomes: bureauOnly },
  { mutation: 'assignPetition', stage: 'ACCEPTED', args: { handlingUnitId: '@青山乡', mode: 'ASSIGN' }, types: { handlingUnitId: 'ID!', mode: 'AssignMode!' }, outcomes: bureauOnly },
  { mutation: 'objectToAssignment', stage: 'IN_PROGRESS', args: { reason: '不属本单位职权' }, outcomes: handlerOnly },
  { mutation: 'notifyPetitioner', stage: 'IN_PROGRESS', args: { note: '已告知' }, outcomes: { ...handlerOnly, bureau: 'OK' } },
  { mutation: 'answerPetition', stage: 'IN_PROGRESS', args: { text: '答复意见' }, outcomes: handlerOnly },
  { mutation: 'requestExtension', stage: 'IN_PROGRESS', args: { days: 15, reason: '情况复杂' }, types: { days: 'Int!' }, outcomes: handlerOnly },
  { mutation: 'decideExtension', stage: 'EXTENSION_REQUESTED', args: { approve: true }, types: { approve: 'Boolean!' }, outcomes: { ...bureauOnly, secretary: 'OK' } },
  { mutation: 'rateAnswer', stage: 'ANSWERED', args: { satisfaction: 'SATISFIED' }, types: { satisfaction: 'Satisfaction!' }, outcomes: bureauOnly },
  { mutation: 'requestReview', stage: 'ANSWERED', outcomes: bureauOnly },
  { mutation: 'decideReview', stage: 'REVIEW', args: { decision: '维持' }, outcomes: bureauOnly },
  { mutation: 'closePetition', stage: 'ANSWERED', outcomes: bureauOnly },
  { mutation: 'recordFollowUp', stage: 'CLOSED', args: { note: '回访' }, outcomes: { ...handlerOnly, bureau: 'OK', shiqiao: 'OK' } },
  { mutation: 'instructPetition', stage: 'IN_PROGRESS', args: { instruction: '抓紧办理' }, outcomes: { ...handlerOnly, qingshan: 'FORBIDDEN', secretary: 'OK' } },
];
const ROLES: Role[] = ['bureau', 'secretary', 'supervisor', 'qingshan', 'shiqiao', 'chengguan', 'land', 'admin'];

describe.each(DATABASE_MODES)('each transition × each role on %s', (mode) => {
  let platform: TestPlatform;
  const as = {} as Record<Role, Client>;
  const unit = new Map<string, string>();

  /** A fresh petition in 石桥村, brought to `stage` by the roles whose work it is. */
  async function petitionAt(stage: Stage): Promise<{ id: string; version: number }> {
    let p = ok(
      await as.bureau.register({
        channel: 'LETTER', kind: 'CLAIM', categoryCode: 'RURAL', subject: '反映机耕道损毁', content: '机耕道损毁影响春耕。',
        receivedAt: addDays(shanghaiDate(), -1), headcount: 1, locationUnitId: unit.get('石桥村'), petitioner: { name: '测试人' },
      }),
    ).registerPetition;
    const step = async (c: Client, m: string, args: Record<string, unknown> = {}, types: Record<string, string> = {}) => {
      p = ok(await c.act(m, p.id, p.version, args, types))[m];
    };
    if (stage === 'REGISTERED') return p;
    await step(as.bureau, 'acceptPetition');
    if (stage === 'ACCEPTED') return p;
    await step(as.bureau, 'assignPetition', { handlingUnitId: unit.get('青山乡'), mode: 'ASSIGN' }, { handlingUnitId: 'ID!', mode: 'AssignMode!' });
    if (stage === 'IN_PROGRESS') return p;
    if (stage === 'EXTENSION_REQUESTED') {
      await step(as.qingshan, 'requestExtension', { days: 10, reason: '复杂' }, { days: 'Int!' });
      return p;
    }
    await step(as.qingshan, 'answerPetition', { text: '已答复' });
    if (stage === 'ANSWERED') return p;
    if (stage === 'REVIEW') {
      await step(as.bureau, 'requestReview');
      return p;
    }
    await step(as.bureau, 'closePetition');
    return p;
  }

  beforeAll(async () => {
    platform = await startTestPlatform(mode);
    for (const role of ROLES) as[role] = await Client.as(platform.url, role === 'secretary' ? 'secretary' : role);
    for (const u of ok(await as.bureau.query('{ units { id name } }')).units) unit.set(u.name, u.id);
  });
  afterAll(async () => platform?.stop());

  const cases = TABLE.flatMap((row) => ROLES.map((role) => [row.mutation, role, row.outcomes[role], row] as const));
  it.each(cases)('%s by %s → %s', async (_mutation, role, outcome, row) => {
    const p = await petitionAt(row.stage);
    const args = Object.fromEntries(Object.entries(row.args ?? {}).map(([k, v]) => [k, typeof v === 'string' && v.startsWith('@') ? unit.get(v.slice(1)) : v]));
    const before = ok(await as.bureau.petition(p.id)).petition;
    const answer = await as[role].act(row.mutation, p.id, p.version, args, row.types ?? {});
    if (outcome === 'OK') {
      expect(answer.errors, answer.text).toBeUndefined();
      const after = ok(await as.bureau.petition(p.id)).petition;
      expect(after.timeline.length).toBe(before.timeline.length + 1);
    } else {
      expect(codeOf(answer), answer.text).toBe(outcome);
      const after = ok(await as.bureau.petition(p.id)).petition;
      expect(after).toEqual(before);
    }
  });
});
