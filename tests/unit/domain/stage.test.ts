import { describe, expect, it } from 'vitest';
import { deriveStage, ESTABLISHED_LEVEL, STAGE_GOALS, WORKING_LEVEL, type StageCriterion, type StageResult } from '@/domain/stage';
import type { AnswerValue, BaseService, Centre } from '@/domain/types';
import { BASE_SERVICES } from '@/domain/types';
import { answerAll, reflectionLookup, smallInstrument } from '../../fixtures/instruments';
import { scoreRound } from '@/domain/scoring';
import { stageScores } from '../../fixtures/scores';

type StageCentre = Pick<Centre, 'services' | 'coLocation'>;

const ALL: BaseService[] = [...BASE_SERVICES];
const centre = (services: readonly BaseService[], coLocation: Centre['coLocation']): StageCentre => ({
  services: [...services],
  coLocation,
});

/** Goal ratings by stage goal; 3 on every stage goal is enough for every stage. */
type Ratings = Partial<Record<'goal-1' | 'goal-2' | 'goal-3' | 'goal-4', readonly (AnswerValue | null)[]>>;
const allGood: Ratings = { 'goal-1': [3, 3], 'goal-2': [3, 3], 'goal-3': [3, 3] };

function stageOf(c: StageCentre, ratings: Ratings, skipped: readonly string[] = []): StageResult {
  return deriveStage(c, stageScores(ratings, skipped));
}

function criterion(result: StageResult, stage: number, index: number): StageCriterion {
  const found = result.steps.find((s) => s.stage === stage)?.criteria[index];
  if (!found) throw new Error(`no criterion ${String(index)} for stage ${String(stage)}`);
  return found;
}

const stepMet = (result: StageResult): boolean[] => result.steps.map((s) => s.met);

describe('deriveStage: the rules', () => {
  it('reads the goals and levels documented in stage.ts', () => {
    expect(STAGE_GOALS).toEqual({ cooperation: 'goal-2', coLocation: 'goal-3', earlyInterventions: 'goal-1' });
    expect(WORKING_LEVEL).toBe(2.5);
    expect(ESTABLISHED_LEVEL).toBe(3);
  });

  it('reports all four steps with every criterion, met or not', () => {
    const result = stageOf(centre(['bvc'], 'separate'), { 'goal-1': [2, 3], 'goal-2': [1, 2] }, ['goal-3']);
    expect(result).toEqual({
      stage: 0,
      steps: [
        {
          stage: 1,
          met: false,
          criteria: [
            { kind: 'services', services: ['socialServices', 'openPreschool'], met: false },
            { kind: 'goalAtLeast', goalId: 'goal-1', level: 2.5, score: 2.5, met: true },
          ],
        },
        {
          stage: 2,
          met: false,
          criteria: [
            { kind: 'services', services: ['bvc', 'bmm'], met: false },
            { kind: 'goalAtLeast', goalId: 'goal-2', level: 2.5, score: 1.5, met: false },
          ],
        },
        {
          stage: 3,
          met: false,
          criteria: [
            { kind: 'coLocation', accepted: ['near', 'co-located'], actual: 'separate', met: false },
            { kind: 'goalAtLeast', goalId: 'goal-2', level: 3, score: 1.5, met: false },
          ],
        },
        {
          stage: 4,
          met: false,
          criteria: [
            { kind: 'coLocation', accepted: ['co-located'], actual: 'separate', met: false },
            { kind: 'services', services: ['bmm', 'bvc', 'openPreschool', 'socialServices'], met: false },
            { kind: 'goalAtLeast', goalId: 'goal-3', level: 3, score: null, met: false },
          ],
        },
      ],
    });
  });

  it('marks every criterion met for a full family centre', () => {
    const result = stageOf(centre(ALL, 'co-located'), allGood);
    expect(result.stage).toBe(4);
    expect(result.steps.flatMap((s) => s.criteria).every((c) => c.met)).toBe(true);
    expect(stepMet(result)).toEqual([true, true, true, true]);
  });
});

