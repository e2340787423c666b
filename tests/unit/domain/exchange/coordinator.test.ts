import { describe, expect, it } from 'vitest';
import { forCoordinator, ratingSpread } from '@/domain/exchange/coordinator';
import type { ExportFile } from '@/domain/exchange/format';
import { parseExportText } from '@/domain/exchange/schema';
import { parseInstrument } from '@/domain/instrument';
import defaultInstrumentJson from '@/instrument/default-instrument.json';
import v4Text from '../../../fixtures/exports/export-v4.json?raw';

const instruments = [parseInstrument(defaultInstrumentJson)];

function backup(): ExportFile {
  const result = parseExportText(v4Text, instruments);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const file = result.file;
  const [round] = file.rounds;
  const [person] = round?.participants ?? [];
  const [action] = file.actions;
  if (!person || !action) throw new Error('fixture');
  // An action the group gave to a person by name ("Åsa Öberg"), as groups do.
  return { ...file, actions: [{ ...action, who: ` ${person.name.toUpperCase()} ` }, ...file.actions.slice(1)] };
}

const names = (file: ExportFile) => [...new Set(file.rounds.flatMap((round) => round.participants.map((p) => p.name)).filter((name) => name !== ''))];

describe('the file for the coordinator', () => {
  it('contains none of the participants’ names anywhere, while the backup contains each', () => {
    const file = backup();
    expect(names(file).length).toBeGreaterThan(2);
    const backupText = JSON.stringify(file);
    const text = JSON.stringify(forCoordinator(file));
    for (const name of names(file)) {
      expect(backupText).toContain(name);
      expect(text).not.toContain(name);
    }
  });

  it('keeps each participant’s role, and an action given to a participant by name names the role', () => {
    const file = backup();
    const out = forCoordinator(file);
    expect(out.audience).toBe('coordinator');
    expect(out.rounds.map((r) => r.participants.map((p) => p.role))).toEqual(file.rounds.map((r) => r.participants.map((p) => p.role)));
    expect(out.actions[0]?.who).toBe(file.rounds[0]?.participants[0]?.role);
    // A service that is nobody's name stays as it was.
    expect(out.actions.slice(1).map((a) => a.who)).toEqual(file.actions.slice(1).map((a) => a.who));
  });

  it('carries the ratings only as their spread per statement, with no participant ids', () => {
    const file = backup();
    const out = forCoordinator(file);
    expect(out.ratings).toEqual([]);
    expect(JSON.stringify(out.ratingSpread)).not.toContain('participant');
    const counted = out.ratingSpread.reduce((sum, spread) => sum + Object.values(spread.counts).reduce((a, b) => a + b, 0), 0);
    expect(counted).toBe(file.ratings.filter((rating) => rating.value !== null).length);
    for (const participantId of file.ratings.map((rating) => rating.participantId)) expect(JSON.stringify(out.ratingSpread)).not.toContain(participantId);
  });

  it('counts per value: two 3s, one "dont-know", an unset rating not at all', () => {
    const r = (participantId: string, value: 3 | 'dont-know' | null) => ({ id: participantId, roundId: 'r', itemId: 'g1-open-to-all', participantId, value, updatedAt: '2026-01-01T00:00:00.000Z' });
    expect(ratingSpread([r('a', 3), r('b', 3), r('c', 'dont-know'), r('d', null)])).toEqual([{ roundId: 'r', itemId: 'g1-open-to-all', counts: { '3': 2, 'dont-know': 1 } }]);
  });

  it('keeps the hand-ins intact and is a valid format-4 file', () => {
    const file = backup();
    const out = forCoordinator(file);
    expect(out.handIns).toEqual(file.handIns);
    const reread = parseExportText(JSON.stringify(out), instruments);
    expect(reread.ok ? [] : reread.problems).toEqual([]);
  });
});
