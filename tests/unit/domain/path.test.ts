import { describe, expect, it } from 'vitest';
import { derivePathProfile, pathRulesOf, roundPathProfile, stepStatus, type EvidenceResult, type PathProfile, type StepStatus } from '@/domain/path';
import { DEFAULT_PATH_RULES, type PathRules } from '@/domain/pathRules';
import { parseInstrument } from '@/domain/instrument';
import { BASE_SERVICES, type AnswerValue, type BaseService, type Centre } from '@/domain/types';
import { rawDefaultInstrument } from '../../fixtures/instruments';
import { scoresFor } from '../../fixtures/scores';
import { loadBuiltInInstrument } from '@/instrument';
import { canonicalJson } from '@/domain/canonical';
import type { Instrument } from '@/domain/types';

const instrument = parseInstrument(rawDefaultInstrument());
const ALL: BaseService[] = [...BASE_SERVICES];
type ProfileCentre = Pick<Centre, 'services' | 'coLocation'>;
const centre = (services: readonly BaseService[], coLocation: Centre['coLocation']): ProfileCentre => ({ services: [...services], coLocation });

/** Every statement of a goal rated the same. */
function goalAt(goalId: string, value: AnswerValue): Record<string, AnswerValue> {
  const goal = instrument.goals.find((g) => g.id === goalId);
  if (!goal) throw new Error(goalId);
  return Object.fromEntries(goal.items.map((item) => [item.id, value]));
}

function profile(c: ProfileCentre, values: Record<string, AnswerValue>, skipped: readonly string[] = []): PathProfile {
  return roundPathProfile(c, scoresFor(instrument, { values, skipped }), instrument);
}

const statuses = (p: PathProfile): StepStatus[] => p.steps.map((s) => s.status);

function evidence(p: PathProfile, step: number, index: number): EvidenceResult {
  const found = p.steps.find((s) => s.step === step)?.evidence[index];
  if (!found) throw new Error(`no evidence ${String(index)} for step ${String(step)}`);
  return found;
}

const everything = (value: AnswerValue): Record<string, AnswerValue> => ({
  ...goalAt('goal-1', value),
  ...goalAt('goal-2', value),
  ...goalAt('goal-3', value),
  ...goalAt('goal-4', value),
  ...goalAt('goal-5', value),
});

