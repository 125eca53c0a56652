import { TRANSITIONS, shanghaiDate, type AssignMode, type PetitionAction, type Satisfaction } from '@xinfang/domain';
import {
  AcceptPetitionDocument,
  AnswerPetitionDocument,
  AssignPetitionDocument,
  ClosePetitionDocument,
  DecideExtensionDocument,
  DecideReviewDocument,
  DeclinePetitionDocument,
  FlagPetitionDocument,
  InstructPetitionDocument,
  NotifyPetitionerDocument,
  ObjectToAssignmentDocument,
  RateAnswerDocument,
  RecordFollowUpDocument,
  RequestExtensionDocument,
  RequestReviewDocument,
} from '@/gql/graphql';

/**
 * The actions in the order the bar shows them, the usual next step first: the order of a petition's
 * life, in which the domain's table of transitions lists them.
 */
export const ACTION_ORDER = Object.keys(TRANSITIONS) as readonly PetitionAction[];

/** The buttons to show: exactly the server's `availableActions`, known ones, in the bar's order. */
export function shownActions(available: readonly string[]): PetitionAction[] {
  return ACTION_ORDER.filter((a) => available.includes(a));
}

/**
 * What the action dialog does: a transition of the domain's table, or 标记 (flagPetition: a key
 * matter, with its reason, or backlog), which changes no state and which the bureau may do on any
 * petition. The server's `availableActions` lists transitions; whether 标记 is offered is its
 * `canFlag`, asked of the rules on this petition.
 */
export type DialogAction = PetitionAction | 'flag';

/** Actions that end or turn a case back: shown as a warning button. */
export const CAUTION_ACTIONS = new Set<PetitionAction>(['decline', 'object']);

/** The mutation each action sends, with `id` and `version`. */
export const ACTION_DOCUMENTS = {
  accept: AcceptPetitionDocument,
  decline: DeclinePetitionDocument,
  assign: AssignPetitionDocument,
  object: ObjectToAssignmentDocument,
  notify: NotifyPetitionerDocument,
  answer: AnswerPetitionDocument,
  requestExtension: RequestExtensionDocument,
  decideExtension: DecideExtensionDocument,
  rate: RateAnswerDocument,
  requestReview: RequestReviewDocument,
  decideReview: DecideReviewDocument,
  close: ClosePetitionDocument,
  followUp: RecordFollowUpDocument,
  instruct: InstructPetitionDocument,
  flag: FlagPetitionDocument,
} as const satisfies Record<DialogAction, unknown>;

/** Every argument any action dialog asks for. */
export interface ActionForm {
  reason: string;
  note: string;
  sentAt: string;
  text: string;
  answeredAt: string;
  days: number;
  approve: boolean;
  satisfaction: Satisfaction | '';
  requestedAt: string;
  decision: string;
  hearingDays: number;
  settled: boolean;
  resolvedHarmoniously: boolean;
  isKeyMatter: boolean;
  isBacklog: boolean;
  instruction: string;
  handlingUnitId: string;
  mode: AssignMode;
}

/** A fresh form: dates default to today (Asia/Shanghai). */
export function emptyActionForm(today = shanghaiDate()): ActionForm {
  return {
    reason: '',
    note: '',
    sentAt: today,
    text: '',
    answeredAt: today,
    days: 30,
    approve: true,
    satisfaction: '',
    requestedAt: today,
    decision: '',
    hearingDays: 0,
    settled: false,
    resolvedHarmoniously: false,
    isKeyMatter: false,
    isBacklog: false,
    instruction: '',
    handlingUnitId: '',
    mode: 'ASSIGN',
  };
}

const optional = (s: string) => (s.trim() ? s.trim() : null);

/** The action's own arguments (besides `id` and `version`), from the dialog's form. */
export function actionVariables(action: DialogAction, f: ActionForm): Record<string, unknown> {
  switch (action) {
    case 'accept':
      return {};
    case 'decline':
    case 'object':
      return { reason: f.reason.trim() };
    case 'assign':
      return { handlingUnitId: f.handlingUnitId, mode: f.mode };
    case 'notify':
      return { note: optional(f.note), sentAt: f.sentAt || null };
    case 'answer':
      return { text: f.text.trim(), answeredAt: f.answeredAt || null };
    case 'requestExtension':
      return { days: f.days, reason: f.reason.trim() };
    case 'decideExtension':
      return { approve: f.approve, note: optional(f.note) };
    case 'rate':
      return { satisfaction: f.satisfaction };
    case 'requestReview':
      return { requestedAt: f.requestedAt || null };
    case 'decideReview':
      return { decision: f.decision.trim(), hearingDays: f.hearingDays };
    case 'close':
      return { settled: f.settled, resolvedHarmoniously: f.resolvedHarmoniously, note: optional(f.note) };
    case 'followUp':
      return { note: f.note.trim(), settled: f.settled };
    case 'instruct':
      return { instruction: f.instruction.trim() };
    case 'flag':
      // The reason is a key matter's: unmarking one forgets it on the server.
      return { isKeyMatter: f.isKeyMatter, isBacklog: f.isBacklog, reason: f.isKeyMatter ? optional(f.reason) : null };
  }
}

/** The deadlines in the order a case meets them. */
export const DEADLINE_KEYS = ['acceptBy', 'noticeBy', 'objectionBy', 'answerBy', 'appealRequestBy', 'reviewBy'] as const;
export type DeadlineKey = (typeof DEADLINE_KEYS)[number];

/** Which deadline `current` is: by the stage first (accept, answer, review), else by its date. */
export function currentDeadlineKey(status: string, deadlines: Partial<Record<DeadlineKey | 'current', string | null>>): DeadlineKey | null {
  const current = deadlines.current;
  if (!current) return null;
  const byStage: Record<string, DeadlineKey> = { REGISTERED: 'acceptBy', ACCEPTED: 'answerBy', IN_PROGRESS: 'answerBy', REVIEW: 'reviewBy', RE_REVIEW: 'reviewBy' };
  const staged = byStage[status];
  if (staged && deadlines[staged] === current) return staged;
  return DEADLINE_KEYS.find((k) => deadlines[k] === current) ?? null;
}
