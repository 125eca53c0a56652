/** The petition's states as a ledger writes them (信访台账, 重点信访事项台账, 信访积案台账). */
export const STATUS_LABEL: Record<string, string> = {
  REGISTERED: '已登记', ACCEPTED: '已受理', NOT_ACCEPTED: '不予受理', IN_PROGRESS: '办理中', ANSWERED: '已答复', REVIEW: '复查', RE_REVIEW: '复核', CLOSED: '已办结',
};
