import { defineAbilityFor, packAbilityRules, type AbilityUser } from '@xinfang/permissions';
import type { AssessmentObjectionItemFragment, AssessmentResultRowFragment, AssessmentScorecardFragment, AssessmentVetoItemFragment, AssessmentYearInfoFragment, SessionUserFragment } from '@/gql/graphql';

/** The demo county of the assessment specs: three townships, a village, the bureau and the county leaders. */
export const COUNTY = '11111111-1111-4111-8111-111111111111';
export const QINGSHAN = '22222222-2222-4222-8222-222222222222';
export const CHENGGUAN = '33333333-3333-4333-8333-333333333333';
export const HEXI = '44444444-4444-4444-8444-444444444444';
export const SHIQIAO = '55555555-5555-4555-8555-555555555555';
export const BUREAU = '66666666-6666-4666-8666-666666666666';
export const GROUP = '77777777-7777-4777-8777-777777777777';

const NAMES: Record<string, string> = { [COUNTY]: '示范县', [QINGSHAN]: '青山乡', [CHENGGUAN]: '城关镇', [HEXI]: '河西镇', [SHIQIAO]: '石桥村', [BUREAU]: '县群众工作局', [GROUP]: '县督查组' };

export const users = {
  leader: (): AbilityUser => ({ id: 'u-leader', roles: ['COUNTY_LEADER'], unitId: COUNTY, unitKind: 'COUNTY', countyId: COUNTY, townshipId: null, villageId: null }),
  bureau: (): AbilityUser => ({ id: 'u-bureau', roles: ['BUREAU'], unitId: BUREAU, unitKind: 'BUREAU', countyId: COUNTY, townshipId: null, villageId: null }),
  supervisor: (): AbilityUser => ({ id: 'u-sup', roles: ['SUPERVISOR'], unitId: GROUP, unitKind: 'SUPERVISION_GROUP', countyId: COUNTY, townshipId: null, villageId: null }),
  qingshan: (): AbilityUser => ({ id: 'u-qs', roles: ['TOWNSHIP'], unitId: QINGSHAN, unitKind: 'TOWNSHIP', countyId: COUNTY, townshipId: QINGSHAN, villageId: null }),
  shiqiao: (): AbilityUser => ({ id: 'u-sq', roles: ['VILLAGE'], unitId: SHIQIAO, unitKind: 'VILLAGE', countyId: COUNTY, townshipId: QINGSHAN, villageId: SHIQIAO }),
};

/** Signs the user in as the portal would after the server's answer (the session in localStorage). */
export function signIn(u: AbilityUser) {
  const ability = defineAbilityFor(u);
  const user: SessionUserFragment = {
    id: u.id,
    username: 'someone',
    displayName: '某人',
    roles: [...u.roles],
    unitId: u.unitId,
    unit: { id: u.unitId, name: NAMES[u.unitId] ?? '', kind: u.unitKind, countyId: u.countyId, townshipId: u.townshipId, villageId: u.villageId, path: [{ id: COUNTY, name: '示范县', kind: 'COUNTY' }] },
  };
  localStorage.setItem('xinfang.session', JSON.stringify({ token: 't', expiresAt: '2099-01-01T00:00:00.000Z', rules: packAbilityRules(ability), user }));
  return ability;
}

export const yearInfo = (year: number, stage: AssessmentYearInfoFragment['stage'], reviewEndsOn: string | null = null): AssessmentYearInfoFragment => ({
  year,
  stage,
  computedAt: `${year + 1}-01-08T01:00:00.000Z`,
  reviewOpenedOn: reviewEndsOn ? `${year + 1}-01-12` : null,
  reviewEndsOn,
  publishedAt: stage === 'PUBLISHED' ? `${year + 1}-02-05T02:00:00.000Z` : null,
});

const INDICATORS = [
  { figure: 'onTimeRate' as const, name: '按期答复率', weight: 25 },
  { figure: 'satisfactionRate' as const, name: '群众满意率', weight: 15 },
];

