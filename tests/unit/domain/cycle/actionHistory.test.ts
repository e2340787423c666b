import { describe, expect, it } from 'vitest';
import {
  actionChains,
  actionProgress,
  changedSince,
  historyOf,
  initialHistory,
  nextSteps,
  recordStatus,
  statusAsOf,
  type ActionHistory,
  type TrackedAction,
} from '@/domain/cycle/actionHistory';
import { centreYear, mayValues, octoberValues } from '../../../fixtures/cycle';

const MAY = '2026-05-06T08:00:00.000Z';
const MAY_HANDED_IN = '2026-05-12T09:00:00.000Z';
const OCTOBER = '2026-10-08T09:30:00.000Z';

describe('an action’s status history', () => {
  const start: ActionHistory = [{ status: 'ongoing', at: MAY, roundId: 'may' }];

  it('starts with the status the action was written with', () => {
    expect(initialHistory({ status: 'planned', createdAt: MAY, roundId: 'may' })).toEqual([{ status: 'planned', at: MAY, roundId: 'may' }]);
  });

  it('appends a new status and keeps the earlier ones', () => {
    const history = recordStatus(start, { status: 'done', at: OCTOBER, roundId: 'october' });
    expect(history).toEqual([
      { status: 'ongoing', at: MAY, roundId: 'may' },
      { status: 'done', at: OCTOBER, roundId: 'october' },
    ]);
    expect(start).toHaveLength(1);
  });

  it('records the same status again as no change: the very same history comes back', () => {
    expect(recordStatus(start, { status: 'ongoing', at: OCTOBER, roundId: 'october' })).toBe(start);
  });

  it('keeps time order when a change arrives late (an older device syncing)', () => {
    const history = recordStatus(
      [...start, { status: 'done', at: OCTOBER, roundId: 'october' }],
      { status: 'planned', at: '2026-06-01T08:00:00.000Z', roundId: 'june' },
    );
    expect(history.map((c) => c.status)).toEqual(['ongoing', 'planned', 'done']);
  });

  it('answers what the status was at any moment, and nothing before the first entry', () => {
    const history = recordStatus(start, { status: 'done', at: OCTOBER, roundId: 'october' });
    expect(statusAsOf(history, '2026-05-01T00:00:00.000Z')).toBeUndefined();
    expect(statusAsOf(history, MAY)).toBe('ongoing');
    expect(statusAsOf(history, MAY_HANDED_IN)).toBe('ongoing');
    expect(statusAsOf(history, OCTOBER)).toBe('done');
  });

  it('knows of an action saved before histories were kept only its status since it was last saved', () => {
    const legacy: TrackedAction = {
      id: 'a',
      centreId: 'c',
      roundId: 'may',
      goalId: 'goal-1',
      what: 'x',
      who: '',
      due: '',
      status: 'done',
      createdAt: MAY,
      updatedAt: OCTOBER,
    };
    expect(historyOf(legacy)).toEqual([{ status: 'done', at: OCTOBER, roundId: 'may' }]);
    expect(statusAsOf(historyOf(legacy), MAY_HANDED_IN)).toBeUndefined();
  });
});

