import type { ItemTarget } from '@/domain/cycle/targets';
import { newId } from '@/domain/ids';
import type { AnswerValue, InstrumentGoal, LocalItem, LocalizedText, ScaleLevel } from '@/domain/types';

/**
 * A new sub-goal under a goal: read from the goal's first statement, aimed one step above where the
 * group rated it last (or at the top when it is already there), starting from that rating.
 */
export function newTarget(goal: InstrumentGoal, levels: readonly ScaleLevel[], latest: ReadonlyMap<string, AnswerValue | null>): ItemTarget {
  const itemId = goal.items[0]?.id ?? '';
  const now = latest.get(itemId);
  const start = typeof now === 'number' ? now : null;
  const values = levels.map((level) => level.value);
  const top = Math.max(...values);
  const level = start === null ? top : Math.min(top, values.find((value) => value > start) ?? top);
  return { id: newId(), goalId: goal.id, itemId, level, startLevel: start, by: '', services: [], actionIds: [] };
}

/** The words of the statement a sub-goal is read from, own or the instrument's. */
export function statementOf(itemId: string, goal: InstrumentGoal, localItems: readonly LocalItem[], text: (value: LocalizedText) => string): string {
  const own = localItems.find((item) => item.id === itemId);
  if (own) return own.text;
  const item = goal.items.find((i) => i.id === itemId);
  return item ? text(item.statement) : itemId;
}
