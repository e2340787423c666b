import { compareActions, isOpen } from './actions';
import { compareRoundsNewestFirst } from './records';
import type { ActionItem, Round } from './types';

/**
 * The slides of a working group's meeting, in order: what was left open last time, the overview,
 * one slide per goal, the trend, and the next steps decided this round.
 */
export type MeetingSlide =
  | { readonly kind: 'start' }
  | { readonly kind: 'overview' }
  | { readonly kind: 'goal'; readonly goalIndex: number }
  | { readonly kind: 'trend' }
  | { readonly kind: 'end' };

export function meetingSlides(goalCount: number): MeetingSlide[] {
  return [
    { kind: 'start' },
    { kind: 'overview' },
    ...Array.from({ length: Math.max(0, goalCount) }, (_unused, goalIndex) => ({ kind: 'goal' as const, goalIndex })),
    { kind: 'trend' },
    { kind: 'end' },
  ];
}

/**
 * The slides of a network meeting: the overview, then each goal with the centres side by side, at
 * most `perSlide` centres on a slide (in the order given, name order by default), so that what each
 * wrote reads from the back row; a goal with more centres continues on the next slide.
 */
export type NetworkSlide =
  | { readonly kind: 'overview' }
  | { readonly kind: 'goal'; readonly goalIndex: number; readonly page: number; readonly pages: number; readonly from: number; readonly to: number };

export const CENTRES_PER_NETWORK_SLIDE = 3;

export function networkSlides(goalCount: number, centreCount: number, perSlide: number = CENTRES_PER_NETWORK_SLIDE): NetworkSlide[] {
  const size = Math.max(1, Math.floor(perSlide));
  const pages = Math.max(1, Math.ceil(Math.max(0, centreCount) / size));
  const goals = Array.from({ length: Math.max(0, goalCount) }, (_unused, goalIndex) =>
    Array.from({ length: pages }, (_page, index) => ({
      kind: 'goal' as const,
      goalIndex,
      page: index + 1,
      pages,
      from: index * size,
      to: Math.min(centreCount, (index + 1) * size),
    })),
  );
  return [{ kind: 'overview' }, ...goals.flat()];
}

export interface MeetingActions {
  /** The previous round's actions still planned or ongoing: where the meeting starts. */
  readonly open: readonly ActionItem[];
  /** The actions written (or carried) in the newest round and not yet done or dropped: the next steps. */
  readonly decided: readonly ActionItem[];
}

/**
 * The actions a meeting opens and closes with. `previousRoundId` is the round before the one
 * presented (none for a group's first round). An action carried into the newest round shows on
 * both: what was said last time, and what is next.
 */
export function meetingActions(actions: readonly ActionItem[], previousRoundId: string | undefined, newestRoundId: string | undefined): MeetingActions {
  const decided = newestRoundId ? actions.filter((a) => a.roundId === newestRoundId && isOpen(a.status)).sort(compareActions) : [];
  const open = previousRoundId ? actions.filter((a) => a.roundId === previousRoundId && isOpen(a.status)).sort(compareActions) : [];
  return { open, decided };
}

/** "planned" and "ongoing" actions whose date has passed on `today` (ISO date): flagged in a review. */
export function isOverdue(action: Pick<ActionItem, 'due' | 'status'>, today: string): boolean {
  return isOpen(action.status) && action.due !== '' && action.due < today;
}

/**
 * The newest earlier round of a centre, whose participants a new round is offered: the same people
 * usually meet again. None when the centre has no round yet or its newest has no participants.
 */
export function previousParticipantsRound(rounds: readonly Round[]): Round | undefined {
  const newest = [...rounds].sort(compareRoundsNewestFirst)[0];
  return newest && newest.participants.length > 0 ? newest : undefined;
}
