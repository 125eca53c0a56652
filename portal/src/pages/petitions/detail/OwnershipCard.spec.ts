import { mount } from '@vue/test-utils';
import { createAbility } from '@xinfang/permissions';
import { shanghaiDate } from '@xinfang/domain';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PetitionDetailFragment } from '@/gql/graphql';
import { byTestId, click, formItemOf, mustFind, textOf } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import PetitionDetailPage from './PetitionDetailPage.vue';
import { ownershipForm, ownershipInput } from './ownership';

const LAND = '33333333-3333-4333-8333-333333333333';
const QINGSHAN = '44444444-4444-4444-8444-444444444444';
const SECRETARY = '55555555-5555-4555-8555-555555555555';
const MAGISTRATE = '66666666-6666-4666-8666-666666666666';

type Ownership = PetitionDetailFragment['ownership'];
const NOT_OWNED: Ownership = {
  isOwned: false,
  missing: ['LEADER', 'UNIT', 'RESOLUTION_PLAN', 'STABILITY_PLAN'],
  leader: null,
  unit: null,
  resolutionPlan: null,
  resolutionPlanOn: null,
  stabilityPlan: null,
  stabilityPlanOn: null,
};
const PARTLY: Ownership = {
  ...NOT_OWNED,
  missing: ['RESOLUTION_PLAN', 'STABILITY_PLAN'],
  leader: { id: SECRETARY, displayName: '县委书记 王强' },
  unit: { id: LAND, name: '县自然资源局', kind: 'DEPARTMENT' },
};

const petition = (over: Partial<PetitionDetailFragment> = {}): PetitionDetailFragment => ({
  id: 'p1',
  number: 'SFX-2024-00042',
  version: 7,
  status: 'IN_PROGRESS',
  kind: 'CLAIM',
  channel: 'VISIT',
  warning: 'NONE',
  receivedAt: '2024-03-05',
  headcount: 1,
  isCollective: false,
  isInitial: true,
  isKeyMatter: true,
  isBacklog: true,
  isFinal: false,
  isSkipLevel: false,
  subject: '宅基地确权纠纷',
  content: '反映宅基地确权争议多年未解决。',
  answerText: null,
  answeredAt: null,
  declineReason: null,
  respondentName: null,
  receiptCode: null,
  satisfaction: null,
  extensionStatus: 'NONE',
  extensionDays: 0,
  handlingMode: null,
  petitioner: null,
  category: { code: 'LAND', name: '土地征收与使用' },
  locationUnit: { id: 'u-shiqiao', name: '石桥村', kind: 'VILLAGE' },
  handlingUnit: { id: LAND, name: '县自然资源局', kind: 'DEPARTMENT' },
  respondentUnit: null,
  repeatOf: null,
  deadlines: { acceptBy: '2024-03-20', noticeBy: '2024-03-20', answerBy: '2024-05-04', objectionBy: null, appealRequestBy: null, reviewBy: null, current: '2024-05-04' },
  timeline: [
    { id: 'e1', type: 'REGISTERED', actorName: '县群众工作局', at: '2024-03-05T02:00:00.000Z', fromStatus: null, toStatus: 'REGISTERED', note: null, handlingUnit: null },
    { id: 'e2', type: 'OWNERSHIP_SET', actorName: '县群众工作局', at: '2026-11-05T02:00:00.000Z', fromStatus: 'IN_PROGRESS', toStatus: 'IN_PROGRESS', note: null, handlingUnit: null },
  ],
  disputes: [],
  availableActions: [],
  ageDays: 1004,
  resolvedHarmoniously: null,
  keyMatterReason: '群体性诉求，多次越级上访',
  canSetOwnership: true,
  canFlag: false,
  supervisionOrders: [],
  ownership: PARTLY,
  ...over,
});

