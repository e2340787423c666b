import { describe, expect, it } from 'vitest';
import {
  applyProjectPlanEdit,
  applyYearlyReportEdit,
  editedSince,
  emptyProjectPlan,
  emptyYearlyReport,
  projectPlanText,
  toggleGoal,
  yearlyReportText,
} from '@/domain/cycle/editing';
import type { ItemTarget } from '@/domain/cycle/targets';
import { readTemplateFile, withDays } from '@/domain/cycle/templateFile';
import { DEFAULT_CHECK_IN_TEMPLATE } from '@/domain/cycle/template';
import { DEFAULT_DEADLINES } from '@/domain/cycle/deadlines';

const ORDER = ['goal-1', 'goal-2', 'goal-3', 'goal-4', 'goal-5'];
const T0 = '2026-03-01T08:00:00.000Z';
const T1 = '2026-03-02T08:00:00.000Z';
const target: ItemTarget = { id: 't1', goalId: 'goal-2', itemId: 'g2-a', level: 3, startLevel: 2, by: '2026-12-31', services: ['bvc'], actionIds: [] };

describe('the goals in focus', () => {
  it('stay in the instrument’s order whichever is ticked first, and untick', () => {
    expect(toggleGoal([], 'goal-3', true, ORDER)).toEqual(['goal-3']);
    expect(toggleGoal(['goal-3'], 'goal-1', true, ORDER)).toEqual(['goal-1', 'goal-3']);
    expect(toggleGoal(['goal-1', 'goal-3'], 'goal-1', false, ORDER)).toEqual(['goal-3']);
    // Ticking twice does not list a goal twice; an id the instrument no longer has goes last.
    expect(toggleGoal(['goal-3', 'old'], 'goal-3', true, ORDER)).toEqual(['goal-3', 'old']);
  });
});

describe('editing the project plan', () => {
  const empty = emptyProjectPlan('plan-1', 'centre-1', 2026, T0);

  it('puts a goal in focus with a note and a sub-goal, each edit stamping the time', () => {
    let plan = applyProjectPlanEdit(empty, { type: 'focus', goalId: 'goal-2', on: true, goalOrder: ORDER }, T1);
    plan = applyProjectPlanEdit(plan, { type: 'goal-note', goalId: 'goal-2', text: 'Samverkan med BVC' }, T1);
    plan = applyProjectPlanEdit(plan, { type: 'add-target', target }, T1);
    plan = applyProjectPlanEdit(plan, { type: 'target', targetId: 't1', changes: { level: 4, actionIds: ['a1'] } }, T1);
    expect(plan).toMatchObject({ goalsInFocus: ['goal-2'], goalNotes: { 'goal-2': 'Samverkan med BVC' }, updatedAt: T1, createdAt: T0 });
    expect(plan.targets).toEqual([{ ...target, level: 4, actionIds: ['a1'] }]);
    expect(empty.targets).toEqual([]);
  });

  it('keeps a goal’s note and sub-goals when it leaves focus, so a mis-tap loses nothing', () => {
    let plan = applyProjectPlanEdit(empty, { type: 'focus', goalId: 'goal-2', on: true, goalOrder: ORDER }, T1);
    plan = applyProjectPlanEdit(plan, { type: 'add-target', target }, T1);
    plan = applyProjectPlanEdit(plan, { type: 'goal-note', goalId: 'goal-2', text: 'Not' }, T1);
    plan = applyProjectPlanEdit(plan, { type: 'focus', goalId: 'goal-2', on: false, goalOrder: ORDER }, T1);
    expect(plan.goalsInFocus).toEqual([]);
    expect(plan.targets).toHaveLength(1);
    expect(plan.goalNotes['goal-2']).toBe('Not');
  });

  it('removes a cleared note and a removed sub-goal; edits of what is not there change nothing', () => {
    let plan = applyProjectPlanEdit(empty, { type: 'goal-note', goalId: 'goal-1', text: 'x' }, T1);
    plan = applyProjectPlanEdit(plan, { type: 'goal-note', goalId: 'goal-1', text: '' }, T1);
    expect(plan.goalNotes).toEqual({});
    plan = applyProjectPlanEdit(plan, { type: 'add-target', target }, T1);
    expect(applyProjectPlanEdit(plan, { type: 'add-target', target }, T1)).toBe(plan);
    expect(applyProjectPlanEdit(plan, { type: 'target', targetId: 'nope', changes: { level: 1 } }, T1)).toBe(plan);
    expect(applyProjectPlanEdit(plan, { type: 'remove-target', targetId: 't1' }, T1).targets).toEqual([]);
  });

  it('names the stored text a text edit replaces, for the two-tab check', () => {
    const plan = applyProjectPlanEdit(empty, { type: 'summary', text: 'Året' }, T1);
    expect(projectPlanText(plan, { type: 'summary', text: 'x' })).toBe('Året');
    expect(projectPlanText(plan, { type: 'goal-note', goalId: 'goal-4', text: 'x' })).toBe('');
    expect(projectPlanText(plan, { type: 'remove-target', targetId: 't1' })).toBeUndefined();
  });
});