describe('the path profile, scenarios from seed 002', () => {
  it('1. a full family centre working well has taken every step', () => {
    const p = profile(centre(ALL, 'co-located'), everything(4));
    expect(statuses(p)).toEqual(['taken', 'taken', 'taken', 'taken']);
    expect(p.contradictions).toEqual([]);
  });

  it('2. all services near each other with a low goal 1: step 1 not yet, but step 3 is read on its own evidence', () => {
    const p = profile(centre(ALL, 'near'), { ...everything(3), ...goalAt('goal-1', 1), 'g3-shared-premises': 2 });
    expect(statuses(p)).toEqual(['onTheWay', 'taken', 'taken', 'onTheWay']);
    expect(evidence(p, 1, 1)).toMatchObject({ kind: 'statements', goalId: 'goal-1', mean: 1, status: 'notMet' });
    expect(evidence(p, 1, 0)).toMatchObject({ kind: 'services', status: 'met', missing: [] });
    expect(evidence(p, 3, 0)).toMatchObject({ kind: 'placement', actual: 'near', status: 'met', contradicted: false });
  });

  it('3. goal 1 marked not relevant: step 1 is not assessed, never "not yet", and step 2 stays taken', () => {
    const p = profile(centre(ALL, 'separate'), { ...everything(3), ...goalAt('goal-3', 1) }, ['goal-1']);
    expect(p.steps[0]?.status).toBe('notAssessed');
    expect(evidence(p, 1, 1)).toMatchObject({ status: 'notAssessed', notAssessedBecause: 'goalNotRelevant', mean: null });
    expect(p.steps[1]?.status).toBe('taken');
  });

  it('4. co-located with low participation: step 4 is on the way, not taken', () => {
    const p = profile(centre(ALL, 'co-located'), { ...everything(4), ...goalAt('goal-4', 1) });
    expect(p.steps[3]?.status).toBe('onTheWay');
    expect(evidence(p, 4, 3)).toMatchObject({ kind: 'statements', goalId: 'goal-4', mean: 1, status: 'notMet' });
    expect(evidence(p, 4, 0)).toMatchObject({ kind: 'placement', status: 'met' });
  });

  it('5. steps out of order: step 2 taken with BVC and BMM while open preschool is not part of it', () => {
    const p = profile(centre(['bvc', 'bmm', 'socialServices'], 'separate'), { ...goalAt('goal-1', 1), ...goalAt('goal-2', 4), ...goalAt('goal-3', 1) });
    // Three of the four base services is part of the way to step 4, though the services are apart.
    expect(statuses(p)).toEqual(['onTheWay', 'taken', 'onTheWay', 'onTheWay']);
    expect(evidence(p, 1, 0)).toMatchObject({ kind: 'services', missing: ['openPreschool'], status: 'partly' });
  });

  it('6. a placement contradicting goal 3: co-located in the profile, shared premises not started', () => {
    const p = profile(centre(ALL, 'co-located'), { ...everything(3), 'g3-shared-premises': 1 });
    expect(p.contradictions).toEqual([expect.objectContaining({ placement: 'co-located', itemId: 'g3-shared-premises', value: 1 })]);
    expect(evidence(p, 4, 0)).toMatchObject({ kind: 'placement', contradicted: true });
  });

  it('7. a placement contradicting goal 3: apart in the profile, but the group says it shares premises and is near', () => {
    const p = profile(centre(ALL, 'separate'), { 'g3-shared-premises': 4, 'g3-near-each-other': 3 });
    expect(p.contradictions.map((c) => c.itemId)).toEqual(['g3-shared-premises', 'g3-near-each-other']);
  });

  it('8. a co-located centre with goal 2 at its best has taken step 3 and step 4 alike, without gates between', () => {
    const p = profile(centre(ALL, 'co-located'), { ...everything(3), ...goalAt('goal-2', 4) });
    expect(statuses(p)).toEqual(['taken', 'taken', 'taken', 'taken']);
  });

  it('9. a district at the start: only social services and open preschool, apart, goal 1 started', () => {
    const p = profile(centre(['socialServices', 'openPreschool'], 'separate'), { ...goalAt('goal-1', 2), ...goalAt('goal-2', 1), ...goalAt('goal-3', 1), ...goalAt('goal-4', 1) });
    expect(statuses(p)).toEqual(['onTheWay', 'notYet', 'notYet', 'onTheWay']);
    expect(evidence(p, 1, 1)).toMatchObject({ mean: 2, status: 'partly' });
    expect(evidence(p, 1, 2)).toMatchObject({ goalId: 'goal-2', status: 'notMet' });
  });

  it('10. nothing answered yet: the statements are not assessed, the profile facts still count', () => {
    const p = profile(centre(ALL, 'near'), {});
    expect(statuses(p)).toEqual(['notAssessed', 'notAssessed', 'notAssessed', 'onTheWay']);
    expect(evidence(p, 2, 1)).toMatchObject({ status: 'notAssessed', notAssessedBecause: 'noneRated' });
  });

  it('11. "vet inte" on every named statement is not assessed, not a low rating', () => {
    const p = profile(centre(ALL, 'co-located'), everything('dont-know'));
    expect(p.steps.every((s) => s.status === 'notAssessed')).toBe(true);
  });

  it('12. goal 3 not relevant in this phase: its evidence is not assessed, the placement fact still read', () => {
    const p = profile(centre(ALL, 'near'), everything(3), ['goal-3']);
    expect(evidence(p, 3, 1)).toMatchObject({ goalId: 'goal-3', status: 'notAssessed', notAssessedBecause: 'goalNotRelevant' });
    expect(p.steps[2]?.status).toBe('notAssessed');
    expect(p.contradictions).toEqual([]);
  });

  it('13. between thresholds: a mean of 2,5 on step 2 is on the way', () => {
    const p = profile(centre(ALL, 'separate'), { 'g2-working-group': 2, 'g2-know-missions': 3, 'g2-support-missions': 2, 'g2-case-cooperation': 3 });
    expect(evidence(p, 2, 1)).toMatchObject({ mean: 2.5, status: 'partly' });
    expect(p.steps[1]?.status).toBe('onTheWay');
  });

  it('14. a step with no base service of its own and no ratings is not yet, on the facts', () => {
    const p = profile(centre(['bvc'], 'separate'), { ...goalAt('goal-1', 1), ...goalAt('goal-2', 1) });
    expect(p.steps[0]?.status).toBe('notYet');
  });
});

