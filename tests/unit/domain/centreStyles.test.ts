import { describe, expect, it } from 'vitest';
import { OKABE_ITO, POINT_STYLES } from '@/domain/charts';
import { centreStyles, styleOf } from '@/domain/centreStyles';

const ids = (count: number, seed = 'c'): string[] =>
  Array.from({ length: count }, (_unused, i) => `${seed}-${String(i).padStart(3, '0')}-4f1e-9a2b-${String(i * 7919).padStart(12, '0')}`);

const pair = (style: { color: string; pointStyle: string }) => `${style.color}/${style.pointStyle}`;

describe('one colour and marker per centre', () => {
  it('gives each of up to eight centres its own colour and its own shape', () => {
    const styles = centreStyles(ids(8));
    const all = [...styles.values()];
    expect(new Set(all.map((style) => style.color)).size).toBe(8);
    expect(new Set(all.map((style) => style.pointStyle)).size).toBe(8);
    for (const style of all) {
      expect(OKABE_ITO).toContain(style.color);
      expect(POINT_STYLES).toContain(style.pointStyle);
    }
  });

  it('never gives two centres of one workspace the same colour and shape, up to 64 centres', () => {
    const styles = centreStyles(ids(64));
    expect(new Set([...styles.values()].map(pair)).size).toBe(64);
  });

  it('does not depend on the order the centres come in', () => {
    const list = ids(6);
    const forward = centreStyles(list);
    const backward = centreStyles([...list].reverse());
    for (const id of list) expect(pair(styleOf(backward, id))).toBe(pair(styleOf(forward, id)));
  });

  it('is the same on every call for the same workspace, and ignores repeated ids', () => {
    const list = ids(5);
    expect([...centreStyles([...list, list[0] ?? '']).entries()].map(([id, style]) => [id, pair(style)])).toEqual(
      [...centreStyles(list).entries()].map(([id, style]) => [id, pair(style)]),
    );
  });

  it('takes a lone centre’s colour and shape from its id, not from its place', () => {
    const [a = '', b = ''] = ids(2, 'x');
    expect(pair(styleOf(centreStyles([a]), a))).toBe(pair(styleOf(centreStyles([a]), a)));
    // Two different ids alone in a workspace are not forced onto the first colour.
    const firstOfEach = new Set(ids(20, 'y').map((id) => styleOf(centreStyles([id]), id).color));
    expect(firstOfEach.size).toBeGreaterThan(1);
    expect(styleOf(centreStyles([a, b]), b)).toBeDefined();
  });

  it('resolves a collision stably: the smaller id keeps its preferred style, the other moves on', () => {
    // Find two ids that prefer the same colour when alone.
    const candidates = ids(40, 'z');
    const preferred = new Map<string, string>();
    let clash: [string, string] | undefined;
    for (const id of candidates) {
      const color = styleOf(centreStyles([id]), id).color;
      const other = preferred.get(color);
      if (other) {
        clash = [other, id];
        break;
      }
      preferred.set(color, id);
    }
    expect(clash).toBeDefined();
    const [first = '', second = ''] = [...(clash ?? [])].sort();
    const together = centreStyles([second, first]);
    expect(pair(styleOf(together, first))).toBe(pair(styleOf(centreStyles([first]), first)));
    expect(styleOf(together, second).color).not.toBe(styleOf(together, first).color);
  });
});
