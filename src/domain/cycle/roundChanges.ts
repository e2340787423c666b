import { historyOf, type TrackedAction } from './actionHistory';

/**
 * The actions as the round itself left them: what later rounds recorded after `sealedAt` (the
 * October review marking a May action done, copies carried into October) is taken out again.
 * "Changed after hand-in" is about the round's own work; a later round moving on is not an edit
 * of the round that was handed in.
 */
export function actionsAsRecordedIn(actions: readonly TrackedAction[], roundId: string, sealedAt: string): TrackedAction[] {
  return actions.flatMap((action): TrackedAction[] => {
    if (action.roundId !== roundId && action.createdAt > sealedAt) return [];
    const history = historyOf(action).filter((entry) => entry.roundId === roundId || entry.at <= sealedAt);
    const last = history[history.length - 1];
    if (!last) return [];
    return [{ ...action, status: last.status, statusHistory: history }];
  });
}
