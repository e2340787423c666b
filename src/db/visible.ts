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
 * not deleted, and runs `write` (the round's own change) beside the check, not after it: called
 * inside the write's transaction, a failed check aborts the write with it, so a deletion cannot slip
 * in between, and a tap costs two request round trips (round and write, then centre) instead of three.
 */
export async function requireOpenRound(db: AppDatabase, roundId: string, write: () => Promise<unknown> = () => Promise.resolve()): Promise<void> {
  const check = db.rounds.get(roundId).then(async (stored) => {
    const round = visible(stored);
    if (!round) throw new RoundGoneError(roundId);
    if (!visible(await db.centres.get(round.centreId))) throw new RoundGoneError(roundId);
  });
  await Promise.all([check, write()]);
}
