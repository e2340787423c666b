import type { GoalScore } from '../scoring';
import type { TargetState } from '../cycle/targets';
import type { ActionStatus, AnswerValue, InstrumentGoal, LocalizedText } from '../types';
import { NAME_SORT, sortCentreRows, type CentreRow } from './centres';
import type { ExportFile } from './format';

/**
 * "What do the centres say about goal 3?": for one goal and period, what each centre wrote in the
 * round compared for that period – its reflection, its actions, its own statements and the notes on
 * the goal's statements – read straight from the imported files. Always in name order: this is for
 * reading, not ranking.
 */

export interface GoalReadingAction {
  readonly id: string;
  readonly what: string;
  readonly who: string;
  readonly due: string;
  readonly status: ActionStatus;
}

export interface GoalReadingOwnStatement {
  readonly id: string;
  readonly text: string;
  readonly value: AnswerValue | null;
  readonly note: string;
}

export interface GoalReadingNote {
  readonly itemId: string;
  readonly note: string;
}

/** A local sub-goal of the goal with its target, as a hand-in's check-in states it. */
export interface GoalReadingTarget {
  readonly targetId: string;
  readonly statement: LocalizedText;
  readonly level: number;
  /** ISO date or ''. */
  readonly by: string;
  readonly services: readonly string[];
  readonly answer: AnswerValue | null;
  readonly state: TargetState;
}

/** The hand-in a reading comes from, when it is read from one. */
export interface GoalReadingSource {
  readonly handInId: string;
  readonly deadlineId: string;
  readonly year: number;
  readonly sequence: number;
  readonly sealedAt: string;
}

export interface GoalReadingRound {
  readonly roundId: string;
  readonly title: string;
  readonly date: string;
  readonly inProgress: boolean;
  readonly score: Pick<GoalScore, 'mean' | 'skipped'> | undefined;
  readonly reflection: string;
  readonly notRelevant: boolean;
  readonly actions: readonly GoalReadingAction[];
  readonly ownStatements: readonly GoalReadingOwnStatement[];
  /** Notes on the goal's common statements, in the instrument's order; empty notes are left out. */
  readonly notes: readonly GoalReadingNote[];
  /** Read from a hand-in: which one, and the sub-goals with targets it states. */
  readonly handIn?: GoalReadingSource;
  readonly targets?: readonly GoalReadingTarget[];
}

export interface GoalReadingCentre {
  readonly centreId: string;
  readonly name: string;
  /** Null when the centre has no compared round in the period. */
  readonly round: GoalReadingRound | null;
}

export function readGoalAcrossCentres(
  rows: readonly CentreRow[],
  files: ReadonlyMap<string, ExportFile>,
  goal: Pick<InstrumentGoal, 'id' | 'items'>,
): GoalReadingCentre[] {
  const itemOrder = new Map(goal.items.map((item, index) => [item.id, index]));
  return sortCentreRows(rows, NAME_SORT).map((row): GoalReadingCentre => {
    const file = files.get(row.centreId);
    const round = row.round;
    if (!file || !round) return { centreId: row.centreId, name: row.name, round: null };
    const answers = file.answers.filter((answer) => answer.roundId === round.roundId);
    const answerOf = new Map(answers.map((answer) => [answer.itemId, answer]));
    const reflection = file.reflections.find((item) => item.roundId === round.roundId && item.goalId === goal.id);
    const actions = file.actions
      .filter((action) => action.roundId === round.roundId && action.goalId === goal.id)
      .map(({ id, what, who, due, status }) => ({ id, what, who, due, status }));
    // An own statement shows when it is still asked, or when this round answered it before it was retired.
    const ownStatements = file.localItems
      .filter((item) => item.goalId === goal.id && (!item.retired || answerOf.has(item.id)))
      .map((item) => ({ id: item.id, text: item.text, value: answerOf.get(item.id)?.value ?? null, note: answerOf.get(item.id)?.note ?? '' }));
    const notes = answers
      .filter((answer) => itemOrder.has(answer.itemId) && answer.note.trim() !== '')
      .sort((a, b) => (itemOrder.get(a.itemId) ?? 0) - (itemOrder.get(b.itemId) ?? 0))
      .map((answer) => ({ itemId: answer.itemId, note: answer.note }));
    return {
      centreId: row.centreId,
      name: row.name,
      round: {
        roundId: round.roundId,
        title: round.title,
        date: round.date,
        inProgress: round.inProgress,
        score: round.scores.goals.find((score) => score.goalId === goal.id),
        reflection: reflection?.note ?? '',
        notRelevant: reflection?.notRelevant ?? false,
        actions,
        ownStatements,
        notes,
      },
    };
  });
}
