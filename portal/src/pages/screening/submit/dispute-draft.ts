import type { DisputeInput, DisputeRiskLevel } from '@/gql/graphql';

/** One dispute as the form holds it: every field a plain value, the optional dates empty when not given. */
export interface DisputeDraft {
  /** Keeps a row's fields in place when an earlier row is removed. */
  key: number;
  categoryCode: string;
  parties: string;
  headcount: number;
  summary: string;
  riskLevel: DisputeRiskLevel;
  arisenOn: string;
  resolveBy: string;
}

let nextKey = 1;

/** A fresh row: two people (a dispute has two sides), general risk, dates left to the server's defaults. */
export function emptyDraft(): DisputeDraft {
  return { key: nextKey++, categoryCode: '', parties: '', headcount: 2, summary: '', riskLevel: 'GENERAL', arisenOn: '', resolveBy: '' };
}

/** The server's input for a row: text trimmed, the dates the user left empty sent as null. */
export function draftToInput(d: DisputeDraft): DisputeInput {
  return {
    categoryCode: d.categoryCode,
    parties: d.parties.trim(),
    headcount: d.headcount,
    summary: d.summary.trim(),
    riskLevel: d.riskLevel,
    arisenOn: d.arisenOn || null,
    resolveBy: d.resolveBy || null,
  };
}
