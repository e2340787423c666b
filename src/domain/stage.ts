import type { GoalScore, RoundScores } from './scoring';
import type { BaseService, Centre } from './types';

/**
 * The staged path towards a family centre (seed 002): districts start in different places, so the
 * stage is derived from what the profile says and how the group rated cooperation and co-location.
 *
 *   1  Strong preventive social services and more cooperation with open preschool
 *   2  Extended cooperation with BVC and BMM
 *   3  Located near each other and cooperating closely
 *   4  Co-located: a full family centre
 *
 * A stage is reached when all of its criteria and those of every stage before it are met; 0 means
 * the first step is not yet taken. Every criterion is reported, met or not, so the UI can explain.
 */

export const STAGE_GOALS = { cooperation: 'goal-2', coLocation: 'goal-3', earlyInterventions: 'goal-1' } as const;
/** "Partly established" on the four-step scale: the work is under way and visible. */
export const WORKING_LEVEL = 2.5;
/** "Established" territory: the mean leans to the top two steps. */
export const ESTABLISHED_LEVEL = 3;

export type StageNumber = 0 | 1 | 2 | 3 | 4;

export type StageCriterion =
  | { readonly kind: 'services'; readonly services: readonly BaseService[]; readonly met: boolean }
  | { readonly kind: 'goalAtLeast'; readonly goalId: string; readonly level: number; readonly score: number | null; readonly met: boolean }
  | { readonly kind: 'coLocation'; readonly accepted: readonly Centre['coLocation'][]; readonly actual: Centre['coLocation']; readonly met: boolean };

export interface StageStep {
  readonly stage: Exclude<StageNumber, 0>;
  readonly criteria: readonly StageCriterion[];
  readonly met: boolean;
}

export interface StageResult {
  readonly stage: StageNumber;
  readonly steps: readonly StageStep[];
}

function goalMean(scores: RoundScores, goalId: string): number | null {
  const goal: GoalScore | undefined = scores.goals.find((g) => g.goalId === goalId);
  return goal?.mean ?? null;
}

function hasServices(centre: Pick<Centre, 'services'>, services: readonly BaseService[]): StageCriterion {
  return { kind: 'services', services, met: services.every((service) => centre.services.includes(service)) };
}

function goalAtLeast(scores: RoundScores, goalId: string, level: number): StageCriterion {
  const score = goalMean(scores, goalId);
  return { kind: 'goalAtLeast', goalId, level, score, met: score !== null && score >= level - 1e-9 };
}

function located(centre: Pick<Centre, 'coLocation'>, accepted: readonly Centre['coLocation'][]): StageCriterion {
  return { kind: 'coLocation', accepted, actual: centre.coLocation, met: accepted.includes(centre.coLocation) };
}

export function deriveStage(centre: Pick<Centre, 'services' | 'coLocation'>, scores: RoundScores): StageResult {
  const definitions: { stage: Exclude<StageNumber, 0>; criteria: StageCriterion[] }[] = [
    {
      stage: 1,
      criteria: [
        hasServices(centre, ['socialServices', 'openPreschool']),
        goalAtLeast(scores, STAGE_GOALS.earlyInterventions, WORKING_LEVEL),
      ],
    },
    {
      stage: 2,
      criteria: [hasServices(centre, ['bvc', 'bmm']), goalAtLeast(scores, STAGE_GOALS.cooperation, WORKING_LEVEL)],
    },
    {
      stage: 3,
      criteria: [located(centre, ['near', 'co-located']), goalAtLeast(scores, STAGE_GOALS.cooperation, ESTABLISHED_LEVEL)],
    },
    {
      stage: 4,
      criteria: [
        located(centre, ['co-located']),
        hasServices(centre, ['bmm', 'bvc', 'openPreschool', 'socialServices']),
        goalAtLeast(scores, STAGE_GOALS.coLocation, ESTABLISHED_LEVEL),
      ],
    },
  ];
  const steps = definitions.map((definition) => ({ ...definition, met: definition.criteria.every((c) => c.met) }));
  let stage: StageNumber = 0;
  for (const step of steps) {
    if (!step.met) break;
    stage = step.stage;
  }
  return { stage, steps };
}
