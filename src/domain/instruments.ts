import { canonicalJson as canonical } from './canonical';
import type { Instrument, InstrumentItem } from './types';

/**
 * Several instruments can live on one device: the one shipped with the app and those a network
 * loads as files. An instrument is identified by id and version together; a version, once in use,
 * never changes (rounds keep the version they were answered with). Rounds answered with different
 * versions are compared on the goal and item ids they share.
 */

export interface InstrumentRef {
  readonly id: string;
  readonly version: string;
}

export function instrumentKey(ref: InstrumentRef): string {
  return `${ref.id}@${ref.version}`;
}

export function roundInstrumentRef(round: { instrumentId: string; instrumentVersion: string }): InstrumentRef {
  return { id: round.instrumentId, version: round.instrumentVersion };
}

export function findInstrument(instruments: readonly Instrument[], ref: InstrumentRef): Instrument | undefined {
  return instruments.find((instrument) => instrument.id === ref.id && instrument.version === ref.version);
}

/** Orders "1.10.0" after "1.9.0": numerically, part by part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** The same id and version with the same content: a second copy of one instrument, not a clash. */
export function sameInstrument(a: Instrument, b: Instrument): boolean {
  return canonical(a) === canonical(b);
}

/** Instruments by id, newest version first within an id; ids in the order first seen. */
export function sortInstruments(instruments: readonly Instrument[]): Instrument[] {
  const order = new Map<string, number>();
  instruments.forEach((instrument) => {
    if (!order.has(instrument.id)) order.set(instrument.id, order.size);
  });
  return [...instruments].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0) || compareVersions(b.version, a.version));
}

export interface InstrumentDifferences {
  readonly addedGoals: readonly string[];
  readonly removedGoals: readonly string[];
  readonly addedItems: readonly string[];
  readonly removedItems: readonly string[];
  /** Items kept by id whose Swedish statement changed: worth a look before comparing rounds. */
  readonly rewordedItems: readonly string[];
  readonly scaleChanged: boolean;
}

function itemsById(instrument: Instrument): Map<string, InstrumentItem> {
  return new Map(instrument.goals.flatMap((goal) => goal.items.map((item) => [item.id, item] as const)));
}

/** What changes for comparisons when rounds move from one instrument to another. */
export function instrumentDifferences(from: Instrument, to: Instrument): InstrumentDifferences {
  const fromGoals = new Set(from.goals.map((goal) => goal.id));
  const toGoals = new Set(to.goals.map((goal) => goal.id));
  const fromItems = itemsById(from);
  const toItems = itemsById(to);
  return {
    addedGoals: [...toGoals].filter((id) => !fromGoals.has(id)),
    removedGoals: [...fromGoals].filter((id) => !toGoals.has(id)),
    addedItems: [...toItems.keys()].filter((id) => !fromItems.has(id)),
    removedItems: [...fromItems.keys()].filter((id) => !toItems.has(id)),
    rewordedItems: [...toItems.entries()].filter(([id, item]) => {
      const before = fromItems.get(id);
      return before !== undefined && before.statement.sv !== item.statement.sv;
    }).map(([id]) => id),
    scaleChanged: canonical(from.scale.levels.map((level) => level.value)) !== canonical(to.scale.levels.map((level) => level.value)),
  };
}

export function hasDifferences(differences: InstrumentDifferences): boolean {
  return (
    differences.addedGoals.length + differences.removedGoals.length + differences.addedItems.length +
      differences.removedItems.length + differences.rewordedItems.length > 0 || differences.scaleChanged
  );
}
