import type { ProjectPlan } from './projectPlan';
import type { ItemTarget } from './targets';
import type { PlannedAction, YearlyReport } from './yearlyReport';

/**
 * The edits a group makes to its project plan and yearly report, as data: the editor sends one
 * edit per change, the database applies it inside one transaction to what is stored (so two tabs
 * editing different fields never overwrite each other), and a text edit may carry the text it
 * started from so that a write which finds another tab's text asks instead of overwriting it.
 */

export type TargetChanges = Partial<Omit<ItemTarget, 'id' | 'goalId'>>;
export type PlannedActionChanges = Partial<Omit<PlannedAction, 'id'>>;

export type ProjectPlanEdit =
  | { readonly type: 'focus'; readonly goalId: string; readonly on: boolean; readonly goalOrder: readonly string[] }
  | { readonly type: 'goal-note'; readonly goalId: string; readonly text: string }
  | { readonly type: 'summary'; readonly text: string }
  | { readonly type: 'add-target'; readonly target: ItemTarget }
  | { readonly type: 'target'; readonly targetId: string; readonly changes: TargetChanges }
  | { readonly type: 'remove-target'; readonly targetId: string };

export type YearlyReportEdit =
  | { readonly type: 'achieved'; readonly goalId: string; readonly text: string }
  | { readonly type: 'focus'; readonly goalId: string; readonly on: boolean; readonly goalOrder: readonly string[] }
  | { readonly type: 'costs'; readonly text: string }
  /**
   * With `underFirstFocus`, the action goes under the first goal in focus as stored when the edit is
   * written (its own goal only when none is in focus): a goal ticked a moment before is seen even
   * when the page has not yet read it back.
   */
  | { readonly type: 'add-action'; readonly action: PlannedAction; readonly underFirstFocus?: boolean }
  | { readonly type: 'action'; readonly actionId: string; readonly changes: PlannedActionChanges }
  | { readonly type: 'remove-action'; readonly actionId: string };

export function emptyProjectPlan(id: string, centreId: string, year: number, now: string): ProjectPlan {
  return { id, centreId, year, goalsInFocus: [], goalNotes: {}, targets: [], summary: '', createdAt: now, updatedAt: now };
}

export function emptyYearlyReport(id: string, centreId: string, year: number, now: string): YearlyReport {
  return { id, centreId, year, achieved: {}, nextYear: { goalsInFocus: [], actions: [], costs: '' }, createdAt: now, updatedAt: now };
}

/** The goals in focus with one switched on or off, kept in the instrument's order (unknown ids last, as they were). */
export function toggleGoal(inFocus: readonly string[], goalId: string, on: boolean, goalOrder: readonly string[]): string[] {
  const set = new Set(inFocus);
  if (on) set.add(goalId);
  else set.delete(goalId);
  const rank = (id: string) => {
    const index = goalOrder.indexOf(id);
    return index === -1 ? goalOrder.length : index;
  };
  return [...set].sort((a, b) => rank(a) - rank(b));
}

function withoutKey(record: Readonly<Record<string, string>>, key: string): Record<string, string> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

function setText(record: Readonly<Record<string, string>>, key: string, text: string): Record<string, string> {
  // An emptied text is removed, so a cleared note does not linger as an empty entry in the export.
  return text === '' ? withoutKey(record, key) : { ...record, [key]: text };
}

/**
 * Applies an edit. Taking a goal out of focus keeps its note and sub-goals (never lose what was
 * typed by a mis-tap); the document shows only the goals in focus, so they are not printed.
 */
export function applyProjectPlanEdit(plan: ProjectPlan, edit: ProjectPlanEdit, now: string): ProjectPlan {
  const touched = { ...plan, updatedAt: now };
  switch (edit.type) {
    case 'focus':
      return { ...touched, goalsInFocus: toggleGoal(plan.goalsInFocus, edit.goalId, edit.on, edit.goalOrder) };
    case 'goal-note':
      return { ...touched, goalNotes: setText(plan.goalNotes, edit.goalId, edit.text) };
    case 'summary':
      return { ...touched, summary: edit.text };
    case 'add-target':
      if (plan.targets.some((target) => target.id === edit.target.id)) return plan;
      return { ...touched, targets: [...plan.targets, edit.target] };
    case 'target':
      if (!plan.targets.some((target) => target.id === edit.targetId)) return plan;
      return { ...touched, targets: plan.targets.map((target) => (target.id === edit.targetId ? { ...target, ...edit.changes } : target)) };
    case 'remove-target':
      if (!plan.targets.some((target) => target.id === edit.targetId)) return plan;
      return { ...touched, targets: plan.targets.filter((target) => target.id !== edit.targetId) };
  }
}

export function applyYearlyReportEdit(report: YearlyReport, edit: YearlyReportEdit, now: string): YearlyReport {
  const touched = { ...report, updatedAt: now };
  const { nextYear } = report;
  switch (edit.type) {
    case 'achieved':
      return { ...touched, achieved: setText(report.achieved, edit.goalId, edit.text) };
    case 'focus':
      return { ...touched, nextYear: { ...nextYear, goalsInFocus: toggleGoal(nextYear.goalsInFocus, edit.goalId, edit.on, edit.goalOrder) } };
    case 'costs':
      return { ...touched, nextYear: { ...nextYear, costs: edit.text } };
    case 'add-action':
      if (nextYear.actions.some((action) => action.id === edit.action.id)) return report;
      {
        const goalId = (edit.underFirstFocus ? nextYear.goalsInFocus[0] : undefined) ?? edit.action.goalId;
        return { ...touched, nextYear: { ...nextYear, actions: [...nextYear.actions, { ...edit.action, goalId }] } };
      }
    case 'action':
      if (!nextYear.actions.some((action) => action.id === edit.actionId)) return report;
      return { ...touched, nextYear: { ...nextYear, actions: nextYear.actions.map((action) => (action.id === edit.actionId ? { ...action, ...edit.changes } : action)) } };
    case 'remove-action':
      if (!nextYear.actions.some((action) => action.id === edit.actionId)) return report;
      return { ...touched, nextYear: { ...nextYear, actions: nextYear.actions.filter((action) => action.id !== edit.actionId) } };
  }
}

/** The stored text a text edit replaces, to compare with the text the edit started from; undefined for other edits. */
export function projectPlanText(plan: ProjectPlan, edit: ProjectPlanEdit): string | undefined {
  if (edit.type === 'goal-note') return plan.goalNotes[edit.goalId] ?? '';
  if (edit.type === 'summary') return plan.summary;
  return undefined;
}

export function yearlyReportText(report: YearlyReport, edit: YearlyReportEdit): string | undefined {
  if (edit.type === 'achieved') return report.achieved[edit.goalId] ?? '';
  if (edit.type === 'costs') return report.nextYear.costs;
  if (edit.type === 'action') {
    const action = report.nextYear.actions.find((a) => a.id === edit.actionId);
    const field = (['what', 'who', 'when'] as const).find((key) => edit.changes[key] !== undefined);
    return action && field ? action[field] : undefined;
  }
  return undefined;
}

/**
 * A plan or report edited after its newest hand-in: what the group would hand in now is not what
 * it handed in. Read from the time of the last edit, which every edit sets.
 */
export function editedSince(document: { readonly updatedAt: string } | undefined, sealedAt: string | undefined): boolean {
  return document !== undefined && sealedAt !== undefined && document.updatedAt > sealedAt;
}