describe('the rules are data', () => {
  it('an instrument without a path block is read with our default rules, version default-1', () => {
    expect(pathRulesOf({})).toBe(DEFAULT_PATH_RULES);
    expect(profile(centre(ALL, 'near'), {}).rulesVersion).toBe('default-1');
  });

  it('every rule and threshold carries its reason and every step the seed’s words', () => {
    const rules = DEFAULT_PATH_RULES;
    expect(rules.steps.map((s) => s.seed.sv)).toEqual([
      '”Starkt förebyggande socialtjänst och ökad samverkan med öppna förskolan.”',
      '”Utökad samverkan med BVC och BMM.”',
      '”Lokalisering nära varandra och tätt samarbete.”',
      '”Samlokalisering = Familjecentral!”',
    ]);
    for (const rule of [...rules.steps.flatMap((s) => s.evidence), ...rules.placementChecks, rules.thresholds.taken, rules.thresholds.onTheWay]) {
      expect(rule.reason.sv.length).toBeGreaterThan(10);
      expect(rule.reason.en.length).toBeGreaterThan(10);
    }
  });

  it('a network’s own rules replace ours: a lower threshold takes a step ours leaves on the way', () => {
    const own: PathRules = { ...DEFAULT_PATH_RULES, rulesVersion: 'network-1', thresholds: { ...DEFAULT_PATH_RULES.thresholds, taken: { ...DEFAULT_PATH_RULES.thresholds.taken, level: 2.5 } } };
    const values = { 'g2-working-group': 2, 'g2-know-missions': 3, 'g2-support-missions': 2, 'g2-case-cooperation': 3 };
    const scores = scoresFor(instrument, { values });
    expect(derivePathProfile(centre(ALL, 'separate'), scores, own).steps[1]?.status).toBe('taken');
    expect(derivePathProfile(centre(ALL, 'separate'), scores).steps[1]?.status).toBe('onTheWay');
  });

  it('the instrument file accepts a path block and refuses a broken one', () => {
    const withPath = { ...rawDefaultInstrument(), path: JSON.parse(JSON.stringify(DEFAULT_PATH_RULES)) as never };
    expect(parseInstrument(withPath).path?.rulesVersion).toBe('default-1');
    const broken = { ...rawDefaultInstrument(), path: { ...JSON.parse(JSON.stringify(DEFAULT_PATH_RULES)), steps: [{ step: 5, seed: { sv: 'x', en: 'x' }, evidence: [] }] } as never };
    expect(() => parseInstrument(broken)).toThrow(/path\.steps/);
  });

  it('stepStatus: the order of its rules', () => {
    expect(stepStatus([{ status: 'met' }, { status: 'met' }])).toBe('taken');
    expect(stepStatus([{ status: 'met' }, { status: 'notAssessed' }])).toBe('notAssessed');
    expect(stepStatus([{ status: 'notMet' }, { status: 'notAssessed' }])).toBe('notYet');
    expect(stepStatus([{ status: 'met' }, { status: 'notMet' }])).toBe('onTheWay');
    expect(stepStatus([{ status: 'partly' }])).toBe('onTheWay');
    expect(stepStatus([])).toBe('notAssessed');
  });
});

