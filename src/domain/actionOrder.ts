import type { ActionItem, ActionStatus } from './types';

/** Planned and ongoing actions are open: they still need doing. */
export function isOpen(status: ActionStatus): boolean {
  return status === 'planned' || status === 'ongoing';
}

/** Oldest first, so that a plan reads in the order it was written. */
export function compareActions(a: Pick<ActionItem, 'createdAt' | 'id'>, b: Pick<ActionItem, 'createdAt' | 'id'>): number {
  return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}
