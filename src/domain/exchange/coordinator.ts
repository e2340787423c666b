import type { ExportFile, RatingSpread } from './format';

/**
 * The file for the coordinator (privacy by default): the services and roles of a round's
 * participants, not their names; an action whose `who` is a participant's name names that
 * participant's role instead; the individual ratings only as their spread per statement (how many
 * gave each value, nobody numbered); the hand-ins as they are, since a document holds roles only.
 * Free text the group wrote (notes, reflections) is the group's to word and is not searched.
 */
export function forCoordinator(file: ExportFile): ExportFile {
  const roles = new Map<string, string>();
  for (const round of file.rounds) {
    for (const participant of round.participants) {
      const key = participant.name.trim().toLocaleLowerCase('sv');
      if (key !== '') roles.set(key, participant.role);
    }
  }
  function withRole<T extends { readonly who: string }>(action: T): T {
    const role = roles.get(action.who.trim().toLocaleLowerCase('sv'));
    return role === undefined ? action : { ...action, who: role };
  }
  return {
    ...file,
    audience: 'coordinator',
    rounds: file.rounds.map((round) => ({ ...round, participants: round.participants.map((participant) => ({ ...participant, name: '' })) })),
    actions: file.actions.map(withRole),
    // Next year's actions in the yearly report's draft name a "who" too.
    yearlyReports: file.yearlyReports.map((report) => ({ ...report, nextYear: { ...report.nextYear, actions: report.nextYear.actions.map(withRole) } })),
    ratings: [],
    ratingSpread: ratingSpread(file.ratings),
  };
}

/** Counts per round, statement and value; an unset rating (null) is no rating and is not counted. */
export function ratingSpread(ratings: ExportFile['ratings']): RatingSpread[] {
  const spreads = new Map<string, RatingSpread>();
  for (const rating of ratings) {
    if (rating.value === null) continue;
    const key = `${rating.roundId}/${rating.itemId}`;
    const spread = spreads.get(key) ?? { roundId: rating.roundId, itemId: rating.itemId, counts: {} };
    const value = String(rating.value);
    spread.counts[value] = (spread.counts[value] ?? 0) + 1;
    spreads.set(key, spread);
  }
  return [...spreads.values()].sort((a, b) => a.roundId.localeCompare(b.roundId) || a.itemId.localeCompare(b.itemId));
}