const OPTIONS = {
  data: {
    countyLeaders: [
      { id: SECRETARY, displayName: '县委书记 王强' },
      { id: MAGISTRATE, displayName: '县长 李明' },
    ],
    units: [
      { id: LAND, name: '县自然资源局', kind: 'DEPARTMENT', sortOrder: 1 },
      { id: QINGSHAN, name: '青山乡', kind: 'TOWNSHIP', sortOrder: 2 },
    ],
  },
};

/** Signs in as far as the portal keeps it: the user the dialog asks about. */
function signedInAs(id: string, displayName: string, roles: string[]): void {
  const user = { id, username: 'x', displayName, roles, unitId: 'u', unit: { id: 'u', name: '示范县', kind: 'COUNTY', countyId: 'u', townshipId: null, villageId: null, path: [] } };
  localStorage.setItem('xinfang.session', JSON.stringify({ token: 't', expiresAt: '2099-01-01T00:00:00.000Z', user, rules: [] }));
}

async function renderDetail(handlers: FakeHandlers, rules: Parameters<typeof createAbility>[0] = []) {
  const server = fakeServer({ OwnershipOptions: () => OPTIONS, ...handlers });
  const { plugins, router } = portalPlugins(createAbility(rules), server);
  await router.push('/petitions/p1');
  await router.isReady();
  mount(PetitionDetailPage, { global: { plugins }, attachTo: document.body });
  await vi.waitFor(() => expect(textOf('petition-number')).toBe(handlers.Petition ? 'SFX-2024-00042' : ''));
  return { server };
}

const fill = (testid: string, value: string) => {
  const field = mustFind<HTMLTextAreaElement>(`[data-testid="${testid}"] textarea, textarea[data-testid="${testid}"]`);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
};
const options = () => [...document.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent?.trim());

describe('包案 "五个一" as the dialog sends it', () => {
  it('sends only the parts that changed, a plan with its date, and null for a part taken away', () => {
    const form = ownershipForm(PARTLY, '2026-12-04');
    expect(form).toEqual({ leaderUserId: SECRETARY, unitId: LAND, resolutionPlan: '', resolutionPlanOn: '2026-12-04', stabilityPlan: '', stabilityPlanOn: '2026-12-04' });
    expect(ownershipInput(PARTLY, form, 7)).toBeNull();
    expect(ownershipInput(PARTLY, { ...form, resolutionPlan: ' 依法确权 ' }, 7)).toEqual({ version: 7, resolutionPlan: '依法确权', resolutionPlanOn: '2026-12-04' });
    expect(ownershipInput(PARTLY, { ...form, leaderUserId: '', unitId: QINGSHAN }, 7)).toEqual({ version: 7, leaderUserId: null, unitId: QINGSHAN });
    const planned: Ownership = { ...PARTLY, resolutionPlan: '依法确权', resolutionPlanOn: '2026-11-01' };
    // A new date alone sends the plan again, for the server dates a plan only when it is given.
    expect(ownershipInput(planned, { ...ownershipForm(planned), resolutionPlanOn: '2026-11-02' }, 8)).toEqual({ version: 8, resolutionPlan: '依法确权', resolutionPlanOn: '2026-11-02' });
    expect(ownershipInput(planned, { ...ownershipForm(planned), resolutionPlan: '  ' }, 8)).toEqual({ version: 8, resolutionPlan: null });
  });
});

