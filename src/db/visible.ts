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
 * not deleted. Called inside the write's own transaction, so a deletion cannot slip in between.
 */
export async function requireOpenRound(db: AppDatabase, roundId: string): Promise<void> {
  const round = visible(await db.rounds.get(roundId));
  if (!round || !visible(await db.centres.get(round.centreId))) throw new RoundGoneError(roundId);
}
