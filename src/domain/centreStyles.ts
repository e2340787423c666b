import { OKABE_ITO, POINT_STYLES, paletteStyle, type SeriesStyle } from './charts';

/**
 * One colour and one marker shape per centre, the same in every chart and table of the coordinator's
 * workspace. A centre's preferred colour and shape come from a hash of its id, so they do not depend
 * on the order the files were imported in, on the sort or on which centres a chart shows. Collisions
 * are resolved in the order of the ids (not names, which can change): a later id moves on to the next
 * free colour and the next free shape, so up to eight centres differ in both colour and shape, and up
 * to 64 never share the pair.
 */

/** FNV-1a, 32 bits: small, stable across engines, and spreads UUIDs well enough for eight slots. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function firstFree(start: number, size: number, taken: (index: number) => boolean): number | undefined {
  for (let step = 0; step < size; step += 1) {
    const index = (start + step) % size;
    if (!taken(index)) return index;
  }
  return undefined;
}

export interface CentreStyle extends SeriesStyle {
  readonly colorIndex: number;
  readonly shapeIndex: number;
}

export function centreStyles(centreIds: readonly string[]): ReadonlyMap<string, CentreStyle> {
  const colors = OKABE_ITO.length;
  const shapes = POINT_STYLES.length;
  const usedColors = new Set<number>();
  const usedShapes = new Set<number>();
  const usedPairs = new Set<number>();
  const styles = new Map<string, CentreStyle>();
  for (const id of [...new Set(centreIds)].sort()) {
    const h = hash(id);
    const preferredColor = h % colors;
    const preferredShape = Math.floor(h / colors) % shapes;
    let color = firstFree(preferredColor, colors, (c) => usedColors.has(c));
    let shape = firstFree(preferredShape, shapes, (s) => usedShapes.has(s));
    if (color === undefined || shape === undefined) {
      // Every colour (or shape) is taken: the first free pair from the preferred one.
      const pair = firstFree(preferredColor * shapes + preferredShape, colors * shapes, (p) => usedPairs.has(p)) ?? preferredColor * shapes + preferredShape;
      color = Math.floor(pair / shapes);
      shape = pair % shapes;
    }
    usedColors.add(color);
    usedShapes.add(shape);
    usedPairs.add(color * shapes + shape);
    styles.set(id, { ...paletteStyle(color, shape), colorIndex: color, shapeIndex: shape });
  }
  return styles;
}

/** A centre's style, or a neutral one for an id the map does not know (never expected). */
export function styleOf(styles: ReadonlyMap<string, CentreStyle>, centreId: string): CentreStyle {
  return styles.get(centreId) ?? { ...paletteStyle(6, 0), colorIndex: 6, shapeIndex: 0 };
}
