import type { InstrumentItem, LocalItem, LocalizedText, ScaleLevel } from '@/domain/types';

/** The group writes its own statement in one language: it reads the same whichever is chosen. */
function same(text: string): LocalizedText {
  return { sv: text, en: text };
}

/**
 * An own item as the questionnaire's item card shows it, so it is answered exactly like a common
 * one. Descriptors only when the group gave some; a step left empty falls back to the scale's own
 * description of that step.
 */
export function localItemCard(item: LocalItem, scale: readonly ScaleLevel[]): InstrumentItem {
  if (item.levels.length === 0) return { id: item.id, statement: same(item.text) };
  return {
    id: item.id,
    statement: same(item.text),
    levels: scale.map((level, index) => {
      const own = item.levels[index]?.trim() ?? '';
      return own === '' ? level.description : same(own);
    }),
  };
}
