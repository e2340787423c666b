import type { ActionStatus, AnswerValue } from '../types';
import type { StepStatus } from '../path';
import type { PathStepNumber } from '../pathRules';
import { pathStepChanges, type CheckInDocument, type CheckInItem } from './checkIn';
import type { DocumentAction } from './document';
import type { HandIn, HandInDocument } from './handIn';
import type { ProjectPlanDocument } from './projectPlan';
import type { YearlyReportDocument } from './yearlyReport';

/**
 * What differs between two versions of a document: two hand-ins, or the last hand-in and the round
 * as it is now. Only what a reader of the document would see counts; the template's wording is not
 * a change of the centre's work.
 */
export type DocumentChange =
  | { readonly kind: 'answer'; readonly goalId: string; readonly itemId: string; readonly own: boolean; readonly from: AnswerValue | null; readonly to: AnswerValue | null }
  | { readonly kind: 'note'; readonly goalId: string; readonly itemId: string; readonly own: boolean; readonly from: string; readonly to: string }
  | { readonly kind: 'reflection'; readonly goalId: string; readonly from: string; readonly to: string }
  | { readonly kind: 'goal-skipped'; readonly goalId: string; readonly from: boolean; readonly to: boolean }
  | { readonly kind: 'action-added' | 'action-removed'; readonly goalId: string; readonly actionId: string; readonly what: string }
  | { readonly kind: 'action-status'; readonly goalId: string; readonly actionId: string; readonly what: string; readonly from: ActionStatus; readonly to: ActionStatus }
  | { readonly kind: 'action-edited'; readonly goalId: string; readonly actionId: string; readonly what: string; readonly fields: readonly ('what' | 'who' | 'due')[] }
  /** Two version-1 check-ins: their single stage number. */
  | { readonly kind: 'stage'; readonly from: number; readonly to: number }
  /** Two version-2 check-ins: one step of the profile changed status. */
  | { readonly kind: 'path-step'; readonly step: PathStepNumber; readonly from: StepStatus; readonly to: StepStatus }
  | { readonly kind: 'participants'; readonly from: string; readonly to: string }
  | { readonly kind: 'round'; readonly field: 'title' | 'date' | 'period'; readonly from: string; readonly to: string }
  | { readonly kind: 'focus-added' | 'focus-removed'; readonly goalId: string }
  | { readonly kind: 'target'; readonly goalId: string; readonly targetId: string; readonly change: 'added' | 'removed' | 'edited' }
  | { readonly kind: 'text'; readonly field: string; readonly goalId?: string; readonly from: string; readonly to: string };

function itemChanges(goalId: string, own: boolean, from: readonly CheckInItem[], to: readonly CheckInItem[]): DocumentChange[] {
  const before = new Map(from.map((item) => [item.itemId, item]));
  const after = new Map(to.map((item) => [item.itemId, item]));
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  return ids.flatMap((itemId): DocumentChange[] => {
    const a = before.get(itemId);
    const b = after.get(itemId);
    const out: DocumentChange[] = [];
    const answerA = a?.answer ?? null;
    const answerB = b?.answer ?? null;
    if (answerA !== answerB) out.push({ kind: 'answer', goalId, itemId, own, from: answerA, to: answerB });
    const noteA = a?.note ?? '';
    const noteB = b?.note ?? '';
    if (noteA !== noteB) out.push({ kind: 'note', goalId, itemId, own, from: noteA, to: noteB });
    return out;
  });
}

/** The actions a check-in shows for a goal, by id: since-last and next steps together. */
function actionsOf(goal: CheckInDocument['goals'][number] | undefined): Map<string, DocumentAction> {
  const actions = new Map<string, DocumentAction>();
  for (const action of [...(goal?.sinceLast ?? []), ...(goal?.nextSteps ?? [])]) actions.set(action.actionId, action);
  return actions;
}

function actionChanges(goalId: string, from: Map<string, DocumentAction>, to: Map<string, DocumentAction>): DocumentChange[] {
  const out: DocumentChange[] = [];
  for (const [actionId, a] of from) {
    const b = to.get(actionId);
    if (!b) {
      out.push({ kind: 'action-removed', goalId, actionId, what: a.what });
      continue;
    }
    if (a.status !== b.status) out.push({ kind: 'action-status', goalId, actionId, what: b.what, from: a.status, to: b.status });
    const fields = (['what', 'who', 'due'] as const).filter((field) => a[field] !== b[field]);
    if (fields.length > 0) out.push({ kind: 'action-edited', goalId, actionId, what: b.what, fields });
  }
  for (const [actionId, b] of to) if (!from.has(actionId)) out.push({ kind: 'action-added', goalId, actionId, what: b.what });
  return out;
}

function rolesText(document: CheckInDocument): string {
  return document.participants.map((p) => `${p.role}×${String(p.count)}`).join(', ');
}