describe('the ownership card on a petition’s page', { timeout: 20_000 }, () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('shows the four parts, what is missing and why it is a key matter', async () => {
    await renderDetail({ Petition: () => ({ data: { petition: petition() } }) });
    expect(textOf('ownership-state')).toBe('未落实');
    expect(textOf('ownership-missing')).toBe('尚缺：化解方案、稳控方案');
    expect(textOf('ownership-part-LEADER')).toBe('县委书记 王强');
    expect(textOf('ownership-part-UNIT')).toBe('县自然资源局');
    expect(textOf('ownership-part-RESOLUTION_PLAN').trim()).toBe('未明确');
    expect(textOf('ownership-reason')).toBe('群体性诉求，多次越级上访');
    expect(byTestId('ownership-edit')).not.toBeNull();
    // The timeline names the change of 包案.
    expect(textOf('timeline-OWNERSHIP_SET')).toContain('包案落实/调整');
    expect(textOf('petition-age')).toBe('1004 天');
  });

  it('shows an owned case as such, without the edit button when the caller may not record it', async () => {
    const owned: Ownership = { ...PARTLY, isOwned: true, missing: [], resolutionPlan: '依法确权', resolutionPlanOn: '2026-11-01', stabilityPlan: '专人稳控', stabilityPlanOn: '2026-11-02' };
    await renderDetail({ Petition: () => ({ data: { petition: petition({ ownership: owned, canSetOwnership: false }) } }) });
    expect(textOf('ownership-state')).toBe('已落实');
    expect(textOf('ownership-missing')).toContain('均已落实');
    expect(textOf('ownership-part-RESOLUTION_PLAN')).toContain('依法确权');
    expect(textOf('ownership-part-RESOLUTION_PLAN')).toContain('2026-11-01 制定');
    expect(byTestId('ownership-edit')).toBeNull();
  });

  it('is not there for a petition that is neither a key matter nor backlog', async () => {
    await renderDetail({ Petition: () => ({ data: { petition: petition({ isKeyMatter: false, isBacklog: false, canSetOwnership: false, ownership: NOT_OWNED }) } }) });
    expect(byTestId('ownership-card')).toBeNull();
  });

  it('records the missing plans with the version, dated today, and reloads the petition', async () => {
    signedInAs('bureau-user', '县群众工作局 张三', ['BUREAU']);
    const { server } = await renderDetail({
      Petition: () => ({ data: { petition: petition() } }),
      SetCaseOwnership: () => ({ data: { setCaseOwnership: { id: 'p1', version: 8, ownership: { isOwned: true, missing: [] } } } }),
    });
    await click('ownership-edit');
    await vi.waitFor(() => expect(byTestId('ownership-form')).not.toBeNull());
    // The bureau may name any of the county's leaders.
    await click(mustFind('[data-testid="ownership-leader"]'));
    await vi.waitFor(() => expect(options()).toEqual(expect.arrayContaining(['县委书记 王强', '县长 李明'])));
    fill('ownership-resolution-plan', '由县自然资源局牵头，依法重新确权');
    fill('ownership-stability-plan', '乡村两级专人联系，做好稳控');
    await click('ownership-submit');
    const today = shanghaiDate();
    await vi.waitFor(() =>
      expect(server.callsOf('SetCaseOwnership')).toEqual([
        {
          petitionId: 'p1',
          input: { version: 7, resolutionPlan: '由县自然资源局牵头，依法重新确权', resolutionPlanOn: today, stabilityPlan: '乡村两级专人联系，做好稳控', stabilityPlanOn: today },
        },
      ]),
    );
    await vi.waitFor(() => expect(server.callsOf('Petition').length).toBe(2));
  });

  it('offers a county leader only itself', async () => {
    signedInAs(MAGISTRATE, '县长 李明', ['COUNTY_LEADER']);
    await renderDetail({ Petition: () => ({ data: { petition: petition({ ownership: NOT_OWNED }) } }) });
    await click('ownership-edit');
    await vi.waitFor(() => expect(byTestId('ownership-form')).not.toBeNull());
    expect(textOf('ownership-leader-self')).toBe('县级领导只能为本人包案');
    await click(mustFind('[data-testid="ownership-leader"]'));
    await vi.waitFor(() => expect(options()).toContain('县长 李明'));
    expect(options()).not.toContain('县委书记 王强');
  });

  it('says each refusal in Chinese, beside its field where it has one', async () => {
    signedInAs('bureau-user', '县群众工作局 张三', ['BUREAU']);
    let answer: Record<string, unknown> = { code: 'BAD_USER_INPUT', reason: 'NOT_A_COUNTY_LEADER', field: 'leaderUserId' };
    await renderDetail({ Petition: () => ({ data: { petition: petition() } }), SetCaseOwnership: () => ({ error: answer }) });
    await click('ownership-edit');
    fill('ownership-resolution-plan', '方案');
    await click('ownership-submit');
    await vi.waitFor(() => expect(formItemOf('ownership-leader')).toContain('包案领导须为本县的县级领导'));
    answer = { code: 'BAD_USER_INPUT', reason: 'CASE_CLOSED' };
    await click('ownership-submit');
    await vi.waitFor(() => expect(textOf('ownership-error')).toContain('该事项已办结，不能再调整包案'));
    answer = { code: 'BAD_USER_INPUT', reason: 'NOT_A_HARD_CASE' };
    await click('ownership-submit');
    await vi.waitFor(() => expect(textOf('ownership-error')).toContain('只有重点信访事项或信访积案才能落实包案'));
    answer = { code: 'FORBIDDEN' };
    await click('ownership-submit');
    await vi.waitFor(() => expect(textOf('ownership-error')).toContain('县级领导只能为本人包案'));
  });

  it('closes and reloads on a stale version', async () => {
    signedInAs('bureau-user', '县群众工作局 张三', ['BUREAU']);
    const { server } = await renderDetail({ Petition: () => ({ data: { petition: petition() } }), SetCaseOwnership: () => ({ error: { code: 'CONFLICT' } }) });
    await click('ownership-edit');
    fill('ownership-stability-plan', '稳控');
    await click('ownership-submit');
    await vi.waitFor(() => expect(server.callsOf('Petition').length).toBe(2));
    await vi.waitFor(() => expect(textOf()).toContain('数据已被他人修改'));
  });
});

