import { compareActions, isOpen } from '../actionOrder';
import { ACTION_STATUSES, type ActionHistory, type ActionItem, type ActionStatus, type ActionStatusChange } from '../types';

// Declared with the records in types.ts (an action carries its history), named here too.
export type { ActionHistory, ActionStatusChange };

/** An action as the cycle reads it: stored ones carry a history (schema v7); one from an older file may not. */
export type TrackedAction = Omit<ActionItem, 'statusHistory'> & { readonly statusHistory?: ActionHistory };

/** The history of a new action: its first status, from when it was written. */
export function initialHistory(action: Pick<TrackedAction, 'status' | 'createdAt' | 'roundId'>): ActionHistory {
  return [{ status: action.status, at: action.createdAt, roundId: action.roundId }];
}

/**
 * The action's history, or what can be known without one (an action saved before histories were
 * kept): the status it had when last saved, from then on. Earlier than that it is unknown, which is
 * honest; pretending it had been done since it was written would not be.
 */
export function historyOf(action: TrackedAction): ActionHistory {
  if (action.statusHistory && action.statusHistory.length > 0) return action.statusHistory;
  return [{ status: action.status, at: action.updatedAt, roundId: action.roundId }];
}

/**
 * The history with one more change, kept in time order. The same status as the one in force at that
 * moment is no change: the history is returned as it was (the same array), so a caller can tell
 * that nothing needs saving.
 */
export function recordStatus(history: ActionHistory, change: ActionStatusChange): ActionHistory {
  if (statusAsOf(history, change.at) === change.status) return history;
  const index = history.findIndex((entry) => entry.at > change.at);
  if (index < 0) return [...history, change];
  return [...history.slice(0, index), change, ...history.slice(index)];
}

/** The status in force at `at` (the newest change at or before it), or undefined before the first. */
export function statusAsOf(history: ActionHistory, at: string): ActionStatus | undefined {
  let status: ActionStatus | undefined;
  for (const entry of history) {
    if (entry.at <= at) status = entry.status;
    else break;
  }
  return status;
}

/**
 * One action followed through the rounds it was carried into (by `carriedFromId`): oldest copy first.
 * If a copy was carried into two rounds, each branch is a chain of its own that shares the start.
 */
export interface ActionChain {
  /** The newest copy: its text, who and due are the action as it stands. */
  readonly head: TrackedAction;
  /** Oldest first, ending with `head`. */
  readonly actions: readonly TrackedAction[];
  /** Every copy's history merged, in time order. */
  readonly history: ActionHistory;
}

export function actionChains(actions: readonly TrackedAction[]): ActionChain[] {
  const byId = new Map(actions.map((action) => [action.id, action]));
  const continued = new Set(actions.map((action) => action.carriedFromId).filter((id): id is string => id !== undefined && byId.has(id)));
  const heads = actions.filter((action) => !continued.has(action.id)).sort(compareActions);
  return heads.map((head) => {
    const chain: TrackedAction[] = [head];
    const seen = new Set([head.id]);
    let current = head;
    while (current.carriedFromId !== undefined) {
      const previous = byId.get(current.carriedFromId);
      // A link to an action not on the device (or a loop in damaged data) ends the chain.
      if (!previous || seen.has(previous.id)) break;
      chain.unshift(previous);
      seen.add(previous.id);
      current = previous;
    }
    const history = chain
      .flatMap((action) => historyOf(action))
      .sort((a, b) => a.at.localeCompare(b.at))
      // Copying an action repeats its status: only real changes stay.
      .filter((entry, index, all) => index === 0 || all[index - 1]?.status !== entry.status);
    return { head, actions: chain, history };
  });
}

/** The chain an action belongs to (as any of its copies), or undefined for an action not in them. */
export function chainOf(chains: readonly ActionChain[], actionId: string): ActionChain | undefined {
  return chains.find((chain) => chain.actions.some((action) => action.id === actionId));
}

/** When the chain's first copy was written. */
export function chainStart(chain: ActionChain): string {
  return chain.actions[0]?.createdAt ?? chain.head.createdAt;
}

/** How many actions (chains) are in each status at `at`; those not yet written then are not counted. */
export function actionProgress(chains: readonly ActionChain[], at: string): Readonly<Record<ActionStatus, number>> & { readonly total: number } {
  const counts = Object.fromEntries(ACTION_STATUSES.map((status) => [status, 0])) as Record<ActionStatus, number>;
  let total = 0;
  for (const chain of chains) {
    const status = statusAsOf(chain.history, at);
    if (status === undefined) continue;
    counts[status] += 1;
    total += 1;
  }
  return { ...counts, total };
}

export type ChangeKind = 'done' | 'started' | 'dropped';

export interface ActionChange {
  readonly chain: ActionChain;
  readonly kind: ChangeKind;
  /** The status at `since`; null for an action written after it. */
  readonly then: ActionStatus | null;
  readonly now: ActionStatus;
}

function kindOf(now: ActionStatus): ChangeKind | undefined {
  if (now === 'done') return 'done';
  if (now === 'dropped') return 'dropped';
  if (now === 'ongoing') return 'started';
  return undefined;
}

/**
 * What happened to the actions between `since` (the last check-in) and `until` (this one): each
 * action whose status at `until` is done, ongoing or dropped and differs from its status at `since`
 * (new actions included, with no status then). Actions written after `until` are not in it.
 */
export function changedSince(chains: readonly ActionChain[], since: string, until: string): ActionChange[] {
  const changes: ActionChange[] = [];
  for (const chain of chains) {
    const now = statusAsOf(chain.history, until);
    if (now === undefined) continue;
    const then = statusAsOf(chain.history, since) ?? null;
    const kind = kindOf(now);
    if (kind && then !== now) changes.push({ chain, kind, then, now });
  }
  return changes;
}

export interface NextStep {
  readonly action: TrackedAction;
  readonly status: ActionStatus;
}

/** Open actions at `at` with who does them and by when: dated ones first, soonest first. */
export function nextSteps(chains: readonly ActionChain[], at: string): NextStep[] {
  return chains
    .flatMap((chain): NextStep[] => {
      const status = statusAsOf(chain.history, at);
      return status !== undefined && isOpen(status) ? [{ action: chain.head, status }] : [];
    })
    .sort((a, b) => {
      const dueA = a.action.due || '9999-12-31';
      const dueB = b.action.due || '9999-12-31';
      return dueA.localeCompare(dueB) || compareActions(a.action, b.action);
    });
}
