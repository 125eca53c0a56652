/** The actions the server may offer on a dispute (`Dispute.availableActions`). */
export const DISPUTE_ACTIONS = ['resolve', 'update', 'escalate', 'link'] as const;
export type DisputeAction = (typeof DISPUTE_ACTIONS)[number];

/** The buttons to show: exactly the server's `availableActions`, known ones, in the bar's order. */
export function shownDisputeActions(available: readonly string[]): DisputeAction[] {
  return DISPUTE_ACTIONS.filter((a) => available.includes(a));
}
