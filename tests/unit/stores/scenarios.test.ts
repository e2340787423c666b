import { afterEach, describe, expect, it } from 'vitest';
import { endScenarios, givenCentre } from '../../fixtures/scenario';

// The whole path, store → db → domain: given a round with these answers, the results say …

afterEach(() => {
  endScenarios();
});

describe('given a round with these answers, the results say', () => {
  it('a goal’s mean over its rated statements, "don’t know" counted apart and "not relevant" out of coverage', async () => {
    const centre = await givenCentre();
    await centre.round('VT 2026', {
      answers: { 'g1-open-to-all': 3, 'g1-described-offer': 4, 'g1-information': 'dont-know', 'g1-parenting-groups': 'not-relevant' },
    });
    const results = await centre.results();
    expect(results.goal('goal-1')).toMatchObject({ mean: 3.5, rated: 2, dontKnow: 1, notRelevant: 1, unanswered: 3, applicable: 6 });
    expect(results.goal('goal-1').coverage).toBeCloseTo(2 / 6);
    expect(results.goal('goal-2').mean).toBeNull();
    // Each goal weighs the same: the overall mean is the mean of the goal means that exist.
    expect(results.overall).toBe(3.5);
  });

  it('a goal marked not relevant this round has no mean and stays out of the overall one', async () => {
    const centre = await givenCentre();
    await centre.round('VT 2026', { answers: { 'g1-open-to-all': 2, 'g3-fixed-hours': 4 }, notRelevant: ['goal-3'] });
    const results = await centre.results();
    expect(results.goal('goal-3')).toMatchObject({ skipped: true, mean: null });
    expect(results.overall).toBe(2);
  });

  it('the change since the round before, goal by goal and statement by statement', async () => {
    const centre = await givenCentre();
    await centre.round('HT 2025', { answers: { 'g2-working-group': 2, 'g2-joint-activities': 2 } });
    await centre.round('VT 2026', { answers: { 'g2-working-group': 4, 'g2-joint-activities': 1 }, reflections: { 'goal-2': 'Vi träffas varje vecka' } });
    const results = await centre.results();
    expect(results.rounds.map((entry) => entry.round.period)).toEqual(['HT 2025', 'VT 2026']);
    const goal2 = results.change?.goals.find((goal) => goal.goalId === 'goal-2');
    expect(goal2?.values).toEqual([2, 2.5]);
    expect(goal2?.change).toBe(0.5);
    expect(results.change?.rose.map((item) => item.itemId)).toEqual(['g2-working-group']);
    expect(results.change?.fell.map((item) => item.itemId)).toEqual(['g2-joint-activities']);
    expect(results.goal('goal-2').note).toBe('Vi träffas varje vecka');
  });

  it('each round on its own answers, two rounds in one term too', async () => {
    const centre = await givenCentre();
    const round = await centre.round('VT 2026', { answers: { 'g5-regular-rounds': 1 } });
    await centre.round('VT 2026', { answers: { 'g5-regular-rounds': 4 } });
    const results = await centre.results();
    expect(results.goal('goal-5', round)).toMatchObject({ mean: 1, rated: 1 });
    expect(results.goal('goal-5')).toMatchObject({ mean: 4, rated: 1 });
  });

  it('the path profile of the newest round, step by step', async () => {
    const centre = await givenCentre();
    await centre.round('VT 2026', { answers: Object.fromEntries(centre.instrument.goals.flatMap((goal) => goal.items.map((item) => [item.id, 4]))) });
    const results = await centre.results();
    expect(results.overall).toBe(4);
    expect(results.profile?.steps.map((step) => step.step)).toEqual([1, 2, 3, 4]);
    // Read from the answers and the centre's profile (centreInput: BMM and BVC, co-located), not from the scores alone.
    expect(results.profile?.steps.map((step) => step.status)).toEqual(['onTheWay', 'taken', 'taken', 'onTheWay']);
  });
});
