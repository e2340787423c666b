import type { AnswerValue, Centre, Instrument, LocalizedText, LocalItem } from '../types';
import { actionChains, chainOf, statusAsOf, type TrackedAction } from './actionHistory';
import { targetState, type ItemTarget, type TargetState } from './targets';
import {
  documentCentre,
  documentInstrument,
  goalRef,
  statementText,
  type DocumentAction,
  type DocumentCentre,
  type DocumentGoalRef,
  type DocumentInstrument,
} from './document';

/**
 * The local project plan, due 1 April (seed 002: "lokala projektplaner"): for the year, the goals
 * the centre puts its work into, each made concrete in local sub-goals with a target level and a
 * date, the services responsible and the actions linked to them.
 */
export interface ProjectPlan {
  readonly id: string;
  readonly centreId: string;
  readonly year: number;
  /** Goal ids, in the order the plan lists them. */
  readonly goalsInFocus: readonly string[];
  /** Why each goal is in focus, or how the centre means to work on it, by goal id. */
  readonly goalNotes: Readonly<Record<string, string>>;
  readonly targets: readonly ItemTarget[];
  readonly summary: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const PROJECT_PLAN_DOCUMENT_VERSION = 1;

export interface ProjectPlanTarget {
  readonly targetId: string;
  readonly itemId: string;
  readonly statement: LocalizedText;
  readonly level: number;
  readonly startLevel: number | null;
  readonly by: string;
  readonly services: readonly string[];
  readonly actions: readonly DocumentAction[];
  /** The latest round's answer, when the plan is shown against now; null in a plan with no round yet. */
  readonly now: AnswerValue | null;
  readonly state: TargetState;
}

export interface ProjectPlanGoal extends DocumentGoalRef {
  readonly note: string;
  readonly targets: readonly ProjectPlanTarget[];
}

export interface ProjectPlanDocument {
  readonly kind: 'project-plan';
  readonly documentVersion: typeof PROJECT_PLAN_DOCUMENT_VERSION;
  readonly centre: DocumentCentre;
  readonly year: number;
  readonly instrument: DocumentInstrument;
  readonly summary: string;
  /** Only the goals in focus, in the plan's order. */
  readonly goals: readonly ProjectPlanGoal[];
  /** The round the "now" column reads, when there is one. */
  readonly measuredIn: { readonly roundId: string; readonly title: string; readonly date: string } | null;
}

export interface ProjectPlanInput {
  readonly centre: Centre;
  readonly plan: ProjectPlan;
  readonly instrument: Instrument;
  readonly localItems: readonly LocalItem[];
  readonly actions: readonly TrackedAction[];
  /** The round to read the targets against, with its answers by item id. */
  readonly latest?: { readonly roundId: string; readonly title: string; readonly date: string; readonly answers: ReadonlyMap<string, { readonly value: AnswerValue | null }> };
  readonly asOf: string;
}

export function buildProjectPlan(input: ProjectPlanInput): ProjectPlanDocument {
  const { plan, instrument, asOf } = input;
  const chains = actionChains(input.actions.filter((action) => action.centreId === input.centre.id && action.createdAt <= asOf));
  const goals = plan.goalsInFocus.flatMap((goalId): ProjectPlanGoal[] => {
    const goal = instrument.goals.find((g) => g.id === goalId);
    if (!goal) return [];
    return [
      {
        ...goalRef(goal),
        note: plan.goalNotes[goalId] ?? '',
        targets: plan.targets
          .filter((target) => target.goalId === goalId)
          .map((target) => {
            const now = input.latest?.answers.get(target.itemId)?.value ?? null;
            return {
              targetId: target.id,
              itemId: target.itemId,
              statement: statementText(instrument, input.localItems, target.itemId),
              level: target.level,
              startLevel: target.startLevel,
              by: target.by,
              services: [...target.services],
              actions: target.actionIds.flatMap((id): DocumentAction[] => {
                const chain = chainOf(chains, id);
                const status = chain ? statusAsOf(chain.history, asOf) : undefined;
                if (!chain || !status) return [];
                const { head } = chain;
                return [{ actionId: head.id, goalId: head.goalId, what: head.what, who: head.who, due: head.due, status }];
              }),
              now,
              state: targetState(target, now),
            };
          }),
      },
    ];
  });
  return {
    kind: 'project-plan',
    documentVersion: PROJECT_PLAN_DOCUMENT_VERSION,
    centre: documentCentre(input.centre),
    year: plan.year,
    instrument: documentInstrument(instrument),
    summary: plan.summary,
    goals,
    measuredIn: input.latest ? { roundId: input.latest.roundId, title: input.latest.title, date: input.latest.date } : null,
  };
}
