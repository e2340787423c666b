import { localItemsForRound, scoreLocalGoal } from '../localItems';
import { answersByItem, reflectionsByGoal } from '../progress';
import { roundPathProfile, type PathProfile, type StepStatus } from '../path';
import type { PathStepNumber } from '../pathRules';
import { scoreRound, type GoalScore, type RoundScores } from '../scoring';
import type { ActionStatus, Answer, AnswerValue, Centre, GoalReflection, Instrument, LocalizedText, LocalItem, Round } from '../types';
import { actionChains, chainOf, changedSince, nextSteps, statusAsOf, type ChangeKind, type TrackedAction } from './actionHistory';
import { DEFAULT_CHECK_IN_TEMPLATE, type CheckInTemplate } from './template';
import { targetState, type ItemTarget, type TargetState } from './targets';
import {
  documentCentre,
  documentInstrument,
  participantRoles,
  statementText,
  type DocumentAction,
  type DocumentCentre,
  type DocumentGoalRef,
  type DocumentInstrument,
  type RoleCount,
} from './document';

/**
 * The written check-in as a document: everything it shows, worked out once from the round, the one
 * before and the centre's actions, and then kept as plain data. Sealing stores exactly this, so a
 * reprint a year later reads the same whatever happened to the round or its actions since.
 *
 * The moment it is written (`asOf`) is an input, not part of the document: the document says what
 * the round contains, so building it again from unchanged data gives the same document and the same
 * hash, which is how "changed after hand-in" is told.
 */

/**
 * 2: the path as seed 002's four steps, each with its status (`path`). Version 1 carried one stage
 * number (`stage`); sealed version-1 documents are never rewritten, so their shape stays readable
 * below (`CheckInDocumentV1`) and every reader handles both.
 */
export const CHECK_IN_DOCUMENT_VERSION = 2;

/** The single stage of a version-1 document: 0 = before step 1, else the last step reached in order. */
export type LegacyStageNumber = 0 | 1 | 2 | 3 | 4;

/** One step of the profile as a document keeps it: its status and the seed's words, no evidence detail. */
export interface DocumentPathStep {
  readonly step: PathStepNumber;
  readonly status: StepStatus;
  readonly seed: LocalizedText;
}

export interface DocumentPathProfile {
  /** The rules the profile was read with (fixed by the round's instrument version). */
  readonly rulesVersion: string;
  readonly steps: readonly DocumentPathStep[];
  /** Goal-3 answers that contradict the profile's placement, with the reason worded. */
  readonly contradictions: readonly { readonly itemId: string; readonly value: number; readonly reason: LocalizedText }[];
}

/** The profile as plain data for a document. */
export function documentPathProfile(profile: PathProfile): DocumentPathProfile {
  return {
    rulesVersion: profile.rulesVersion,
    steps: profile.steps.map((step) => ({ step: step.step, status: step.status, seed: step.seed })),
    contradictions: profile.contradictions.map((c) => ({ itemId: c.itemId, value: c.value, reason: c.reason })),
  };
}

export interface CheckInItem {
  readonly itemId: string;
  readonly statement: LocalizedText;
  readonly answer: AnswerValue | null;
  readonly note: string;
}

export interface CheckInActionChange extends DocumentAction {
  readonly kind: ChangeKind;
  /** Status at the last check-in; null for an action written since. */
  readonly then: ActionStatus | null;
}

export interface CheckInTarget {
  readonly targetId: string;
  readonly itemId: string;
  readonly statement: LocalizedText;
  readonly level: number;
  readonly by: string;
  readonly services: readonly string[];
  readonly actions: readonly DocumentAction[];
  readonly answer: AnswerValue | null;
  readonly state: TargetState;
}

export interface CheckInFigures {
  readonly mean: number | null;
  readonly rated: number;
  readonly applicable: number;
  readonly coverage: number | null;
  readonly dontKnow: number;
  readonly notRelevant: number;
  readonly unanswered: number;
}

export interface CheckInGoal extends DocumentGoalRef {
  /** Marked not relevant this round. */
  readonly skipped: boolean;
  readonly figures: CheckInFigures;
  readonly previousMean: number | null;
  /** Mean now minus the mean at the previous check-in; null when either has none. */
  readonly change: number | null;
  readonly reflection: string;
  readonly items: readonly CheckInItem[];
  readonly sinceLast: readonly CheckInActionChange[];
  readonly nextSteps: readonly DocumentAction[];
  readonly ownStatements: readonly CheckInItem[];
  readonly ownFigures: CheckInFigures | null;
  readonly targets: readonly CheckInTarget[];
}

