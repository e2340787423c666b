import { describe, expect, it } from 'vitest';
import { compareRounds, type ScoredRound } from '@/domain/comparison';
import {
  compareVersions,
  findInstrument,
  hasDifferences,
  instrumentDifferences,
  instrumentKey,
  roundInstrumentRef,
  sameInstrument,
  sortInstruments,
} from '@/domain/instruments';
import { parseInstrument } from '@/domain/instrument';
import { createCentre, createRound } from '@/domain/records';
import { scoreRound } from '@/domain/scoring';
import type { Instrument } from '@/domain/types';
import defaultInstrumentJson from '@/instrument/default-instrument.json';
import { answerLookup, reflectionLookup } from '../../fixtures/instruments';
import { networkVersion } from '../../fixtures/localItems';
import { centreInput, roundInput } from '../../fixtures/records';

/** Instrument versions: identified by id and version, kept by each round, compared by goal and item id. */

const shipped = parseInstrument(defaultInstrumentJson);
const network = networkVersion(shipped, '1.1.0');
const removedItem = shipped.goals[0]?.items[0]?.id ?? '';
const rewordedItem = shipped.goals[1]?.items[0]?.id ?? '';

describe('instrument identity', () => {
  it('is the id and the version together', () => {
    expect(instrumentKey(shipped)).toBe(`${shipped.id}@${shipped.version}`);
    expect(instrumentKey(network)).not.toBe(instrumentKey(shipped));
    expect(findInstrument([shipped, network], { id: shipped.id, version: '1.1.0' })).toBe(network);
    expect(findInstrument([shipped, network], { id: shipped.id, version: '2.0.0' })).toBeUndefined();
    expect(findInstrument([shipped, network], { id: 'annat', version: shipped.version })).toBeUndefined();
  });

  it('is what a new round keeps: the instrument version it is answered with', () => {
    const centre = createCentre(centreInput());
    const round = createRound(centre.id, roundInput(), network);
    expect(roundInstrumentRef(round)).toEqual({ id: network.id, version: '1.1.0' });
    expect(findInstrument([shipped, network], roundInstrumentRef(round))).toBe(network);
  });

  it('tells a second copy of a version from a changed one', () => {
    expect(sameInstrument(shipped, parseInstrument(JSON.parse(JSON.stringify(defaultInstrumentJson)) as unknown))).toBe(true);
    expect(sameInstrument(shipped, { ...shipped, title: { ...shipped.title, sv: 'Ändrad' } })).toBe(false);
  });
});

describe('versions', () => {
  it.each([
    ['1.0.0', '1.0.0', 0],
    ['1.0.1', '1.0.0', 1],
    ['1.9.0', '1.10.0', -1],
    ['2.0.0', '1.99.99', 1],
    ['0.0.9', '0.1.0', -1],
  ])('%s against %s is %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
    expect(compareVersions(b, a)).toBe(-expected || 0);
  });

  it('sorts instruments by id as first seen, newest version first within an id', () => {
    const other: Instrument = { ...shipped, id: 'region-vast', version: '1.0.0' };
    const v110 = network;
    const v1100 = { ...network, version: '1.10.0' };
    expect(sortInstruments([shipped, other, v110, v1100]).map(instrumentKey)).toEqual([
      `${shipped.id}@1.10.0`,
      `${shipped.id}@1.1.0`,
      `${shipped.id}@1.0.0`,
      'region-vast@1.0.0',
    ]);
  });
});

describe('differences between two versions', () => {
  it('lists the statements added, removed and reworded, by id', () => {
    const differences = instrumentDifferences(shipped, network);
    expect(differences).toEqual({
      addedGoals: [],
      removedGoals: [],
      addedItems: ['network-extra'],
      removedItems: [removedItem],
      rewordedItems: [rewordedItem],
      scaleChanged: false,
    });
    expect(hasDifferences(differences)).toBe(true);
  });

  it('is nothing for the same instrument, whatever its version number', () => {
    const differences = instrumentDifferences(shipped, { ...shipped, version: '1.0.1' });
    expect(hasDifferences(differences)).toBe(false);
  });

  it('notices goals added and removed, and a scale with other steps', () => {
    const [first, ...rest] = shipped.goals;
    if (!first) throw new Error('fixture');
    const changed: Instrument = {
      ...shipped,
      goals: [...rest, { ...first, id: 'goal-6', number: 6, items: [{ id: 'g6-new', statement: { sv: 'Nytt', en: 'New' } }] }],
      scale: { levels: shipped.scale.levels.slice(0, 3) },
    };
    const differences = instrumentDifferences(shipped, changed);
    expect(differences.addedGoals).toEqual(['goal-6']);
    expect(differences.removedGoals).toEqual(['goal-1']);
    expect(differences.removedItems).toEqual(first.items.map((item) => item.id));
    expect(differences.addedItems).toEqual(['g6-new']);
    expect(differences.scaleChanged).toBe(true);
  });
});

describe('comparing rounds answered with different versions', () => {
  const everything = (instrument: Instrument, value: number) =>
    answerLookup(Object.fromEntries(instrument.goals.flatMap((goal) => goal.items.map((item) => [item.id, value]))));
  const scored = (roundId: string, date: string, instrument: Instrument, value: number): ScoredRound => ({
    roundId,
    title: roundId,
    period: '',
    date,
    scores: scoreRound(instrument, everything(instrument, value), reflectionLookup()),
  });
  // Spring with the shipped version, autumn with the network's: each scored with its own version.
  const spring = scored('spring', '2026-03-01', shipped, 2);
  const autumn = scored('autumn', '2026-10-01', network, 3);
  const comparison = compareRounds(network, [autumn, spring]);

  it('scores each round with its own version: the removed item counts in spring, the new one in autumn', () => {
    expect(spring.scores.items.has(removedItem)).toBe(true);
    expect(spring.scores.items.has('network-extra')).toBe(false);
    expect(autumn.scores.items.has('network-extra')).toBe(true);
    expect(autumn.scores.items.has(removedItem)).toBe(false);
  });

  it('matches goals by id, so every goal has a change', () => {
    expect(comparison.goals.map((goal) => goal.goalId)).toEqual(network.goals.map((goal) => goal.id));
    expect(comparison.goals.every((goal) => goal.change === 1)).toBe(true);
  });

  it('matches items by id: a kept item (reworded or not) has both values, a new one only the newest', () => {
    const item = (id: string) => comparison.items.find((entry) => entry.itemId === id);
    expect(item(rewordedItem)?.values).toEqual([2, 3]);
    expect(item(rewordedItem)?.change).toBe(1);
    expect(item('network-extra')?.values).toEqual([null, 3]);
    expect(item('network-extra')?.change).toBeNull();
    // Shown in the newest round's version: the removed item is not listed.
    expect(item(removedItem)).toBeUndefined();
  });

  it('in the older version instead, the removed item has only its old value and the new one is not listed', () => {
    const older = compareRounds(shipped, [spring, autumn]);
    expect(older.items.find((entry) => entry.itemId === removedItem)?.values).toEqual([2, null]);
    expect(older.items.some((entry) => entry.itemId === 'network-extra')).toBe(false);
  });
});
