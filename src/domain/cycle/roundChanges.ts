import { historyOf, type TrackedAction } from './actionHistory';

/**
 * The actions as a round's own check-in reads them: what later rounds recorded (the October review
 * marking a May action done, copies carried into October) is left out. So the May round's check-in
 * says the same whenever it is built, and "changed after hand-in" means the round's own work
 * changed; a later round moving on is not an edit of the round that was handed in.
 */
export function actionsUpToRound(actions: readonly TrackedAction[], laterRoundIds: ReadonlySet<string>): TrackedAction[] {
  if (laterRoundIds.size === 0) return [...actions];
  return actions.flatMap((action): TrackedAction[] => {
    if (laterRoundIds.has(action.roundId)) return [];
    const history = historyOf(action).filter((entry) => !laterRoundIds.has(entry.roundId));
    const last = history[history.length - 1];
    if (!last) return [];
    return [{ ...action, status: last.status, statusHistory: history }];
  });
}
