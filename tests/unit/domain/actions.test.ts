import { describe, expect, it } from 'vitest';
import {
  actionsByGoal,
  carryForward,
  countOpen,
  createAction,
  emptyActionInput,
  isActionStatus,
  isOpen,
  MAX_ACTION_WHAT,
  MAX_ACTION_WHO,
  normalizeAction,
  openActionsToReview,
  roundBefore,
  updateAction,
  validateAction,
  withStatus,
  type ActionInput,
} from '@/domain/actions';
import { statusAsOf } from '@/domain/cycle/actionHistory';
import { UUID_PATTERN } from '@/domain/ids';
import { MAX_NAME, MAX_TEXT } from '@/domain/records';
import type { ActionItem, ActionStatus } from '@/domain/types';
import { makeRound } from '../../fixtures/records';

const NOW = '2026-05-01T10:00:00.000Z';
const LATER = '2026-10-01T10:00:00.000Z';

function input(overrides: Partial<ActionInput> = {}): ActionInput {
  return { what: 'Gemensam föräldragrupp', who: 'BVC', due: '2026-06-30', status: 'planned', ...overrides };
}

let counter = 0;
function action(roundId: string, overrides: Partial<ActionItem> = {}): ActionItem {
  counter += 1;
  return {
    id: `action-${String(counter).padStart(3, '0')}`,
    centreId: 'centre-1',
    roundId,
    goalId: 'goal-1',
    what: `Åtgärd ${String(counter)}`,
    who: 'BVC',
    due: '',
    status: 'planned',
    createdAt: `2026-03-10T08:00:${String(counter % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2026-03-10T08:00:00.000Z',
    statusHistory: [],
    ...overrides,
  };
}

const spring = makeRound('centre-1', { id: 'spring', date: '2026-03-10', createdAt: '2026-03-10T08:00:00.000Z' });
const autumn = makeRound('centre-1', { id: 'autumn', date: '2026-10-10', createdAt: '2026-10-10T08:00:00.000Z' });
const nextSpring = makeRound('centre-1', { id: 'next-spring', date: '2027-03-10', createdAt: '2027-03-10T08:00:00.000Z' });

describe('validateAction', () => {
  it('accepts a complete action', () => {
    expect(validateAction(input())).toEqual({});
  });

  it('requires what, also when only spaces are given', () => {
    expect(validateAction(input({ what: '' }))).toEqual({ what: 'required' });
    expect(validateAction(input({ what: '  \n ' }))).toEqual({ what: 'required' });
  });

  it('limits what to MAX_TEXT and who to MAX_NAME', () => {
    expect(MAX_ACTION_WHAT).toBe(MAX_TEXT);
    expect(MAX_ACTION_WHO).toBe(MAX_NAME);
    expect(validateAction(input({ what: 'x'.repeat(MAX_TEXT) }))).toEqual({});
    expect(validateAction(input({ what: 'x'.repeat(MAX_TEXT + 1) }))).toEqual({ what: 'tooLong' });
    expect(validateAction(input({ who: 'x'.repeat(MAX_NAME) }))).toEqual({});
    expect(validateAction(input({ who: 'x'.repeat(MAX_NAME + 1) }))).toEqual({ who: 'tooLong' });
  });

  it('measures length after trimming', () => {
    expect(validateAction(input({ who: ` ${'x'.repeat(MAX_NAME)} ` }))).toEqual({});
  });

  it('allows who and due to be empty', () => {
    expect(validateAction(input({ who: '', due: '' }))).toEqual({});
  });

  it.each(['2026-02-30', '30/06/2026', '2026-6-1', 'imorgon', ' 2026-06-30'])('refuses the due date %j', (due) => {
    expect(validateAction(input({ due }))).toEqual({ due: 'invalidDate' });
  });

  it('refuses an unknown status', () => {
    expect(validateAction({ ...input(), status: 'finished' as ActionStatus })).toEqual({ status: 'required' });
  });

  it('reports every problem at once', () => {
    expect(validateAction(input({ what: '', who: 'x'.repeat(MAX_NAME + 1), due: 'x' }))).toEqual({
      what: 'required',
      who: 'tooLong',
      due: 'invalidDate',
    });
  });
});

describe('statuses', () => {
  it('knows the four statuses', () => {
    expect(['planned', 'ongoing', 'done', 'dropped'].every(isActionStatus)).toBe(true);
    expect(isActionStatus('open')).toBe(false);
    expect(isActionStatus(3)).toBe(false);
  });

  it('treats planned and ongoing as open, done and dropped as closed', () => {
    expect(isOpen('planned')).toBe(true);
    expect(isOpen('ongoing')).toBe(true);
    expect(isOpen('done')).toBe(false);
    expect(isOpen('dropped')).toBe(false);
  });

  it('counts the open actions', () => {
    const list = [action('r', { status: 'planned' }), action('r', { status: 'done' }), action('r', { status: 'ongoing' })];
    expect(countOpen(list)).toBe(2);
    expect(countOpen([])).toBe(0);
  });
});

describe('createAction and updateAction', () => {
  it('starts planned with no date', () => {
    expect(emptyActionInput()).toEqual({ what: '', who: '', due: '', status: 'planned' });
  });

  it('creates a trimmed action with a UUID and the given round and goal', () => {
    const created = createAction(input({ what: '  Träff ', who: ' BMM ' }), 'centre-1', 'spring', 'goal-2', NOW);
    expect(created.id).toMatch(UUID_PATTERN);
    expect(created).toMatchObject({
      centreId: 'centre-1',
      roundId: 'spring',
      goalId: 'goal-2',
      what: 'Träff',
      who: 'BMM',
      due: '2026-06-30',
      status: 'planned',
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(created.carriedFromId).toBeUndefined();
  });

  it('gives every action its own id', () => {
    const a = createAction(input(), 'c', 'r', 'g', NOW);
    const b = createAction(input(), 'c', 'r', 'g', NOW);
    expect(a.id).not.toBe(b.id);
  });

  it('normalizes without changing the status', () => {
    expect(normalizeAction(input({ what: ' a ', status: 'ongoing' }))).toEqual(input({ what: 'a', status: 'ongoing' }));
  });

  it('updates the fields and the time but keeps identity, round, goal, origin and creation time', () => {
    const original = action('autumn', { carriedFromId: 'action-000' });
    const updated = updateAction(original, input({ what: 'Ny text', status: 'done' }), LATER);
    expect(updated).toEqual({
      ...original,
      what: 'Ny text',
      who: 'BVC',
      due: '2026-06-30',
      status: 'done',
      updatedAt: LATER,
      statusHistory: [
        { status: 'planned', at: original.createdAt, roundId: 'autumn' },
        { status: 'done', at: LATER, roundId: 'autumn' },
      ],
    });
  });

  it('records a status in the history only when it changes, with the round it was set in', () => {
    const created = createAction(input({ status: 'planned' }), 'centre-1', 'may', 'goal-1', '2026-05-01T08:00:00.000Z');
    expect(created.statusHistory).toEqual([{ status: 'planned', at: '2026-05-01T08:00:00.000Z', roundId: 'may' }]);
    const edited = updateAction(created, input({ what: 'Ny text', status: 'planned' }), '2026-05-02T08:00:00.000Z');
    expect(edited.statusHistory).toBe(created.statusHistory);
    const reviewed = withStatus(edited, 'done', '2026-10-08T08:00:00.000Z', 'october');
    expect(reviewed.statusHistory).toEqual([
      { status: 'planned', at: '2026-05-01T08:00:00.000Z', roundId: 'may' },
      { status: 'done', at: '2026-10-08T08:00:00.000Z', roundId: 'october' },
    ]);
    // The May status is still what it was on the day of the May hand-in.
    expect(statusAsOf(reviewed.statusHistory, '2026-05-15T12:00:00.000Z')).toBe('planned');
    expect(created.statusHistory).toHaveLength(1);
  });

  it('changes only the status with withStatus', () => {
    const original = action('spring');
    expect(withStatus(original, 'done', LATER)).toEqual({
      ...original,
      status: 'done',
      updatedAt: LATER,
      statusHistory: [
        { status: 'planned', at: original.createdAt, roundId: 'spring' },
        { status: 'done', at: LATER, roundId: 'spring' },
      ],
    });
    expect(original.status).toBe('planned');
  });
});

describe('roundBefore', () => {
  it('is the round with the next earlier date, whatever the order given', () => {
    expect(roundBefore([spring, nextSpring, autumn], 'next-spring')?.id).toBe('autumn');
    expect(roundBefore([autumn, spring], 'autumn')?.id).toBe('spring');
  });

  it('is undefined for the first round and for an unknown round', () => {
    expect(roundBefore([spring, autumn], 'spring')).toBeUndefined();
    expect(roundBefore([spring, autumn], 'missing')).toBeUndefined();
  });

  it('orders rounds on the same day by creation time', () => {
    const morning = makeRound('centre-1', { id: 'morning', date: '2026-10-10', createdAt: '2026-10-10T08:00:00.000Z' });
    const afternoon = makeRound('centre-1', { id: 'afternoon', date: '2026-10-10', createdAt: '2026-10-10T13:00:00.000Z' });
    expect(roundBefore([afternoon, morning], 'afternoon')?.id).toBe('morning');
  });
});

describe('openActionsToReview', () => {
  it('offers the open actions of the round just before, oldest first', () => {
    const a = action('spring', { status: 'planned' });
    const b = action('spring', { status: 'ongoing' });
    const done = action('spring', { status: 'done' });
    const dropped = action('spring', { status: 'dropped' });
    expect(openActionsToReview([b, done, a, dropped], [spring, autumn], 'autumn').map((x) => x.id)).toEqual([a.id, b.id]);
  });

  it('offers nothing for the first round', () => {
    expect(openActionsToReview([action('spring')], [spring, autumn], 'spring')).toEqual([]);
  });

  it('looks only at the round just before, not older ones', () => {
    const old = action('spring');
    const recent = action('autumn');
    expect(openActionsToReview([old, recent], [spring, autumn, nextSpring], 'next-spring')).toEqual([recent]);
  });

  it('uses dates, not the order rounds were created in', () => {
    // A round entered afterwards for an earlier meeting does not become "the previous round" of a later one.
    const late = makeRound('centre-1', { id: 'late-entry', date: '2026-01-15', createdAt: '2026-11-01T08:00:00.000Z' });
    const fromSpring = action('spring');
    const fromLate = action('late-entry');
    expect(openActionsToReview([fromSpring, fromLate], [spring, autumn, late], 'autumn')).toEqual([fromSpring]);
    expect(openActionsToReview([fromSpring, fromLate], [spring, autumn, late], 'spring')).toEqual([fromLate]);
  });

  it('leaves out actions already carried into the new round', () => {
    const carried = action('spring');
    const waiting = action('spring');
    const copy = action('autumn', { carriedFromId: carried.id });
    expect(openActionsToReview([carried, waiting, copy], [spring, autumn], 'autumn')).toEqual([waiting]);
  });

  it('is not fooled by copies in other rounds', () => {
    const original = action('spring');
    const copyElsewhere = action('next-spring', { carriedFromId: original.id });
    expect(openActionsToReview([original, copyElsewhere], [spring, autumn, nextSpring], 'autumn')).toEqual([original]);
  });

  it('offers a carried copy again in the round after, while it is still open', () => {
    const original = action('spring');
    const copy = action('autumn', { carriedFromId: original.id, status: 'ongoing' });
    expect(openActionsToReview([original, copy], [spring, autumn, nextSpring], 'next-spring')).toEqual([copy]);
  });

  it('ignores the actions of the new round itself', () => {
    expect(openActionsToReview([action('autumn')], [spring, autumn], 'autumn')).toEqual([]);
  });

  it('offers nothing for an unknown round', () => {
    expect(openActionsToReview([action('spring')], [spring, autumn], 'missing')).toEqual([]);
  });
});

describe('carryForward', () => {
  it('copies each action into the new round with a new id and a link back', () => {
    const original = action('spring', { status: 'ongoing', due: '2026-06-30', goalId: 'goal-3', what: 'Samlokalisera', who: 'Socialtjänst' });
    const [copy] = carryForward([original], 'autumn', LATER);
    expect(copy).toEqual({
      id: expect.stringMatching(UUID_PATTERN),
      centreId: original.centreId,
      roundId: 'autumn',
      goalId: 'goal-3',
      what: 'Samlokalisera',
      who: 'Socialtjänst',
      due: '2026-06-30',
      status: 'ongoing',
      carriedFromId: original.id,
      statusHistory: original.statusHistory,
      createdAt: LATER,
      updatedAt: LATER,
    });
  });

  it('keeps the status and the order, and gives each copy its own id', () => {
    const originals = [action('spring', { status: 'planned' }), action('spring', { status: 'ongoing' })];
    const copies = carryForward(originals, 'autumn', LATER);
    expect(copies.map((c) => c.status)).toEqual(['planned', 'ongoing']);
    expect(copies.map((c) => c.carriedFromId)).toEqual(originals.map((o) => o.id));
    expect(new Set(copies.map((c) => c.id)).size).toBe(2);
    expect(copies.some((c) => originals.some((o) => o.id === c.id))).toBe(false);
  });

  it('leaves the originals unchanged', () => {
    const original = action('spring');
    const before = { ...original };
    carryForward([original], 'autumn', LATER);
    expect(original).toEqual(before);
  });

  it('copies nothing from nothing', () => {
    expect(carryForward([], 'autumn', LATER)).toEqual([]);
  });

  it('makes the carried actions disappear from the review', () => {
    const originals = [action('spring'), action('spring')];
    const copies = carryForward(originals.slice(0, 1), 'autumn', LATER);
    expect(openActionsToReview([...originals, ...copies], [spring, autumn], 'autumn')).toEqual(originals.slice(1));
  });
});

describe('actionsByGoal', () => {
  it('groups per goal, oldest first', () => {
    const late = action('spring', { goalId: 'goal-1', createdAt: '2026-03-12T00:00:00.000Z' });
    const early = action('spring', { goalId: 'goal-1', createdAt: '2026-03-11T00:00:00.000Z' });
    const other = action('spring', { goalId: 'goal-2' });
    const grouped = actionsByGoal([late, other, early]);
    expect(grouped.get('goal-1')).toEqual([early, late]);
    expect(grouped.get('goal-2')).toEqual([other]);
    expect(grouped.get('goal-3')).toBeUndefined();
  });
});
