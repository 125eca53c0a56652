import { describe, expect, it } from 'vitest';
import { STATE_COUNCIL_CALENDAR, holidayCalendar } from './calendar.js';
import { canTransition, isBacklogByAge, petitionDeadlines, warningFor } from './petition.js';

const cal = holidayCalendar(STATE_COUNCIL_CALENDAR);

describe('petition deadlines', () => {
  it('gives a registered petition its acceptance and notice deadlines, and runs against acceptance', () => {
    const d = petitionDeadlines({ status: 'REGISTERED', receivedAt: '2026-09-16' }, cal);
    expect(d).toMatchObject({ acceptBy: '2026-10-08', noticeBy: '2026-10-08', answerBy: null, current: '2026-10-08' });
  });

  it('answers 60 days from acceptance, plus an approved extension, rolled past holidays', () => {
    // Accepted 2026-03-02: +60 = 2026-05-01 (劳动节) → 2026-05-06.
    expect(petitionDeadlines({ status: 'IN_PROGRESS', receivedAt: '2026-02-27', acceptedAt: '2026-03-02' }, cal).answerBy).toBe('2026-05-06');
    // With a 30-day extension: +90 = 2026-05-31 (Sunday) → 2026-06-01.
    expect(petitionDeadlines({ status: 'IN_PROGRESS', receivedAt: '2026-02-27', acceptedAt: '2026-03-02', extensionDays: 30 }, cal).answerBy).toBe('2026-06-01');
  });

  it('gives the handling unit five working days to object, make-up days counted', () => {
    expect(petitionDeadlines({ status: 'IN_PROGRESS', receivedAt: '2026-09-20', acceptedAt: '2026-09-28', assignedAt: '2026-09-29' }, cal).objectionBy).toBe('2026-10-12');
  });

  it('opens the review window on the answer and the re-review window on the review decision', () => {
    const answered = petitionDeadlines({ status: 'ANSWERED', receivedAt: '2026-01-05', acceptedAt: '2026-01-06', answeredAt: '2026-03-10' }, cal);
    expect(answered).toMatchObject({ appealRequestBy: '2026-04-09', reviewBy: null, current: null });
    const review = petitionDeadlines({ status: 'REVIEW', receivedAt: '2026-01-05', answeredAt: '2026-03-10', reviewRequestedAt: '2026-03-20' }, cal);
    expect(review).toMatchObject({ reviewBy: '2026-04-20', current: '2026-04-20' }); // 19 April is a Sunday
    const withHearing = petitionDeadlines({ status: 'REVIEW', receivedAt: '2026-01-05', answeredAt: '2026-03-10', reviewRequestedAt: '2026-03-20', hearingDays: 10 }, cal);
    expect(withHearing.reviewBy).toBe('2026-04-29');
    const decided = petitionDeadlines({ status: 'REVIEW', receivedAt: '2026-01-05', answeredAt: '2026-03-10', reviewRequestedAt: '2026-03-20', reviewDecidedAt: '2026-04-10' }, cal);
    expect(decided).toMatchObject({ reviewBy: null, appealRequestBy: '2026-05-11' }); // 10 May is a Sunday
  });
});

describe('warnings', () => {
  it('turns yellow three days before and red after the deadline', () => {
    expect(warningFor('2026-10-08', '2026-10-04')).toBe('NONE');
    expect(warningFor('2026-10-08', '2026-10-05')).toBe('YELLOW');
    expect(warningFor('2026-10-08', '2026-10-08')).toBe('YELLOW');
    expect(warningFor('2026-10-08', '2026-10-09')).toBe('RED');
    expect(warningFor(null, '2026-10-09')).toBe('NONE');
  });
});

describe('transitions and backlog', () => {
  it('allows each action only from its states', () => {
    expect(canTransition('accept', 'REGISTERED')).toBe(true);
    expect(canTransition('accept', 'ACCEPTED')).toBe(false);
    expect(canTransition('answer', 'ACCEPTED')).toBe(false);
    expect(canTransition('close', 'ANSWERED')).toBe(true);
    expect(canTransition('followUp', 'IN_PROGRESS')).toBe(false);
  });

  it('calls a petition open two years backlog', () => {
    expect(isBacklogByAge('2024-11-26', '2026-11-26', 'IN_PROGRESS')).toBe(true);
    expect(isBacklogByAge('2024-11-27', '2026-11-26', 'IN_PROGRESS')).toBe(false);
    expect(isBacklogByAge('2020-01-01', '2026-11-26', 'CLOSED')).toBe(false);
  });
});