describe('deriveStage: each stage is reached when its criteria and all earlier ones are met', () => {
  it('is 0 when nothing is rated, even for a co-located centre with every service', () => {
    expect(stageOf(centre(ALL, 'co-located'), {}).stage).toBe(0);
  });

  it('is 0 without social services, whatever the ratings', () => {
    expect(stageOf(centre(['bmm', 'bvc', 'openPreschool'], 'co-located'), allGood).stage).toBe(0);
  });

  it('is 0 without open preschool, whatever the ratings', () => {
    expect(stageOf(centre(['bmm', 'bvc', 'socialServices'], 'co-located'), allGood).stage).toBe(0);
  });

  it('is 1 with social services, open preschool and early interventions partly established', () => {
    expect(stageOf(centre(['socialServices', 'openPreschool'], 'separate'), { 'goal-1': [2, 3] }).stage).toBe(1);
  });

  it('is 1, not 2, when BVC is missing', () => {
    expect(stageOf(centre(['socialServices', 'openPreschool', 'bmm'], 'separate'), allGood).stage).toBe(1);
  });

  it('is 1, not 2, when BMM is missing', () => {
    expect(stageOf(centre(['socialServices', 'openPreschool', 'bvc'], 'separate'), allGood).stage).toBe(1);
  });

  it('is 1, not 2, when cooperation is below partly established', () => {
    expect(stageOf(centre(ALL, 'separate'), { 'goal-1': [3, 3], 'goal-2': [2, 2] }).stage).toBe(1);
  });

  it('is 2 with all four services and cooperation partly established', () => {
    expect(stageOf(centre(ALL, 'separate'), { 'goal-1': [3, 3], 'goal-2': [2, 3] }).stage).toBe(2);
  });

  it('is 2, not 3, for a separate centre even with established cooperation', () => {
    expect(stageOf(centre(ALL, 'separate'), allGood).stage).toBe(2);
  });

  it('is 2, not 3, for a nearby centre whose cooperation is not yet established', () => {
    expect(stageOf(centre(ALL, 'near'), { 'goal-1': [3, 3], 'goal-2': [3, 3, 2, 3] }).stage).toBe(2);
  });

  it('is 3 for a nearby centre with established cooperation', () => {
    expect(stageOf(centre(ALL, 'near'), { 'goal-1': [3], 'goal-2': [3] }).stage).toBe(3);
  });

  it('is 3, not 4, for a nearby centre even with co-location rated highly', () => {
    expect(stageOf(centre(ALL, 'near'), { ...allGood, 'goal-3': [4, 4] }).stage).toBe(3);
  });

  it('is 3, not 4, for a co-located centre whose co-location goal is below established', () => {
    expect(stageOf(centre(ALL, 'co-located'), { ...allGood, 'goal-3': [2, 3, 3, 3] }).stage).toBe(3);
  });

  it('is 3, not 4, for a co-located centre with the co-location goal unrated', () => {
    expect(stageOf(centre(ALL, 'co-located'), { 'goal-1': [3], 'goal-2': [3] }).stage).toBe(3);
  });

  it('is 4 for a co-located centre with every service and all three goals established', () => {
    expect(stageOf(centre(ALL, 'co-located'), allGood).stage).toBe(4);
  });

  it('does not care about the order of services or about extra entries', () => {
    const services: BaseService[] = ['socialServices', 'bvc', 'openPreschool', 'bmm', 'bvc'];
    expect(stageOf(centre(services, 'co-located'), allGood).stage).toBe(4);
  });

  it('ignores goals that no stage reads', () => {
    expect(stageOf(centre(ALL, 'co-located'), { ...allGood, 'goal-4': [1, 1, 1, 1] }).stage).toBe(4);
    expect(stageOf(centre(ALL, 'co-located'), { 'goal-4': [4, 4, 4, 4] }).stage).toBe(0);
  });
});

describe('deriveStage: a later stage’s criteria do not make up for an earlier one', () => {
  it('stays at 0 when co-located with every service but early interventions are at 2', () => {
    const result = stageOf(centre(ALL, 'co-located'), { 'goal-1': [2, 2], 'goal-2': [4, 4], 'goal-3': [4, 4] });
    expect(result.stage).toBe(0);
    expect(stepMet(result)).toEqual([false, true, true, true]);
    expect(criterion(result, 1, 1)).toEqual({ kind: 'goalAtLeast', goalId: 'goal-1', level: 2.5, score: 2, met: false });
  });

  it('stays at 1 when cooperation is weak, even if the stage 4 criteria are met', () => {
    const result = stageOf(centre(ALL, 'co-located'), { 'goal-1': [3, 3], 'goal-2': [2, 2], 'goal-3': [4, 4] });
    expect(result.stage).toBe(1);
    expect(stepMet(result)).toEqual([true, false, false, true]);
  });

  it('stays at 0 without the stage 1 services, even if stages 2 and 3 are met', () => {
    const result = stageOf(centre(['bmm', 'bvc'], 'near'), allGood);
    expect(result.stage).toBe(0);
    expect(stepMet(result)).toEqual([false, true, true, false]);
  });

  it('stays at 2 when stage 3 fails, even if stage 4’s own criteria hold', () => {
    // Cooperation 2.5 passes stage 2 but not stage 3; stage 4 does not read cooperation.
    const result = stageOf(centre(ALL, 'co-located'), { 'goal-1': [3, 3], 'goal-2': [2, 3], 'goal-3': [3, 3] });
    expect(result.stage).toBe(2);
    expect(stepMet(result)).toEqual([true, true, false, true]);
  });
});