describe('a round keeps the profile it was computed with: the rules are versioned with the instrument', () => {
  async function shipped(version: string): Promise<Instrument> {
    const found = await loadBuiltInInstrument(version);
    if (!found) throw new Error(version);
    return found;
  }

  it('reads a 1.0.0 round with default-1 and a 2.0.0 round with default-2, whatever the newest version says', async () => {
    const [v1, v2] = await Promise.all([shipped('1.0.0'), shipped('2.0.0')]);
    // The same answers: participation at 3, and in 2.0.0 opening hours and physical access at 1.
    const values = { ...everything(3), 'g4-opening-hours': 1 as const, 'g4-physical-access': 1 as const };
    const co = centre(ALL, 'co-located');
    const old = roundPathProfile(co, scoresFor(v1, { values }), v1);
    const now = roundPathProfile(co, scoresFor(v2, { values }), v2);
    expect(old.rulesVersion).toBe('default-1');
    expect(statuses(old)).toEqual(['taken', 'taken', 'taken', 'taken']);
    // 2.0.0 counts opening hours and physical access in step 4: (3 + 3 + 3 + 1 + 1) / 5 = 2,2.
    expect(now.rulesVersion).toBe('default-2');
    expect(statuses(now)).toEqual(['taken', 'taken', 'taken', 'onTheWay']);
    // Read again later, the old round's profile is the same: its version fixes its rules.
    expect(roundPathProfile(co, scoresFor(v1, { values }), v1)).toEqual(old);
  });

  it('default-1 is frozen: its thresholds and named statements are the ones 1.0.0 rounds were read with', () => {
    const shape = {
      thresholds: [DEFAULT_PATH_RULES.thresholds.taken.level, DEFAULT_PATH_RULES.thresholds.onTheWay.level],
      steps: DEFAULT_PATH_RULES.steps.map((step) => step.evidence.map((rule) => (rule.kind === 'statements' ? rule.items : rule.kind === 'services' ? rule.services : [...rule.taken, '/', ...rule.onTheWay]))),
      checks: DEFAULT_PATH_RULES.placementChecks.map((check) => [check.placement, check.itemId, check.below ?? null, check.atLeast ?? null]),
    };
    expect(canonicalJson(shape)).toBe(
      canonicalJson({
        thresholds: [3, 2],
        steps: [
          [['socialServices', 'openPreschool'], ['g1-open-to-all', 'g1-advice-talks', 'g1-parenting-groups'], ['g2-joint-activities']],
          [['bvc', 'bmm'], ['g2-working-group', 'g2-know-missions', 'g2-support-missions', 'g2-case-cooperation', 'g2-written-agreement']],
          [['near', 'co-located', '/'], ['g3-near-each-other', 'g3-fixed-hours', 'g3-meeting-place'], ['g2-joint-activities', 'g2-case-cooperation', 'g2-joint-training']],
          [['co-located', '/', 'near'], ['bmm', 'bvc', 'openPreschool', 'socialServices'], ['g3-shared-premises', 'g3-meeting-place', 'g3-private-rooms'], ['g4-parent-views', 'g4-parents-plan', 'g4-child-perspective']],
        ],
        checks: [
          ['co-located', 'g3-shared-premises', 2, null],
          ['near', 'g3-shared-premises', null, 3],
          ['separate', 'g3-shared-premises', null, 3],
          ['separate', 'g3-near-each-other', null, 3],
          ['co-located', 'g3-near-each-other', 2, null],
        ],
      }),
    );
  });
});

