/**
 * Supervision (督查督办) and joint conferences (集中会办), docs/domain.md §5: the states of a
 * supervision order and what it may be issued on, and the deadline rules they share with petitions.
 */

/**
 * An order's life: ISSUED (the unit is to report by its due day), REPORTED (the supervision group is
 * to decide), REOPENED (sent back with a reason and a new due day; the unit reports again), ACCEPTED
 * (closed). An open order is one ISSUED or REOPENED: the unit owes a report.
 */
export const SUPERVISION_ORDER_STATUSES = ['ISSUED', 'REPORTED', 'REOPENED', 'ACCEPTED'] as const;
export type SupervisionOrderStatus = (typeof SUPERVISION_ORDER_STATUSES)[number];

/** The statuses in which the named unit owes a report (and the due day warns). */
export const AWAITING_REPORT: readonly SupervisionOrderStatus[] = ['ISSUED', 'REOPENED'];

/** What an order is issued on. */
export const SUPERVISION_TARGETS = ['PETITION', 'SCREENING_REPORT', 'CONFERENCE_TASK'] as const;
export type SupervisionTarget = (typeof SUPERVISION_TARGETS)[number];

/** The supervision group's decision on a report. */
export const SUPERVISION_DECISIONS = ['ACCEPT', 'REOPEN'] as const;
export type SupervisionDecision = (typeof SUPERVISION_DECISIONS)[number];

/** The steps of an order's history. */
export const SUPERVISION_STEPS = ['ISSUED', 'REPORTED', 'ACCEPTED', 'REOPENED'] as const;
export type SupervisionStep = (typeof SUPERVISION_STEPS)[number];

/** The measures of an accountability record (追责), as the regulations name them; OTHER with its words. */
export const ACCOUNTABILITY_MEASURES = ['ADMONITION', 'CRITICISM', 'ORGANISATIONAL', 'PARTY_DISCIPLINE', 'GOVERNMENT_SANCTION', 'OTHER'] as const;
export type AccountabilityMeasure = (typeof ACCOUNTABILITY_MEASURES)[number];
