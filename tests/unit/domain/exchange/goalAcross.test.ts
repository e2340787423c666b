import { describe, expect, it } from 'vitest';
import { centreRows, listPeriods, scoreCentres, sortCentreRows } from '@/domain/exchange/centres';
import { readGoalAcrossCentres } from '@/domain/exchange/goalAcross';
import { centreFile } from '../../../fixtures/centreFiles';
import { sayAboutGoal } from '../../../fixtures/goalReading';
import { stageInstrument as instrument } from '../../../fixtures/scores';

/**
 * Three centres on goal 3 in VT 2026: Östberga said much (reflection, two actions, an own statement,
 * notes on g3-1 and g3-4), Alby only a reflection (and its autumn round said something else),
 * Fittja has no round in the period.
 */
const ostberga = sayAboutGoal(
  centreFile(instrument, { name: 'Östberga', rounds: [{ date: '2026-04-02', period: 'VT 2026', ratings: { 'goal-3': [3, 3, 2, 2] } }] }),
  0,
  'goal-3',
  {
    reflection: 'Vi delar lokal med öppna förskolan\nmen inte med BVC.',
    actions: [
      { what: 'Gemensam fikarast', who: 'BVC', due: '2026-06-30', status: 'ongoing' },
      { what: 'Skylt vid entrén', status: 'done' },
    ],
    own: [
      { text: 'Vi har ett gemensamt väntrum', value: 2 },
      { text: 'Ett påstående som ingen längre frågar', value: null, retired: true },
    ],
    notes: { 'g3-4': 'Anteckning om fyra', 'g3-1': 'Anteckning om ett', 'g1-1': 'Fel mål' },
  },
);
const alby = centreFile(instrument, {
  name: 'Alby',
  rounds: [
    { date: '2025-10-01', period: 'HT 2025', ratings: { 'goal-3': [1, 1, 1, 1] } },
    { date: '2026-03-15', period: 'VT 2026', ratings: { 'goal-3': [4, 4, 4, 4] } },
  ],
});
sayAboutGoal(alby, 0, 'goal-3', { reflection: 'Hösten: ingenting än' });
sayAboutGoal(alby, 1, 'goal-3', { reflection: 'Nu sitter vi ihop' });
const fittja = centreFile(instrument, { name: 'Fittja', rounds: [{ date: '2025-11-01', period: 'HT 2025', ratings: { 'goal-3': [2, 2, 2, 2] } }] });

const files = [ostberga, alby, fittja];
const scored = scoreCentres(files.map((file) => ({ file })), [instrument]);
const periods = listPeriods(scored);
const goal3 = instrument.goals.find((goal) => goal.id === 'goal-3');
if (!goal3) throw new Error('no goal-3');
const byId = new Map(files.map((file) => [file.centre.id, file]));

describe('what the centres say about one goal', () => {
  const reading = readGoalAcrossCentres(centreRows(scored, 'VT 2026', periods), byId, goal3);

  it('reads every centre in name order, with no round where the period has none', () => {
    expect(reading.map((centre) => centre.name)).toEqual(['Alby', 'Fittja', 'Östberga']);
    expect(reading[1]?.round).toBeNull();
  });

  it('keeps name order even when the table is sorted by a score', () => {
    const sorted = sortCentreRows(centreRows(scored, 'VT 2026', periods), { by: 'score', measure: { kind: 'goal', goalId: 'goal-3' }, direction: 'asc' });
    expect(readGoalAcrossCentres(sorted, byId, goal3).map((centre) => centre.name)).toEqual(['Alby', 'Fittja', 'Östberga']);
  });

  it('takes the reflection of the period’s round, not an earlier one', () => {
    expect(reading[0]?.round?.reflection).toBe('Nu sitter vi ihop');
    expect(reading[0]?.round?.score?.mean).toBe(4);
  });

  it('gives a centre’s actions with what, who, when and status, its own statements with their answers, and the goal’s notes in order', () => {
    const round = reading[2]?.round;
    expect(round?.reflection).toBe('Vi delar lokal med öppna förskolan\nmen inte med BVC.');
    expect(round?.score?.mean).toBe(2.5);
    expect(round?.actions.map(({ what, who, due, status }) => ({ what, who, due, status }))).toEqual([
      { what: 'Gemensam fikarast', who: 'BVC', due: '2026-06-30', status: 'ongoing' },
      { what: 'Skylt vid entrén', who: '', due: '', status: 'done' },
    ]);
    // The retired statement was not answered in this round, so it is not shown.
    expect(round?.ownStatements.map(({ text, value }) => ({ text, value }))).toEqual([{ text: 'Vi har ett gemensamt väntrum', value: 2 }]);
    expect(round?.notes).toEqual([
      { itemId: 'g3-1', note: 'Anteckning om ett' },
      { itemId: 'g3-4', note: 'Anteckning om fyra' },
    ]);
  });
});
