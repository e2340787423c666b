import { RoundGoneError } from './connection';
import type { AppDatabase } from './database';

/**
 * A record marked deleted (`deletedAt`, waiting for its undo window) is not there for any reader:
 * every resource module reads through this, so the rule is one rule.
 */
export function visible<T extends { deletedAt?: string }>(record: T | undefined): T | undefined {
  return record && !record.deletedAt ? record : undefined;
}

/**
 * Fails the write's transaction with RoundGoneError unless the round and its centre are there and
 * not deleted, then runs `write` (the round's own change) beside the centre's check. Called inside
 * the write's transaction, so a deletion cannot slip in between; one read more than the write alone.
 */
export async function requireOpenRound(db: AppDatabase, roundId: string, write: () => Promise<unknown> = () => Promise.resolve()): Promise<void> {
  const round = visible(await db.rounds.get(roundId));
  if (!round) throw new RoundGoneError(roundId);
  await Promise.all([
    db.centres.get(round.centreId).then((centre) => {
      if (!visible(centre)) throw new RoundGoneError(roundId);
    }),
    write(),
  ]);
}
