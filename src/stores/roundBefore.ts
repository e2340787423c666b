import { roundRepository as defaultRepository, type RoundRepository } from '@/db/rounds';
import { roundBefore } from '@/domain/actions';
import type { Round } from '@/domain/types';

export interface RoundBeforeState {
  /** The centre's round just before the given one (in date order), if there is one. */
  readonly previous: Round | undefined;
  /** The dates of the centre's visible rounds, the given one included. */
  readonly dates: readonly string[];
}

/**
 * The round before a round, for live queries that run again on every tap. Every tap touches the open
 * round, and a query that read all the centre's rounds to find the one before ran again after each
 * tap (at 1000 rounds a long task per tap). The answer is kept while the rounds' order and visibility,
 * read from indexes only, stay the same; then the query no longer depends on the rounds' records.
 */
export function createRoundBeforeCache(repository: Pick<RoundRepository, 'roundOrderKey' | 'listRounds' | 'getRound'> = defaultRepository) {
  let cache: { key: string; previousId: string | undefined; dates: readonly string[] } | undefined;

  return async function roundBeforeOf(centreId: string, roundId: string): Promise<RoundBeforeState> {
    const key = `${centreId}|${roundId}|${await repository.roundOrderKey(centreId)}`;
    if (cache?.key !== key) {
      const rounds = await repository.listRounds(centreId);
      const previous = roundBefore(rounds, roundId);
      cache = { key, previousId: previous?.id, dates: rounds.map((round) => round.date) };
      return { previous, dates: cache.dates };
    }
    const { previousId, dates } = cache;
    // Read again by id (only that record is watched), so that an edited title shows.
    return { previous: previousId === undefined ? undefined : await repository.getRound(previousId), dates };
  };
}
