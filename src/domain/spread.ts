import type { IndividualRating, Instrument, Participant, Round } from './types';

/**
 * The spread of the participants' own ratings of an item, beside the group's consensus answer.
 * Only numeric ratings count towards min, max, mean and standard deviation; "don't know" and
 * "not relevant" are counted apart. The consensus answer stays the official score.
 */

/** Items whose ratings differ by at least this many scale steps are flagged as worth discussing. */
export const DIVERGENT_RANGE = 2;

export interface ScaleCount {
  readonly value: number;
  readonly count: number;
  /** Who gave this rating, in the order of the ratings (for showing names when the group chooses). */
  readonly participantIds: readonly string[];
}

export interface ItemSpread {
  readonly itemId: string;
  /** Numeric ratings. */
  readonly count: number;
  readonly min: number | null;
  readonly max: number | null;
  /** max − min; null without numeric ratings. */
  readonly range: number | null;
  readonly mean: number | null;
  /** Population standard deviation; null without numeric ratings. */
  readonly sd: number | null;
  /** One entry per scale value (in the order given), plus any other numeric value that occurs. */
  readonly distribution: readonly ScaleCount[];
  readonly dontKnow: number;
  readonly notRelevant: number;
  /** Views differ enough to be worth discussing. */
  readonly divergent: boolean;
}

function isRating(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The spread of one item from the ratings given (ratings of other items are ignored). */
export function itemSpread(itemId: string, ratings: readonly IndividualRating[], scaleValues: readonly number[] = []): ItemSpread {
  const own = ratings.filter((rating) => rating.itemId === itemId);
  const numeric: number[] = [];
  const byValue = new Map<number, string[]>(scaleValues.map((value) => [value, []]));
  let dontKnow = 0;
  let notRelevant = 0;
  for (const rating of own) {
    const value = rating.value;
    if (value === 'dont-know') dontKnow += 1;
    else if (value === 'not-relevant') notRelevant += 1;
    else if (isRating(value)) {
      numeric.push(value);
      const ids = byValue.get(value);
      if (ids) ids.push(rating.participantId);
      else byValue.set(value, [rating.participantId]);
    }
  }
  const distribution = [...byValue.entries()]
    .sort(([a], [b]) => a - b)
    .map(([value, participantIds]) => ({ value, count: participantIds.length, participantIds }));
  if (numeric.length === 0) {
    return { itemId, count: 0, min: null, max: null, range: null, mean: null, sd: null, distribution, dontKnow, notRelevant, divergent: false };
  }
  const min = Math.min(...numeric);
  const max = Math.max(...numeric);
  const mean = numeric.reduce((sum, value) => sum + value, 0) / numeric.length;
  const variance = numeric.reduce((sum, value) => sum + (value - mean) ** 2, 0) / numeric.length;
  const range = max - min;
  return {
    itemId,
    count: numeric.length,
    min,
    max,
    range,
    mean,
    sd: Math.sqrt(variance),
    distribution,
    dontKnow,
    notRelevant,
    divergent: numeric.length >= 2 && range >= DIVERGENT_RANGE,
  };
}

/** The spread of every item of the instrument that has at least one rating, in instrument order. */
export function spreadsOf(instrument: Instrument, ratings: readonly IndividualRating[]): ItemSpread[] {
  const rated = new Set(ratings.filter((r) => r.value !== null).map((r) => r.itemId));
  const scale = instrument.scale.levels.map((level) => level.value);
  return instrument.goals.flatMap((goal) =>
    goal.items.filter((item) => rated.has(item.id)).map((item) => itemSpread(item.id, ratings, scale)),
  );
}

/**
 * The items where views differ most: those with at least two numeric ratings, by range and then
 * standard deviation, largest first; ties keep instrument order. `spreads` must be in instrument order.
 */
export function divergentItems(spreads: readonly ItemSpread[], limit = 5): ItemSpread[] {
  return spreads
    .map((spread, order) => ({ spread, order }))
    .filter(({ spread }) => spread.count >= 2)
    .sort(
      (a, b) =>
        (b.spread.range ?? 0) - (a.spread.range ?? 0) ||
        (b.spread.sd ?? 0) - (a.spread.sd ?? 0) ||
        a.order - b.order,
    )
    .slice(0, Math.max(0, limit))
    .map(({ spread }) => spread);
}

/** The round's participants who have not yet given an answer (any, "don't know" included) to every item. */
export function pendingParticipants(
  round: Pick<Round, 'participants'>,
  ratings: readonly IndividualRating[],
  itemIds: readonly string[],
): Participant[] {
  const wanted = new Set(itemIds);
  const answered = new Map<string, Set<string>>();
  for (const rating of ratings) {
    if (rating.value === null || !wanted.has(rating.itemId)) continue;
    const items = answered.get(rating.participantId) ?? new Set<string>();
    items.add(rating.itemId);
    answered.set(rating.participantId, items);
  }
  return round.participants.filter((p) => (answered.get(p.id)?.size ?? 0) < wanted.size);
}