describe('deriveStage: thresholds', () => {
  const stage1Centre = centre(['socialServices', 'openPreschool'], 'separate');

  it.each<[string, readonly AnswerValue[], boolean]>([
    ['2.5 exactly ([2, 3])', [2, 3], true],
    ['2.5 exactly ([2, 2, 3, 3])', [2, 2, 3, 3], true],
    ['2.5 exactly (a single rating)', [2.5], true],
    ['2.49', [2.49], false],
    ['2.25 ([2, 2, 2, 3])', [2, 2, 2, 3], false],
    ['2.4999 (a real shortfall)', [2.4999], false],
    ['a hair below 2.5 from floating-point noise', [2.5 - 1e-12], true],
    ['2.67 ([2, 3, 3])', [2, 3, 3], true],
    ['4', [4], true],
    ['1', [1], false],
  ])('early interventions at %s: met = %s', (_label, ratings, met) => {
    const result = stageOf(stage1Centre, { 'goal-1': ratings });
    expect(criterion(result, 1, 1).met).toBe(met);
    expect(result.stage).toBe(met ? 1 : 0);
  });

  it.each<[string, readonly AnswerValue[], boolean]>([
    ['3 exactly ([2, 4])', [2, 4], true],
    ['3 exactly ([3, 3, 3, 3])', [3, 3, 3, 3], true],
    ['2.99', [2.99], false],
    ['2.75 ([2, 3, 3, 3])', [2, 3, 3, 3], false],
    ['3.25', [3, 3, 3, 4], true],
  ])('cooperation at %s for the established level: met = %s', (_label, ratings, met) => {
    const result = stageOf(centre(ALL, 'near'), { 'goal-1': [3], 'goal-2': ratings });
    expect(criterion(result, 3, 1).met).toBe(met);
    expect(result.stage).toBe(met ? 3 : 2);
  });

  it.each<[string, readonly AnswerValue[], boolean]>([
    ['3 exactly', [3], true],
    ['2.99', [2.99], false],
  ])('co-location at %s: met = %s', (_label, ratings, met) => {
    const result = stageOf(centre(ALL, 'co-located'), { ...allGood, 'goal-3': ratings });
    expect(criterion(result, 4, 2).met).toBe(met);
    expect(result.stage).toBe(met ? 4 : 3);
  });

  it('uses the mean, so "don’t know" answers do not pull it down', () => {
    const result = stageOf(stage1Centre, { 'goal-1': [3, 'dont-know', 'dont-know', 2] });
    expect(criterion(result, 1, 1)).toMatchObject({ score: 2.5, met: true });
  });

  it.each<[StageCentre['coLocation'], boolean, boolean]>([
    ['separate', false, false],
    ['near', true, false],
    ['co-located', true, true],
  ])('co-location %s: stage 3 location met = %s, stage 4 location met = %s', (coLocation, near, co) => {
    const result = stageOf(centre(ALL, coLocation), allGood);
    expect(criterion(result, 3, 0)).toMatchObject({ kind: 'coLocation', actual: coLocation, met: near });
    expect(criterion(result, 4, 0)).toMatchObject({ kind: 'coLocation', actual: coLocation, met: co });
  });
});

describe('deriveStage: goals without a score', () => {
  it('fails the criterion of a goal marked not relevant, however it was rated', () => {
    const result = stageOf(centre(ALL, 'co-located'), { ...allGood, 'goal-1': [4, 4, 4, 4] }, ['goal-1']);
    expect(criterion(result, 1, 1)).toEqual({ kind: 'goalAtLeast', goalId: 'goal-1', level: 2.5, score: null, met: false });
    expect(result.stage).toBe(0);
  });

  it('fails stage 2 and 3 when cooperation is skipped', () => {
    const result = stageOf(centre(ALL, 'co-located'), allGood, ['goal-2']);
    expect(criterion(result, 2, 1)).toMatchObject({ score: null, met: false });
    expect(criterion(result, 3, 1)).toMatchObject({ score: null, met: false });
    expect(result.stage).toBe(1);
  });

  it('fails stage 4 when co-location is skipped', () => {
    const result = stageOf(centre(ALL, 'co-located'), allGood, ['goal-3']);
    expect(criterion(result, 4, 2)).toMatchObject({ score: null, met: false });
    expect(result.stage).toBe(3);
  });

  it('fails the criterion when every item is "don’t know"', () => {
    const result = stageOf(centre(ALL, 'co-located'), { ...allGood, 'goal-1': ['dont-know', 'dont-know'] });
    expect(criterion(result, 1, 1)).toMatchObject({ score: null, met: false });
    expect(result.stage).toBe(0);
  });

  it('fails every goal criterion when the scores lack the stage goals altogether', () => {
    const scores = scoreRound(smallInstrument, answerAll(smallInstrument, 4), reflectionLookup());
    const result = deriveStage(centre(ALL, 'co-located'), scores);
    expect(result.stage).toBe(0);
    const goalCriteria = result.steps.flatMap((s) => s.criteria).filter((c) => c.kind === 'goalAtLeast');
    expect(goalCriteria).toHaveLength(4);
    expect(goalCriteria.every((c) => c.score === null && !c.met)).toBe(true);
  });

  it('fails the service criteria for a centre with no services', () => {
    const result = stageOf(centre([], 'co-located'), allGood);
    expect(result.stage).toBe(0);
    expect(result.steps.flatMap((s) => s.criteria).filter((c) => c.kind === 'services').every((c) => !c.met)).toBe(true);
  });
});
