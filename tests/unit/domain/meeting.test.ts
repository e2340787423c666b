import { describe, expect, it } from 'vitest';
import { createAction } from '@/domain/actions';
import { isOverdue, meetingActions, meetingSlides, networkSlides, previousParticipantsRound } from '@/domain/meeting';
import type { ActionItem, ActionStatus } from '@/domain/types';
import { makeRound, participant } from '../../fixtures/records';

function action(roundId: string, what: string, status: ActionStatus, createdAt: string, extra: Partial<ActionItem> = {}): ActionItem {
  return { ...createAction({ what, who: 'BVC', due: '', status }, 'centre', roundId, 'goal-1', createdAt), ...extra };
}

describe('meetingSlides', () => {
  it('opens with last time’s actions, then the overview, a slide per goal, the trend and the next steps', () => {
    expect(meetingSlides(2)).toEqual([
      { kind: 'start' },
      { kind: 'overview' },
      { kind: 'goal', goalIndex: 0 },
      { kind: 'goal', goalIndex: 1 },
      { kind: 'trend' },
      { kind: 'end' },
    ]);
  });

  it('has no goal slides for an instrument without goals', () => {
    expect(meetingSlides(0).map((slide) => slide.kind)).toEqual(['start', 'overview', 'trend', 'end']);
    expect(meetingSlides(-1)).toHaveLength(4);
  });
});

describe('meetingActions', () => {
  const spring = [
    action('spring', 'Broschyr', 'ongoing', '2026-04-22T10:00:00.000Z'),
    action('spring', 'Utbildningsdag', 'planned', '2026-04-22T09:00:00.000Z'),
    action('spring', 'Enkät', 'done', '2026-04-22T08:00:00.000Z'),
    action('spring', 'Nyhetsbrev', 'dropped', '2026-04-22T08:30:00.000Z'),
  ];
  const autumn = [
    action('autumn', 'Föräldraråd', 'planned', '2026-10-14T10:00:00.000Z'),
    action('autumn', 'Broschyr (fortsätter)', 'ongoing', '2026-10-14T09:00:00.000Z', { carriedFromId: spring[0]?.id ?? '' }),
    action('autumn', 'Redan gjort', 'done', '2026-10-14T11:00:00.000Z'),
  ];
  const other = [action('winter', 'Annan omgång', 'planned', '2026-01-10T10:00:00.000Z')];
  const all = [...other, ...autumn, ...spring];

  it('starts with the previous round’s planned and ongoing actions, oldest first', () => {
    expect(meetingActions(all, 'spring', 'autumn').open.map((a) => a.what)).toEqual(['Utbildningsdag', 'Broschyr']);
  });

  it('ends with the open actions of the round presented, a carried one among them', () => {
    expect(meetingActions(all, 'spring', 'autumn').decided.map((a) => a.what)).toEqual(['Broschyr (fortsätter)', 'Föräldraråd']);
  });

  it('has nothing to follow up in a group’s first round', () => {
    expect(meetingActions(all, undefined, 'spring')).toEqual({ open: [], decided: spring.filter((a) => a.status === 'ongoing' || a.status === 'planned').sort((a, b) => a.createdAt.localeCompare(b.createdAt)) });
    expect(meetingActions([], undefined, undefined)).toEqual({ open: [], decided: [] });
  });
});

describe('isOverdue', () => {
  it('flags a planned or ongoing action whose date has passed', () => {
    expect(isOverdue({ due: '2026-05-01', status: 'planned' }, '2026-05-02')).toBe(true);
    expect(isOverdue({ due: '2026-05-01', status: 'ongoing' }, '2026-10-14')).toBe(true);
  });

  it('does not flag one due today, one without a date, or one done or dropped', () => {
    expect(isOverdue({ due: '2026-05-02', status: 'planned' }, '2026-05-02')).toBe(false);
    expect(isOverdue({ due: '', status: 'planned' }, '2026-05-02')).toBe(false);
    expect(isOverdue({ due: '2026-01-01', status: 'done' }, '2026-05-02')).toBe(false);
    expect(isOverdue({ due: '2026-01-01', status: 'dropped' }, '2026-05-02')).toBe(false);
  });
});

describe('previousParticipantsRound', () => {
  const round = (id: string, date: string, names: string[]) => makeRound('c', { id, date, participants: names.map((name) => participant(name, 'BVC', `${id}-${name}`)) });

  it('is the newest round with participants, whatever the order given', () => {
    const rounds = [round('spring', '2026-04-22', ['Anna']), round('autumn', '2026-10-14', ['Anna', 'Bo']), round('old', '2025-10-01', ['Cia'])];
    expect(previousParticipantsRound(rounds)?.id).toBe('autumn');
  });

  it('is none for a centre without rounds, or when the newest has no participants', () => {
    expect(previousParticipantsRound([])).toBeUndefined();
    expect(previousParticipantsRound([round('a', '2026-01-01', ['Anna']), round('b', '2026-02-01', [])])).toBeUndefined();
  });
});

describe('networkSlides', () => {
  it('is the overview and one slide per goal while the centres fit on one', () => {
    expect(networkSlides(2, 3)).toEqual([
      { kind: 'overview' },
      { kind: 'goal', goalIndex: 0, page: 1, pages: 1, from: 0, to: 3 },
      { kind: 'goal', goalIndex: 1, page: 1, pages: 1, from: 0, to: 3 },
    ]);
  });

  it('continues a goal on the next slide when more centres take part, three to a slide', () => {
    const slides = networkSlides(5, 7);
    expect(slides).toHaveLength(1 + 5 * 3);
    expect(slides.slice(1, 4)).toEqual([
      { kind: 'goal', goalIndex: 0, page: 1, pages: 3, from: 0, to: 3 },
      { kind: 'goal', goalIndex: 0, page: 2, pages: 3, from: 3, to: 6 },
      { kind: 'goal', goalIndex: 0, page: 3, pages: 3, from: 6, to: 7 },
    ]);
    expect(slides[4]).toMatchObject({ goalIndex: 1, page: 1 });
  });

  it('keeps one slide per goal with no centres, and reads odd sizes safely', () => {
    expect(networkSlides(1, 0)).toEqual([{ kind: 'overview' }, { kind: 'goal', goalIndex: 0, page: 1, pages: 1, from: 0, to: 0 }]);
    expect(networkSlides(0, 4)).toEqual([{ kind: 'overview' }]);
    expect(networkSlides(1, 4, 0).length).toBe(1 + 4);
    expect(networkSlides(1, 6, 2).map((slide) => (slide.kind === 'goal' ? [slide.from, slide.to] : null))).toEqual([null, [0, 2], [2, 4], [4, 6]]);
  });
});