describe('editing the yearly report', () => {
  const empty = emptyYearlyReport('report-1', 'centre-1', 2026, T0);

  it('records what was achieved, next year’s goals, actions and the cost description', () => {
    let report = applyYearlyReportEdit(empty, { type: 'achieved', goalId: 'goal-1', text: 'Föräldragrupper varje vecka' }, T1);
    report = applyYearlyReportEdit(report, { type: 'focus', goalId: 'goal-4', on: true, goalOrder: ORDER }, T1);
    report = applyYearlyReportEdit(report, { type: 'add-action', action: { id: 'p1', goalId: 'goal-4', what: '', who: '', when: '' } }, T1);
    report = applyYearlyReportEdit(report, { type: 'action', actionId: 'p1', changes: { what: 'Föräldraråd', who: 'Öppna förskolan' } }, T1);
    report = applyYearlyReportEdit(report, { type: 'costs', text: 'En halvtidstjänst, 300 000 kr' }, T1);
    expect(report).toMatchObject({
      achieved: { 'goal-1': 'Föräldragrupper varje vecka' },
      nextYear: { goalsInFocus: ['goal-4'], actions: [{ id: 'p1', goalId: 'goal-4', what: 'Föräldraråd', who: 'Öppna förskolan', when: '' }], costs: 'En halvtidstjänst, 300 000 kr' },
      updatedAt: T1,
    });
    expect(yearlyReportText(report, { type: 'action', actionId: 'p1', changes: { who: 'x' } })).toBe('Öppna förskolan');
    expect(yearlyReportText(report, { type: 'costs', text: '' })).toBe('En halvtidstjänst, 300 000 kr');
    expect(applyYearlyReportEdit(report, { type: 'remove-action', actionId: 'p1' }, T1).nextYear.actions).toEqual([]);
    expect(applyYearlyReportEdit(report, { type: 'remove-action', actionId: 'nope' }, T1)).toBe(report);
  });

  it('puts a new action under the first goal in focus as stored, else under the goal it was given', () => {
    const added = (report: typeof empty) =>
      applyYearlyReportEdit(report, { type: 'add-action', action: { id: 'p2', goalId: 'goal-1', what: '', who: '', when: '' }, underFirstFocus: true }, T1).nextYear.actions;
    expect(added(empty)).toMatchObject([{ id: 'p2', goalId: 'goal-1' }]);
    let focused = applyYearlyReportEdit(empty, { type: 'focus', goalId: 'goal-5', on: true, goalOrder: ORDER }, T1);
    focused = applyYearlyReportEdit(focused, { type: 'focus', goalId: 'goal-3', on: true, goalOrder: ORDER }, T1);
    expect(added(focused)).toMatchObject([{ id: 'p2', goalId: 'goal-3' }]);
    // Without the flag the given goal stands, in focus or not.
    expect(applyYearlyReportEdit(focused, { type: 'add-action', action: { id: 'p3', goalId: 'goal-1', what: '', who: '', when: '' } }, T1).nextYear.actions).toMatchObject([{ goalId: 'goal-1' }]);
  });
});

describe('edited after hand-in', () => {
  it('is true only for a draft edited after the newest hand-in was sealed', () => {
    expect(editedSince({ updatedAt: T1 }, T0)).toBe(true);
    expect(editedSince({ updatedAt: T0 }, T0)).toBe(false);
    expect(editedSince({ updatedAt: T0 }, T1)).toBe(false);
    expect(editedSince(undefined, T0)).toBe(false);
    expect(editedSince({ updatedAt: T1 }, undefined)).toBe(false);
  });
});

describe('the network’s template file and dates', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('reads a valid template, names the problems of an invalid one and refuses what is not JSON', () => {
    const own = { ...DEFAULT_CHECK_IN_TEMPLATE, id: 'stockholm', title: { sv: 'Stadens mall', en: 'The city’s template' } };
    expect(readTemplateFile(bytes(JSON.stringify(own)))).toEqual({ ok: true, template: own });
    const broken = readTemplateFile(bytes(JSON.stringify({ ...own, perGoal: [] })));
    expect(broken.ok).toBe(false);
    if (!broken.ok && broken.reason === 'invalid') expect(broken.problems.map((p) => p.path)).toContain('perGoal');
    else throw new Error('expected problems');
    expect(readTemplateFile(bytes('{ nej'))).toEqual({ ok: false, reason: 'not-json' });
    expect(readTemplateFile(new Uint8Array([0xc3, 0x28]))).toEqual({ ok: false, reason: 'not-json' });
  });

  it('keeps only month and day of a date field, and refuses a value that is not a date', () => {
    const moved = withDays(DEFAULT_DEADLINES, { 'check-in-spring': '2031-05-20' });
    expect(moved?.find((d) => d.id === 'check-in-spring')?.monthDay).toBe('05-20');
    expect(moved?.find((d) => d.id === 'project-plan')?.monthDay).toBe('04-01');
    expect(withDays(DEFAULT_DEADLINES, { 'check-in-spring': '' })).toBeUndefined();
  });
});