function checkInChanges(a: CheckInDocument, b: CheckInDocument): DocumentChange[] {
  const out: DocumentChange[] = [];
  for (const field of ['title', 'date', 'period'] as const) {
    if (a.round[field] !== b.round[field]) out.push({ kind: 'round', field, from: a.round[field], to: b.round[field] });
  }
  // A version-1 hand-in has a stage number and a version-2 one a profile: different measures, so
  // between the two neither is reported as changed (the answers underneath still are).
  if (a.documentVersion === 1 && b.documentVersion === 1 && a.stage.now !== b.stage.now) out.push({ kind: 'stage', from: a.stage.now, to: b.stage.now });
  if (a.documentVersion === 2 && b.documentVersion === 2) {
    for (const change of pathStepChanges(a.path.now, b.path.now)) out.push({ kind: 'path-step', ...change });
  }
  if (rolesText(a) !== rolesText(b)) out.push({ kind: 'participants', from: rolesText(a), to: rolesText(b) });
  const goalIds = [...new Set([...a.goals.map((g) => g.goalId), ...b.goals.map((g) => g.goalId)])];
  for (const goalId of goalIds) {
    const ga = a.goals.find((g) => g.goalId === goalId);
    const gb = b.goals.find((g) => g.goalId === goalId);
    if ((ga?.skipped ?? false) !== (gb?.skipped ?? false)) out.push({ kind: 'goal-skipped', goalId, from: ga?.skipped ?? false, to: gb?.skipped ?? false });
    out.push(...itemChanges(goalId, false, ga?.items ?? [], gb?.items ?? []));
    out.push(...itemChanges(goalId, true, ga?.ownStatements ?? [], gb?.ownStatements ?? []));
    if ((ga?.reflection ?? '') !== (gb?.reflection ?? '')) out.push({ kind: 'reflection', goalId, from: ga?.reflection ?? '', to: gb?.reflection ?? '' });
    out.push(...actionChanges(goalId, actionsOf(ga), actionsOf(gb)));
  }
  return out;
}

function focusChanges(from: readonly string[], to: readonly string[]): DocumentChange[] {
  return [
    ...to.filter((id) => !from.includes(id)).map((goalId): DocumentChange => ({ kind: 'focus-added', goalId })),
    ...from.filter((id) => !to.includes(id)).map((goalId): DocumentChange => ({ kind: 'focus-removed', goalId })),
  ];
}

function text(field: string, from: string, to: string, goalId?: string): DocumentChange[] {
  if (from === to) return [];
  return [goalId === undefined ? { kind: 'text', field, from, to } : { kind: 'text', field, goalId, from, to }];
}

function planChanges(a: ProjectPlanDocument, b: ProjectPlanDocument): DocumentChange[] {
  const out: DocumentChange[] = [...focusChanges(a.goals.map((g) => g.goalId), b.goals.map((g) => g.goalId)), ...text('summary', a.summary, b.summary)];
  for (const gb of b.goals) {
    const ga = a.goals.find((g) => g.goalId === gb.goalId);
    if (!ga) continue;
    out.push(...text('goalNote', ga.note, gb.note, gb.goalId));
    const before = new Map(ga.targets.map((t) => [t.targetId, t]));
    for (const target of gb.targets) {
      const old = before.get(target.targetId);
      if (!old) out.push({ kind: 'target', goalId: gb.goalId, targetId: target.targetId, change: 'added' });
      else if (JSON.stringify([old.level, old.by, old.services, old.actions.map((x) => x.actionId)]) !== JSON.stringify([target.level, target.by, target.services, target.actions.map((x) => x.actionId)])) {
        out.push({ kind: 'target', goalId: gb.goalId, targetId: target.targetId, change: 'edited' });
      }
      before.delete(target.targetId);
    }
    for (const targetId of before.keys()) out.push({ kind: 'target', goalId: gb.goalId, targetId, change: 'removed' });
  }
  return out;
}

function reportChanges(a: YearlyReportDocument, b: YearlyReportDocument): DocumentChange[] {
  const out: DocumentChange[] = [
    ...focusChanges(a.nextYear.goalsInFocus.map((g) => g.goalId), b.nextYear.goalsInFocus.map((g) => g.goalId)),
    ...text('costs', a.nextYear.costs, b.nextYear.costs),
  ];
  for (const gb of b.goals) out.push(...text('achieved', a.goals.find((g) => g.goalId === gb.goalId)?.achieved ?? '', gb.achieved, gb.goalId));
  const actionsA = JSON.stringify(a.nextYear.actions);
  const actionsB = JSON.stringify(b.nextYear.actions);
  if (actionsA !== actionsB) out.push({ kind: 'text', field: 'plannedActions', from: String(a.nextYear.actions.length), to: String(b.nextYear.actions.length) });
  return out;
}

/** What changed from `a` to `b`; documents of different kinds cannot be compared and throw. */
export function documentChanges(a: HandInDocument, b: HandInDocument): DocumentChange[] {
  if (a.kind === 'check-in' && b.kind === 'check-in') return checkInChanges(a, b);
  if (a.kind === 'project-plan' && b.kind === 'project-plan') return planChanges(a, b);
  if (a.kind === 'yearly-report' && b.kind === 'yearly-report') return reportChanges(a, b);
  throw new TypeError(`documentChanges: a ${a.kind} and a ${b.kind} cannot be compared`);
}

export interface AfterHandIn {
  readonly changed: boolean;
  readonly changes: readonly DocumentChange[];
}

/**
 * Whether the round, as its check-in reads now, differs from what was handed in ("ändrad efter
 * inlämning"), and how. Compared by content, not by hash, so a network changing its template's
 * wording does not mark every round as changed.
 */
export function changedAfterHandIn(current: HandInDocument, last: Pick<HandIn, 'document'>): AfterHandIn {
  const changes = documentChanges(last.document, current);
  return { changed: changes.length > 0, changes };
}