describe('actions through the year', () => {
  function story() {
    const year = centreYear();
    const may = year.round('2026-05-06', 'Avstämning våren 2026', mayValues());
    const groups = year.action(may, 'goal-1', 'Starta föräldragrupp på arabiska', 'Öppna förskolan', 'ongoing', '2026-09-30');
    const visits = year.action(may, 'goal-2', 'BVC besöker öppna förskolan varje vecka', 'BVC', 'planned', '2026-08-31');
    const leaflet = year.action(may, 'goal-1', 'Gemensam informationsfolder', 'Socialtjänst', 'planned');
    const old = year.action(may, 'goal-4', 'Enkät till föräldrar', 'Socialtjänst', 'planned');
    const october = year.round('2026-10-08', 'Avstämning hösten 2026', octoberValues(), { previous: may });
    // The October review: carry the visits forward and then start them; mark the groups done; drop the leaflet.
    const visitsNow = year.carry(visits, october, '2026-10-08T09:00:00.000Z');
    year.review(visitsNow, 'ongoing', october, '2026-10-08T09:10:00.000Z');
    year.review(groups, 'done', october, OCTOBER);
    year.review(leaflet, 'dropped', october, OCTOBER);
    const fresh = year.action(october, 'goal-3', 'Fasta tider för BVC i familjecentralens lokaler', 'BVC', 'planned', '2027-01-31', '2026-10-08T10:00:00.000Z');
    return { year, may, october, groups, visits, visitsNow, leaflet, old, fresh };
  }

  it('follows a carried action from its first copy to its newest as one chain', () => {
    const { year, visits, visitsNow } = story();
    const chains = actionChains(year.actions);
    const chain = chains.find((c) => c.head.id === visitsNow.id);
    expect(chain?.actions.map((a) => a.id)).toEqual([visits.id, visitsNow.id]);
    expect(chain?.history.map((c) => c.status)).toEqual(['planned', 'ongoing']);
    // The May copy is not a chain of its own.
    expect(chains.find((c) => c.head.id === visits.id)).toBeUndefined();
    expect(chains).toHaveLength(5);
  });

  it('says what changed between the May hand-in and the October check-in, with the status then and now', () => {
    const { year, groups, visitsNow, leaflet, fresh } = story();
    const changes = changedSince(actionChains(year.actions), MAY_HANDED_IN, '2026-10-08T12:00:00.000Z');
    expect(changes.map((c) => [c.chain.head.id, c.kind, c.then, c.now])).toEqual([
      [groups.id, 'done', 'ongoing', 'done'],
      [leaflet.id, 'dropped', 'planned', 'dropped'],
      [visitsNow.id, 'started', 'planned', 'ongoing'],
    ]);
    // A new action that is only planned has not "happened" yet; it is a next step.
    expect(changes.some((c) => c.chain.head.id === fresh.id)).toBe(false);
  });

  it('leaves out what happens after the check-in is written', () => {
    const { year } = story();
    expect(changedSince(actionChains(year.actions), MAY_HANDED_IN, '2026-09-01T00:00:00.000Z')).toEqual([]);
  });

  it('lists open actions as next steps with who and when, the soonest due first and undated last', () => {
    const { year } = story();
    const steps = nextSteps(actionChains(year.actions), '2026-10-08T12:00:00.000Z');
    expect(steps.map((s) => [s.action.what, s.action.who, s.action.due, s.status])).toEqual([
      ['BVC besöker öppna förskolan varje vecka', 'BVC', '2026-08-31', 'ongoing'],
      ['Fasta tider för BVC i familjecentralens lokaler', 'BVC', '2027-01-31', 'planned'],
      ['Enkät till föräldrar', 'Socialtjänst', '', 'planned'],
    ]);
  });

  it('counts the actions per status at a moment', () => {
    const { year } = story();
    const chains = actionChains(year.actions);
    expect(actionProgress(chains, MAY_HANDED_IN)).toEqual({ planned: 3, ongoing: 1, done: 0, dropped: 0, total: 4 });
    expect(actionProgress(chains, '2026-10-08T12:00:00.000Z')).toEqual({ planned: 2, ongoing: 1, done: 1, dropped: 1, total: 5 });
  });

  it('ends a chain at a link to an action the device does not hold, and survives a loop in damaged data', () => {
    const { year, visitsNow } = story();
    const orphan = { ...visitsNow, id: 'orphan', carriedFromId: 'not-here' };
    const a = { ...visitsNow, id: 'loop-a', carriedFromId: 'loop-b' };
    const b = { ...visitsNow, id: 'loop-b', carriedFromId: 'loop-a' };
    const chains = actionChains([...year.actions, orphan, a, b]);
    expect(chains.find((c) => c.head.id === 'orphan')?.actions).toHaveLength(1);
    expect(chains.some((c) => c.head.id === 'loop-a' || c.head.id === 'loop-b')).toBe(false);
  });
});