export interface CheckInRoundRef {
  readonly roundId: string;
  readonly title: string;
  readonly date: string;
  readonly period: string;
}

interface CheckInDocumentBase {
  readonly kind: 'check-in';
  readonly template: CheckInTemplate;
  readonly centre: DocumentCentre;
  readonly round: CheckInRoundRef;
  readonly instrument: DocumentInstrument;
  /** The check-in before, which "since last" and every change count from. */
  readonly previous: (CheckInRoundRef & { readonly since: string }) | null;
  readonly participants: readonly RoleCount[];
  readonly overall: { readonly mean: number | null; readonly previousMean: number | null; readonly rated: number; readonly applicable: number };
  readonly goals: readonly CheckInGoal[];
}

/** A check-in sealed before the profile: one stage number, kept exactly as it was handed in. */
export interface CheckInDocumentV1 extends CheckInDocumentBase {
  readonly documentVersion: 1;
  readonly stage: { readonly now: LegacyStageNumber; readonly previous: LegacyStageNumber | null };
}

export interface CheckInDocumentV2 extends CheckInDocumentBase {
  readonly documentVersion: typeof CHECK_IN_DOCUMENT_VERSION;
  /** The profile now and at the check-in before (null for the first), each read with its round's rules. */
  readonly path: { readonly now: DocumentPathProfile; readonly previous: DocumentPathProfile | null };
}

/** Every check-in document shape there is: what is built now (V2) and what may be stored sealed (V1). */
export type CheckInDocument = CheckInDocumentV1 | CheckInDocumentV2;

/** How one step moved between the check-in before and this one. */
export interface PathStepChange {
  readonly step: PathStepNumber;
  readonly from: StepStatus;
  readonly to: StepStatus;
}

/** The steps whose status differs between two profiles, by step number. */
export function pathStepChanges(from: DocumentPathProfile | null, to: DocumentPathProfile | null): PathStepChange[] {
  if (!from || !to) return [];
  return to.steps.flatMap((step) => {
    const before = from.steps.find((candidate) => candidate.step === step.step);
    return before && before.status !== step.status ? [{ step: step.step, from: before.status, to: step.status }] : [];
  });
}

export interface CheckInRoundData {
  readonly round: Round;
  readonly answers: readonly Answer[];
  readonly reflections: readonly GoalReflection[];
}

export interface CheckInInput extends CheckInRoundData {
  readonly centre: Centre;
  /** The version the round was answered with. */
  readonly instrument: Instrument;
  /** The previous check-in's round, and when it was handed in (or else completed). */
  readonly previous?: (CheckInRoundData & { readonly instrument?: Instrument; readonly since?: string }) | undefined;
  /** Every action of the centre, with their histories. */
  readonly actions: readonly TrackedAction[];
  readonly localItems: readonly LocalItem[];
  readonly targets?: readonly ItemTarget[];
  readonly template?: CheckInTemplate;
  /** The moment the check-in is written: statuses are read as of then. */
  readonly asOf: string;
}

function figures(score: GoalScore): CheckInFigures {
  return {
    mean: score.mean,
    rated: score.rated,
    applicable: score.applicable,
    coverage: score.coverage,
    dontKnow: score.dontKnow,
    notRelevant: score.notRelevant,
    unanswered: score.unanswered,
  };
}

function roundRef(round: Round): CheckInRoundRef {
  return { roundId: round.id, title: round.title, date: round.date, period: round.period };
}

function toAction(action: TrackedAction, status: ActionStatus): DocumentAction {
  return { actionId: action.id, goalId: action.goalId, what: action.what, who: action.who, due: action.due, status };
}

/** When the previous check-in was made: its hand-in, or else when its round was finished. */
function sinceOf(previous: NonNullable<CheckInInput['previous']>): string {
  return previous.since ?? previous.round.completedAt ?? previous.round.updatedAt;
}

function scoresOf(instrument: Instrument, data: CheckInRoundData): RoundScores {
  return scoreRound(instrument, answersByItem(data.answers), reflectionsByGoal(data.reflections));
}

function difference(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  const d = a - b;
  return Math.abs(d) < 1e-9 ? 0 : d;
}

