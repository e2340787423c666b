import type { Centre, Instrument } from '../types';
import type { StepStatus } from '../path';
import type { PathStepNumber } from '../pathRules';
import type { CheckInDocument } from './checkIn';
import { documentCentre, goalRef, type DocumentCentre, type DocumentGoalRef } from './document';

/**
 * The yearly report, due 31 October (seed 002: "årsredovisning … och plan för fortsatt arbete
 * inklusive kostnadsbeskrivning"): what the year achieved goal by goal, the year's check-ins side by
 * side, and the plan for next year with its costs described in the centre's own words.
 */

/** An action the centre plans for next year; not yet an action of a round. */
export interface PlannedAction {
  readonly id: string;
  readonly goalId: string;
  readonly what: string;
  readonly who: string;
  /** Free text such as "VT 2027" or an ISO date. */
  readonly when: string;
}

export interface YearlyReport {
  readonly id: string;
  readonly centreId: string;
  readonly year: number;
  /** What was achieved, by goal id. */
  readonly achieved: Readonly<Record<string, string>>;
  readonly nextYear: {
    readonly goalsInFocus: readonly string[];
    readonly actions: readonly PlannedAction[];
    /** The cost description, free text: the seed asks for it, not for a budget table. */
    readonly costs: string;
  };
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const YEARLY_REPORT_DOCUMENT_VERSION = 1;

/** One sealed check-in of the year, as a column of the side-by-side table. */
export interface YearlyReportCheckIn {
  readonly handInId: string;
  readonly deadlineId: string;
  readonly sealedAt: string;
  readonly hash: string;
  readonly roundTitle: string;
  readonly period: string;
  readonly date: string;
  readonly overall: number | null;
  /** A version-1 check-in's single stage number; absent for a check-in that carries the profile. */
  readonly stage?: number;
  /** A version-2 check-in's profile: each step's status. Optional, so reports sealed with `stage` read as before. */
  readonly path?: readonly { readonly step: PathStepNumber; readonly status: StepStatus }[];
}

export interface YearlyReportGoal extends DocumentGoalRef {
  /** One per check-in column, in the same order. */
  readonly means: readonly (number | null)[];
  /** Actions marked done over the year's check-ins. */
  readonly done: readonly string[];
  readonly achieved: string;
}

export interface YearlyReportDocument {
  readonly kind: 'yearly-report';
  readonly documentVersion: typeof YEARLY_REPORT_DOCUMENT_VERSION;
  readonly centre: DocumentCentre;
  readonly year: number;
  /** Oldest first. */
  readonly checkIns: readonly YearlyReportCheckIn[];
  readonly goals: readonly YearlyReportGoal[];
  readonly nextYear: {
    readonly goalsInFocus: readonly DocumentGoalRef[];
    readonly actions: readonly (PlannedAction & { readonly goalNumber: number | null })[];
    readonly costs: string;
  };
}

/** What the report reads of a sealed check-in (a HandIn whose document is a check-in). */
export interface SealedCheckIn {
  readonly id: string;
  readonly deadlineId: string;
  readonly sealedAt: string;
  readonly hash: string;
  readonly document: CheckInDocument;
}

export interface YearlyReportInput {
  readonly centre: Centre;
  readonly report: YearlyReport;
  readonly instrument: Instrument;
  /** The year's check-in hand-ins; for a deadline handed in twice only the newest is a column. */
  readonly checkIns: readonly SealedCheckIn[];
}

function newestPerDeadline(checkIns: readonly SealedCheckIn[]): SealedCheckIn[] {
  const newest = new Map<string, SealedCheckIn>();
  for (const checkIn of checkIns) {
    const seen = newest.get(checkIn.deadlineId);
    if (!seen || seen.sealedAt < checkIn.sealedAt) newest.set(checkIn.deadlineId, checkIn);
  }
  return [...newest.values()].sort((a, b) => a.document.round.date.localeCompare(b.document.round.date) || a.sealedAt.localeCompare(b.sealedAt));
}

export function buildYearlyReport(input: YearlyReportInput): YearlyReportDocument {
  const { report, instrument } = input;
  const columns = newestPerDeadline(input.checkIns);
  const goalById = new Map(instrument.goals.map((goal) => [goal.id, goal]));
  return {
    kind: 'yearly-report',
    documentVersion: YEARLY_REPORT_DOCUMENT_VERSION,
    centre: documentCentre(input.centre),
    year: report.year,
    checkIns: columns.map((column) => ({
      handInId: column.id,
      deadlineId: column.deadlineId,
      sealedAt: column.sealedAt,
      hash: column.hash,
      roundTitle: column.document.round.title,
      period: column.document.round.period,
      date: column.document.round.date,
      overall: column.document.overall.mean,
      ...(column.document.documentVersion === 1
        ? { stage: column.document.stage.now }
        : { path: column.document.path.now.steps.map((step) => ({ step: step.step, status: step.status })) }),
    })),
    goals: instrument.goals.map((goal) => {
      const inColumns = columns.map((column) => column.document.goals.find((g) => g.goalId === goal.id));
      const done = new Set(inColumns.flatMap((g) => (g?.sinceLast ?? []).filter((c) => c.kind === 'done').map((c) => c.what)));
      return {
        ...goalRef(goal),
        means: inColumns.map((g) => g?.figures.mean ?? null),
        done: [...done],
        achieved: report.achieved[goal.id] ?? '',
      };
    }),
    nextYear: {
      goalsInFocus: report.nextYear.goalsInFocus.flatMap((id) => {
        const goal = goalById.get(id);
        return goal ? [goalRef(goal)] : [];
      }),
      actions: report.nextYear.actions.map((action) => ({ ...action, goalNumber: goalById.get(action.goalId)?.number ?? null })),
      costs: report.nextYear.costs,
    },
  };
}
