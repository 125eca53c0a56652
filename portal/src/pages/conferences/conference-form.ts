import type { RecordConferenceInput } from '@/gql/graphql';

/** One follow-up task in the 记录会办 form. */
export interface TaskDraft {
  key: number;
  ownerUnitId: string;
  description: string;
  dueOn: string;
}

/** One petition the conference took up, with its decision and tasks. */
export interface ItemDraft {
  key: number;
  petitionId: string;
  decision: string;
  tasks: TaskDraft[];
}

export interface ConferenceDraft {
  heldOn: string;
  title: string;
  chairUserId: string;
  venue: string;
  attendingUnitIds: string[];
  attendees: string;
  items: ItemDraft[];
}

let keys = 0;
/** A key for a row of the form, so that Vue keeps each row's fields with it when one is removed. */
const nextKey = () => ++keys;

export const blankTask = (dueOn: string): TaskDraft => ({ key: nextKey(), ownerUnitId: '', description: '', dueOn });
export const blankItem = (): ItemDraft => ({ key: nextKey(), petitionId: '', decision: '', tasks: [] });
export const blankConference = (today: string): ConferenceDraft => ({
  heldOn: today,
  title: '',
  chairUserId: '',
  venue: '',
  attendingUnitIds: [],
  attendees: '',
  items: [blankItem()],
});

const optional = (value: string): string | null => value.trim() || null;

/** The server's input: texts trimmed, empty optional ones left out as null. */
export function conferenceInput(d: ConferenceDraft): RecordConferenceInput {
  return {
    heldOn: d.heldOn,
    title: d.title.trim(),
    chairUserId: d.chairUserId,
    venue: optional(d.venue),
    attendingUnitIds: [...d.attendingUnitIds],
    attendees: optional(d.attendees),
    items: d.items.map((item) => ({
      petitionId: item.petitionId,
      decision: item.decision.trim(),
      tasks: item.tasks.map((task) => ({ ownerUnitId: task.ownerUnitId, description: task.description.trim(), dueOn: task.dueOn })),
    })),
  };
}

/**
 * Where a refused server field goes in the form: `items[0].tasks[1].dueOn` is the form's
 * `items.0.tasks.1.dueOn`; `items` as a whole (none, or a petition twice) is the whole form's.
 */
export function conferenceField(field: string): string | null {
  if (field === 'items') return null;
  return field.replace(/\[(\d+)\]/g, '.$1');
}