export function buildCheckIn(input: CheckInInput): CheckInDocumentV2 {
  const { centre, round, instrument, asOf } = input;
  const answers = answersByItem(input.answers);
  const reflections = reflectionsByGoal(input.reflections);
  const scores = scoreRound(instrument, answers, reflections);
  const previous = input.previous;
  const previousInstrument = previous ? (previous.instrument ?? instrument) : undefined;
  const previousScores = previous && previousInstrument ? scoresOf(previousInstrument, previous) : undefined;
  const since = previous ? sinceOf(previous) : undefined;

  // Only what existed when the check-in is written: a reprint is not changed by later rounds.
  const known = input.actions.filter((action) => action.centreId === centre.id && action.createdAt <= asOf);
  const chains = actionChains(known);
  const changes = since === undefined ? [] : changedSince(chains, since, asOf);
  const steps = nextSteps(chains, asOf);

  const goals = instrument.goals.map((goal, index): CheckInGoal => {
    const score = scores.goals[index];
    if (!score) throw new Error(`no score for ${goal.id}`);
    const previousMean = previousScores?.goals.find((g) => g.goalId === goal.id)?.mean ?? null;
    const own = localItemsForRound(input.localItems, goal.id, answers, round);
    const ownScore = own.length > 0 ? scoreLocalGoal(goal.id, input.localItems, answers, reflections, round) : undefined;
    const targets = (input.targets ?? [])
      .filter((target) => target.goalId === goal.id)
      .map((target): CheckInTarget => {
        const answer = answers.get(target.itemId)?.value ?? null;
        return {
          targetId: target.id,
          itemId: target.itemId,
          statement: statementText(instrument, input.localItems, target.itemId),
          level: target.level,
          by: target.by,
          services: [...target.services],
          // A linked action as it stood when the check-in was written: its newest copy, its status then.
          actions: target.actionIds.flatMap((id) => {
            const chain = chainOf(chains, id);
            const status = chain ? statusAsOf(chain.history, asOf) : undefined;
            return chain && status ? [toAction(chain.head, status)] : [];
          }),
          answer,
          state: targetState(target, answer),
        };
      });
    return {
      goalId: goal.id,
      number: goal.number,
      title: goal.title,
      skipped: score.skipped,
      figures: figures(score),
      previousMean,
      change: difference(score.mean, previousMean),
      reflection: reflections.get(goal.id)?.note ?? '',
      items: goal.items.map((item) => ({
        itemId: item.id,
        statement: item.statement,
        answer: answers.get(item.id)?.value ?? null,
        note: answers.get(item.id)?.note ?? '',
      })),
      sinceLast: changes
        .filter((change) => change.chain.head.goalId === goal.id)
        .map((change) => ({ ...toAction(change.chain.head, change.now), kind: change.kind, then: change.then })),
      nextSteps: steps.filter((step) => step.action.goalId === goal.id).map((step) => toAction(step.action, step.status)),
      ownStatements: own.map((item) => ({
        itemId: item.id,
        statement: { sv: item.text, en: item.text },
        answer: answers.get(item.id)?.value ?? null,
        note: answers.get(item.id)?.note ?? '',
      })),
      ownFigures: ownScore ? figures(ownScore) : null,
      targets,
    };
  });

  return {
    kind: 'check-in',
    documentVersion: CHECK_IN_DOCUMENT_VERSION,
    template: input.template ?? DEFAULT_CHECK_IN_TEMPLATE,
    centre: documentCentre(centre),
    round: roundRef(round),
    instrument: documentInstrument(instrument, round.instrumentVersion),
    previous: previous && since !== undefined ? { ...roundRef(previous.round), since } : null,
    // Each round read with the rules of its own instrument version, so the profile of the check-in
    // before is the one it had then.
    path: {
      now: documentPathProfile(roundPathProfile(centre, scores, instrument)),
      previous: previousScores && previousInstrument ? documentPathProfile(roundPathProfile(centre, previousScores, previousInstrument)) : null,
    },
    participants: participantRoles(round.participants),
    overall: { mean: scores.overall, previousMean: previousScores?.overall ?? null, rated: scores.rated, applicable: scores.applicable },
    goals,
  };
}

/**
 * Statements left unanswered in a check-in (common and own, goals marked not relevant left out),
 * so completing or handing in can ask first and say how many.
 */
export function unansweredInCheckIn(document: Pick<CheckInDocument, 'goals'>): { common: number; own: number; total: number } {
  let common = 0;
  let own = 0;
  for (const goal of document.goals) {
    if (goal.skipped) continue;
    common += goal.items.filter((item) => item.answer === null).length;
    own += goal.ownStatements.filter((item) => item.answer === null).length;
  }
  return { common, own, total: common + own };
}
