import { DEFAULT_PATH_RULES, type PathEvidenceRule, type PathRules, type PathStepNumber, type PlacementCheck } from './pathRules';
import { mean, type RoundScores } from './scoring';
import type { BaseService, Centre, CoLocation, Instrument, LocalizedText } from './types';

/**
 * Seed 002 draws the path to a family centre as "ett exempel" of "möjliga steg" and leaves "utrymme …
 * att ta lite olika steg och i olika ordning". So there is no single stage: each of the four steps is
 * read on its own evidence, and a step can be taken while an earlier one is not.
 */

export type StepStatus = 'taken' | 'onTheWay' | 'notYet' | 'notAssessed';
export type EvidenceStatus = 'met' | 'partly' | 'notMet' | 'notAssessed';

export type EvidenceResult =
  | { readonly kind: 'services'; readonly services: readonly BaseService[]; readonly missing: readonly BaseService[]; readonly status: EvidenceStatus; readonly reason: LocalizedText }
  | {
      readonly kind: 'placement';
      readonly actual: CoLocation;
      readonly taken: readonly CoLocation[];
      readonly onTheWay: readonly CoLocation[];
      readonly status: EvidenceStatus;
      /** A goal-3 answer says otherwise: the fact is shown with the contradiction, not silently trusted. */
      readonly contradicted: boolean;
      readonly reason: LocalizedText;
    }
  | {
      readonly kind: 'statements';
      readonly goalId: string;
      /** The named statements this instrument has, with the group's rating (null: not rated). */
      readonly items: readonly { readonly itemId: string; readonly value: number | null }[];
      readonly mean: number | null;
      readonly status: EvidenceStatus;
      /** Why there is nothing to read: the goal is marked not relevant, or none of the statements is rated. */
      readonly notAssessedBecause?: 'goalNotRelevant' | 'noneRated';
      readonly reason: LocalizedText;
    };

export interface StepResult {
  readonly step: PathStepNumber;
  readonly status: StepStatus;
  readonly seed: LocalizedText;
  readonly evidence: readonly EvidenceResult[];
}

export interface PlacementContradiction {
  readonly placement: CoLocation;
  readonly itemId: string;
  readonly value: number;
  readonly reason: LocalizedText;
}

export interface PathProfile {
  /** The rules the profile was read with: with the instrument version, it fixes the profile of a round. */
  readonly rulesVersion: string;
  readonly steps: readonly StepResult[];
  readonly contradictions: readonly PlacementContradiction[];
}

/** The rules a round is read with: its instrument's own, or our default. */
export function pathRulesOf(instrument: Pick<Instrument, 'path'>): PathRules {
  return instrument.path ?? DEFAULT_PATH_RULES;
}

function services(centre: Pick<Centre, 'services'>, rule: Extract<PathEvidenceRule, { kind: 'services' }>): EvidenceResult {
  const missing = rule.services.filter((service) => !centre.services.includes(service));
  const status: EvidenceStatus = missing.length === 0 ? 'met' : missing.length < rule.services.length ? 'partly' : 'notMet';
  return { kind: 'services', services: rule.services, missing, status, reason: rule.reason };
}

function placement(centre: Pick<Centre, 'coLocation'>, rule: Extract<PathEvidenceRule, { kind: 'placement' }>, contradicted: boolean): EvidenceResult {
  const actual = centre.coLocation;
  const status: EvidenceStatus = rule.taken.includes(actual) ? 'met' : rule.onTheWay.includes(actual) ? 'partly' : 'notMet';
  return { kind: 'placement', actual, taken: rule.taken, onTheWay: rule.onTheWay, status, contradicted, reason: rule.reason };
}

function statements(scores: RoundScores, rule: Extract<PathEvidenceRule, { kind: 'statements' }>, rules: PathRules): EvidenceResult {
  const items = rule.items.flatMap((itemId) => {
    const score = scores.items.get(itemId);
    return score ? [{ itemId, value: score.value }] : [];
  });
  const base = { kind: 'statements', goalId: rule.goalId, items, reason: rule.reason } as const;
  // A goal marked not relevant is not a low goal: its evidence is "not assessed", never "not yet".
  if (scores.goals.find((goal) => goal.goalId === rule.goalId)?.skipped === true) {
    return { ...base, mean: null, status: 'notAssessed', notAssessedBecause: 'goalNotRelevant' };
  }
  const value = mean(items.flatMap((item) => (item.value === null ? [] : [item.value])));
  if (value === null) return { ...base, mean: null, status: 'notAssessed', notAssessedBecause: 'noneRated' };
  const { taken, onTheWay } = rules.thresholds;
  const status: EvidenceStatus = value >= taken.level - 1e-9 ? 'met' : value >= onTheWay.level - 1e-9 ? 'partly' : 'notMet';
  return { ...base, mean: value, status };
}

/**
 * A step from its evidence: taken when all of it holds; not assessed when what could be read holds
 * but some could not be read; not yet when nothing that was read holds even in part; else on the way.
 */
export function stepStatus(evidence: readonly { readonly status: EvidenceStatus }[]): StepStatus {
  const read = evidence.filter((e) => e.status !== 'notAssessed');
  if (evidence.length > 0 && read.length === evidence.length && read.every((e) => e.status === 'met')) return 'taken';
  if (read.length === 0) return 'notAssessed';
  if (read.every((e) => e.status === 'met')) return 'notAssessed';
  if (read.every((e) => e.status === 'notMet')) return 'notYet';
  return 'onTheWay';
}

function violates(check: PlacementCheck, value: number): boolean {
  return (check.below !== undefined && value < check.below) || (check.atLeast !== undefined && value >= check.atLeast);
}

/** Goal-3 answers that say the profile's placement is wrong. */
export function placementContradictions(centre: Pick<Centre, 'coLocation'>, scores: RoundScores, rules: PathRules): PlacementContradiction[] {
  return rules.placementChecks.flatMap((check) => {
    if (check.placement !== centre.coLocation) return [];
    const value = scores.items.get(check.itemId)?.value ?? null;
    return value !== null && violates(check, value) ? [{ placement: check.placement, itemId: check.itemId, value, reason: check.reason }] : [];
  });
}

export function derivePathProfile(centre: Pick<Centre, 'services' | 'coLocation'>, scores: RoundScores, rules: PathRules = DEFAULT_PATH_RULES): PathProfile {
  const contradictions = placementContradictions(centre, scores, rules);
  const steps = rules.steps.map((step): StepResult => {
    const evidence = step.evidence.map((rule) => {
      switch (rule.kind) {
        case 'services':
          return services(centre, rule);
        case 'placement':
          return placement(centre, rule, contradictions.length > 0);
        case 'statements':
          return statements(scores, rule, rules);
      }
    });
    return { step: step.step, status: stepStatus(evidence), seed: step.seed, evidence };
  });
  return { rulesVersion: rules.rulesVersion, steps, contradictions };
}

/** The profile of a round read with its own instrument's rules. */
export function roundPathProfile(centre: Pick<Centre, 'services' | 'coLocation'>, scores: RoundScores, instrument: Pick<Instrument, 'path'>): PathProfile {
  return derivePathProfile(centre, scores, pathRulesOf(instrument));
}
