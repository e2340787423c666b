import type { RoundPosition } from '@/domain/types';

/** Where a position in a round opens: its goal's page, scrolled to the statement when there is one. */
export function goalRoute(centreId: string, roundId: string, position: RoundPosition) {
  return {
    name: 'goal',
    params: { centreId, roundId, goalId: position.goalId },
    hash: position.itemId ? `#item-${position.itemId}` : '',
  } as const;
}