export const resultRow = (unitId: string, year: number, rank: number, total: number, vetoStatus: AssessmentResultRowFragment['vetoStatus'] = 'NONE'): AssessmentResultRowFragment => ({
  id: `r-${unitId}`,
  year,
  stage: 'PUBLISHED',
  rank,
  peerCount: 3,
  subtotal: total + 1,
  deducted: 1,
  total,
  vetoStatus,
  voided: vetoStatus === 'CONFIRMED',
  unit: { id: unitId, name: NAMES[unitId] ?? '', kind: 'TOWNSHIP' },
  indicators: INDICATORS.map((i, n) => ({ ...i, points: n === 0 ? 20.71 : 11.43 })),
});

export const veto = (over: Partial<AssessmentVetoItemFragment> = {}): AssessmentVetoItemFragment => ({
  id: 'v1',
  year: 2025,
  stage: 'PUBLISHED',
  status: 'CONFIRMED',
  trigger: 'SKIP_LEVEL_COLLECTIVE',
  reason: '辖区发生越级集体访（SFX-2025-00028）',
  unit: { id: QINGSHAN, name: '青山乡', kind: 'TOWNSHIP' },
  evidence: [{ id: 'p28', kind: 'PETITION', label: 'SFX-2025-00028' }],
  proposedAt: '2026-01-08T01:00:00.000Z',
  proposedByName: '系统（依据记录）',
  decidedAt: '2026-01-22T07:00:00.000Z',
  decidedByName: '示范县',
  decisionReason: '经县委常委会研究，证据确凿，予以一票否决',
  history: [
    { step: 'PROPOSED', at: '2026-01-08T01:00:00.000Z', actorName: '系统（依据记录）', reason: '辖区发生越级集体访（SFX-2025-00028）' },
    { step: 'CONFIRMED', at: '2026-01-22T07:00:00.000Z', actorName: '示范县', reason: '经县委常委会研究，证据确凿，予以一票否决' },
  ],
  ...over,
});

export const objection = (over: Partial<AssessmentObjectionItemFragment> = {}): AssessmentObjectionItemFragment => ({
  id: 'o1',
  version: 1,
  year: 2025,
  resultId: `r-${QINGSHAN}`,
  status: 'REJECTED',
  indicatorFigure: 'onTimeRate',
  vetoId: null,
  reason: '部分超期件系当事人补充材料所致，申请核减',
  filedAt: '2026-01-14T02:00:00.000Z',
  filedByName: '青山乡',
  answer: '经核查，补充材料期间未办理延期手续，超期属实，维持原评分',
  answeredAt: '2026-01-16T08:00:00.000Z',
  answeredByName: '县群众工作局',
  correction: 0,
  unit: { id: QINGSHAN, name: '青山乡', kind: 'TOWNSHIP' },
  ...over,
});

export const scorecard = (over: Partial<AssessmentScorecardFragment> = {}): AssessmentScorecardFragment => ({
  id: `r-${QINGSHAN}`,
  year: 2025,
  stage: 'PUBLISHED',
  unitKind: 'TOWNSHIP',
  rank: 3,
  peerCount: 3,
  subtotal: 76.6,
  deducted: 1,
  total: 75.6,
  vetoStatus: 'CONFIRMED',
  voided: true,
  computedAt: '2026-01-08T01:00:00.000Z',
  unit: { id: QINGSHAN, name: '青山乡', kind: 'TOWNSHIP' },
  indicators: [
    { figure: 'onTimeRate', name: '按期答复率', weight: 25, direction: 'HIGHER_IS_BETTER', numerator: 29, denominator: 35, value: 29 / 35, points: 20.71, correction: 0, peerAverage: 19.86 },
    { figure: 'supervisionOnTimeRate', name: '督办事项按期办结', weight: 10, direction: 'HIGHER_IS_BETTER', numerator: 0, denominator: 0, value: null, points: 10, correction: 0, peerAverage: 8.33 },
  ],
  deductions: [
    { kind: 'CIRCULAR', count: 0, perOccurrence: 2, points: 0, evidence: [] },
    { kind: 'SKIP_LEVEL_VISIT', count: 1, perOccurrence: 1, points: 1, evidence: [{ id: 'p28', kind: 'PETITION', label: 'SFX-2025-00028' }] },
  ],
  vetoes: [veto()],
  objections: [objection()],
  ...over,
});
