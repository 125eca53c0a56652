import { addDays, isCalendarDate, type CalendarDate } from './calendar.js';

/**
 * The county's figures (docs/domain.md §10): what each rate counts, in one place for the server (which
 * computes them in SQL), the portal (which shows their definitions) and the reports. A rate is
 * `numerator ÷ denominator` over the records of a period and a scope; a zero denominator is "no
 * data" (null), never 0 % or 100 %.
 */
export const FIGURE_NAMES = [
  'closureRate',
  'initialClosureRate',
  'onTimeRate',
  'satisfactionRate',
  'settlementRate',
  'hardCaseResolutionRate',
  'disputeResolutionRate',
  'repeatRate',
  'screeningOnTimeRate',
  'supervisionOnTimeRate',
] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

/** Which side of a rate a drill-down lists. */
export const FIGURE_PARTS = ['NUMERATOR', 'DENOMINATOR'] as const;
export type FigurePart = (typeof FIGURE_PARTS)[number];

/** What records a figure counts. */
export type FigureSubject = 'Petition' | 'Dispute' | 'ScreeningPeriod' | 'SupervisionOrder';

export interface FigureDefinition {
  /** 办结率 … */
  label: { zh: string; en: string };
  /** One line: numerator ÷ denominator, in words. */
  definition: { zh: string; en: string };
  subject: FigureSubject;
}

/**
 * The definitions. "In the period" is by calendar day in Asia/Shanghai, both ends included; "by the
 * end of the period" means on or before its last day, so a past period's figure does not change as
 * later work is done.
 */
export const FIGURES: Record<FigureName, FigureDefinition> = {
  closureRate: {
    label: { zh: '办结率', en: 'Closure rate' },
    definition: {
      zh: '期内受理的信访事项中，至期末已办结的件数 ÷ 期内受理的件数',
      en: 'Petitions accepted in the period and closed by its end ÷ petitions accepted in the period',
    },
    subject: 'Petition',
  },
  initialClosureRate: {
    label: { zh: '结案率（初信初访）', en: 'Initial closure rate' },
    definition: {
      zh: '期内收到的初信初访中，至期末已办结的件数 ÷ 期内收到的初信初访件数',
      en: 'Initial petitions received in the period and closed by its end ÷ initial petitions received in the period',
    },
    subject: 'Petition',
  },
  onTimeRate: {
    label: { zh: '按期答复率', en: 'On-time answer rate' },
    definition: {
      zh: '期内答复的信访事项中，在答复期限内答复的件数 ÷ 期内答复的件数',
      en: 'Petitions answered in the period by their answer deadline ÷ petitions answered in the period',
    },
    subject: 'Petition',
  },
  satisfactionRate: {
    label: { zh: '群众满意率', en: 'Satisfaction rate' },
    definition: {
      zh: '期内评价的信访事项中，评价为满意或基本满意的件数 ÷ 期内评价的件数',
      en: 'Petitions rated in the period as satisfied or basically satisfied ÷ petitions rated in the period',
    },
    subject: 'Petition',
  },
  settlementRate: {
    label: { zh: '息访停诉率', en: 'Settlement rate' },
    definition: {
      zh: '期内在办的重点信访事项中，期内办结并息访停诉的件数 ÷ 期内在办的重点信访事项件数',
      en: 'Key matters open in the period that were closed in it with the petitioner settled ÷ key matters open in the period',
    },
    subject: 'Petition',
  },
  hardCaseResolutionRate: {
    label: { zh: '重点积案化解率', en: 'Hard-case resolution rate' },
    definition: {
      zh: '期内在办的重点信访事项和信访积案中，期内办结的件数 ÷ 期内在办的重点信访事项和信访积案件数',
      en: 'Key matters and backlog cases open in the period that were closed in it ÷ key matters and backlog cases open in the period',
    },
    subject: 'Petition',
  },
  disputeResolutionRate: {
    label: { zh: '化解成功率', en: 'Dispute resolution rate' },
    definition: {
      zh: '期内排查出的矛盾纠纷中，已化解的件数 ÷ 期内排查出的件数',
      en: 'Disputes found in the period that are resolved ÷ disputes found in the period',
    },
    subject: 'Dispute',
  },
  repeatRate: {
    label: { zh: '重访率', en: 'Repeat rate' },
    definition: {
      zh: '期内收到的重复信访件数 ÷ 期内收到的信访事项件数',
      en: 'Repeat petitions received in the period ÷ petitions received in the period',
    },
    subject: 'Petition',
  },
  screeningOnTimeRate: {
    label: { zh: '排查按期报送率', en: 'Screening on-time rate' },
    definition: {
      zh: '期内到期的排查报告中，按期报送的期数 ÷ 期内到期的期数',
      en: 'Screening periods due in the period and reported by their due day ÷ screening periods due in the period',
    },
    subject: 'ScreeningPeriod',
  },
  supervisionOnTimeRate: {
    label: { zh: '督办按期办结率', en: 'Supervision on-time rate' },
    definition: {
      zh: '期内下发的督办单中，按期反馈并经审核办结的件数 ÷ 期内下发的件数',
      en: 'Supervision orders issued in the period, reported by their due day and accepted ÷ orders issued in the period',
    },
    subject: 'SupervisionOrder',
  },
};

/** A rate's value: null ("no data") when nothing was counted. */
export const rateValue = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

/** The change of a figure against an earlier one, relative (−0.42 is "down 42 %"); null without both, or from zero. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

/** The same days a year before (29 February falls back to 28 February). */
export function yearBefore(day: CalendarDate): CalendarDate {
  const year = Number(day.slice(0, 4)) - 1;
  const candidate = `${String(year).padStart(4, '0')}${day.slice(4)}`;
  return isCalendarDate(candidate) ? candidate : `${String(year).padStart(4, '0')}-02-28`;
}

/** The periods an analysis report covers. */
export const REPORT_PERIODS = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/** The first and last day of the period that starts on (or contains) `start`. */
export function periodRange(period: ReportPeriod, start: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7));
  const first = (y: number, m: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
  const next = (y: number, m: number, months: number) => {
    const total = y * 12 + (m - 1) + months;
    return first(Math.floor(total / 12), (total % 12) + 1);
  };
  if (period === 'YEAR') return { from: first(year, 1), to: addDays(first(year + 1, 1), -1) };
  if (period === 'QUARTER') {
    const q = Math.floor((month - 1) / 3) * 3 + 1;
    return { from: first(year, q), to: addDays(next(year, q, 3), -1) };
  }
  return { from: first(year, month), to: addDays(next(year, month, 1), -1) };
}

/** The period before, of the same kind. */
export function previousPeriod(period: ReportPeriod, start: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  const { from } = periodRange(period, start);
  return periodRange(period, addDays(from, -1));
}
