// Generated export files for the benchmarks: realistic shape, deterministic content.
import { readFileSync } from 'node:fs';

const instrument = JSON.parse(readFileSync(new URL('../src/instrument/default-instrument.json', import.meta.url), 'utf8'));
const itemIds = instrument.goals.flatMap((goal) => goal.items.map((item) => item.id));
const goalIds = instrument.goals.map((goal) => goal.id);

let seed = 1;
function uuid() {
  // Deterministic v4-shaped ids (a benchmark needs no randomness).
  seed += 1;
  const hex = (seed * 2654435761 >>> 0).toString(16).padStart(8, '0') + seed.toString(16).padStart(24, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const NOTE = 'Vi har diskuterat detta i arbetsgruppen och kommit fram till att samverkan fungerar bättre än förra terminen, men att det fortfarande saknas en gemensam rutin. ';

/** One centre's export with `rounds` rounds; `noteLength` characters of note per answer. */
export function exportFile({ name, rounds, noteLength = 0, exportedAt = '2026-11-01T10:00:00.000Z' }) {
  const centreId = uuid();
  const file = {
    format: 'familjecentral-export',
    formatVersion: 2,
    exportedAt,
    app: { name: 'familjecentral-sjalvvardering', version: 'bench' },
    instruments: [{ id: instrument.id, version: instrument.version }],
    centre: { id: centreId, name, municipality: 'Stockholm', district: name, services: ['bmm', 'bvc', 'openPreschool', 'socialServices'], otherServices: '', coLocation: 'near', createdAt: exportedAt, updatedAt: exportedAt },
    rounds: [],
    answers: [],
    reflections: [],
    actions: [],
    ratings: [],
  };
  for (let r = 0; r < rounds; r++) {
    // Five days apart from 2000 on: thousands of rounds stay within the years an import accepts (2000–2100).
    const date = new Date(Date.UTC(2000, 0, 1) + r * 5 * 86_400_000).toISOString().slice(0, 10);
    const roundId = uuid();
    file.rounds.push({ id: roundId, centreId, title: `Avstämning ${r + 1}`, date, period: `${date.slice(5, 7) < '07' ? 'VT' : 'HT'} ${date.slice(0, 4)}`, participants: [{ id: uuid(), name: 'Anna', role: 'BVC' }], instrumentId: instrument.id, instrumentVersion: instrument.version, status: 'complete', completedAt: exportedAt, createdAt: exportedAt, updatedAt: exportedAt });
    itemIds.forEach((itemId, i) => {
      file.answers.push({ id: uuid(), roundId, itemId, value: 1 + ((i + r + name.length) % 4), note: NOTE.repeat(Math.ceil(noteLength / NOTE.length)).slice(0, noteLength), updatedAt: exportedAt });
    });
    goalIds.forEach((goalId) => file.reflections.push({ id: uuid(), roundId, goalId, notRelevant: false, note: 'Reflektion.', updatedAt: exportedAt }));
  }
  return file;
}

/** What the in-page seeding needs of the shipped instrument. */
export const instrumentInfo = { id: instrument.id, version: instrument.version, itemIds, goalIds };