describe('marking a key matter and closing in harmony', { timeout: 20_000 }, () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('lets the bureau mark a key matter with its reason, when the server says it may', async () => {
    const plain = petition({ isKeyMatter: false, isBacklog: false, keyMatterReason: null, canSetOwnership: false, canFlag: true, ownership: NOT_OWNED });
    const { server } = await renderDetail(
      { Petition: () => ({ data: { petition: plain } }), FlagPetition: () => ({ data: { flagPetition: { id: 'p1', version: 8, isKeyMatter: true, isBacklog: false } } }) },
      [{ action: ['read', 'flag'], subject: 'Petition' }],
    );
    await click('action-flag');
    expect(byTestId('action-flag-reason')).toBeNull();
    await click(mustFind('[data-testid="action-key-matter"]'));
    await vi.waitFor(() => expect(byTestId('action-flag-reason')).not.toBeNull());
    fill('action-flag-reason', '涉及群众多，社会关注度高');
    await click('action-submit');
    await vi.waitFor(() => expect(server.callsOf('FlagPetition')).toEqual([{ id: 'p1', version: 7, isKeyMatter: true, isBacklog: false, reason: '涉及群众多，社会关注度高' }]));
  });

  it('has no 标记 button for a user who may not flag', async () => {
    await renderDetail({ Petition: () => ({ data: { petition: petition() } }) }, [{ action: 'read', subject: 'Petition' }]);
    expect(byTestId('action-flag')).toBeNull();
  });

  it('records 和谐闭合 on closure', async () => {
    const answered = petition({ status: 'ANSWERED', availableActions: ['close'] });
    const { server } = await renderDetail({ Petition: () => ({ data: { petition: answered } }), ClosePetition: () => ({ data: { closePetition: { id: 'p1', version: 8, status: 'CLOSED' } } }) });
    await click('action-close');
    expect(formItemOf('action-harmonious')).toContain('和谐闭合');
    await click(mustFind('[data-testid="action-harmonious"]'));
    await click('action-submit');
    await vi.waitFor(() => expect(server.callsOf('ClosePetition')).toEqual([{ id: 'p1', version: 7, settled: false, resolvedHarmoniously: true, note: null }]));
  });

  it('shows whether a closed case was closed in harmony', async () => {
    await renderDetail({ Petition: () => ({ data: { petition: petition({ status: 'CLOSED', resolvedHarmoniously: true, canSetOwnership: false }) } }) });
    expect(textOf('petition-harmonious')).toBe('是');
  });
});
