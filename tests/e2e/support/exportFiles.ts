import { readFileSync } from 'node:fs';
import type { ExportFile } from '../../../src/domain/exchange/format';
import type { AnswerValue, BaseService, CoLocation } from '../../../src/domain/types';

/**
 * Export files built by hand in the exact shape of ExportFile (src/domain/exchange/format.ts), for
 * journeys that start from files a centre has sent: UUIDs from crypto.randomUUID, the shipped
 * instrument's item ids, ISO timestamps.
 */

interface InstrumentFile {
  id: string;
  version: string;
  goals: { id: string; items: { id: string }[] }[];
}

export const instrument = JSON.parse(
  readFileSync(new URL('../../../src/instrument/default-instrument.json', import.meta.url), 'utf8'),
) as InstrumentFile;

export interface RoundSpec {
  title: string;
  date: string;
  period: string;
  /** Ratings per goal id, in the goal's item order; goals left out stay unanswered. */
  ratings: Partial<Record<string, readonly (AnswerValue | null)[]>>;
  /** Goals the group marked not relevant this round. */
  skipped?: readonly string[];
}

export interface CentreSpec {
  name: string;
  municipality?: string;
  district?: string;
  services: readonly BaseService[];
  coLocation: CoLocation;
  exportedAt: string;
  /** The same centre in another file (an older or newer export). */
  centreId?: string;
  rounds: readonly RoundSpec[];
}

/**
 * A file as format version 1 wrote it: before action plans and individual ratings. The app still
 * reads these (src/domain/exchange/upgrade.ts), so journeys can start from an old file on purpose.
 */
export type ExportFileV1 = Omit<ExportFile, 'formatVersion' | 'actions' | 'ratings'> & { formatVersion: 1 };

const STAMP = '2026-01-12T08:00:00.000Z';

/** Every item of a goal with the same rating. */
export function allItems(value: AnswerValue): AnswerValue[] {
  return Array.from({ length: 7 }, () => value);
}

export function exportFile(spec: CentreSpec): ExportFile {
  const centreId = spec.centreId ?? crypto.randomUUID();
  const file: ExportFile = {
    format: 'familjecentral-export',
    formatVersion: 4,
    exportedAt: spec.exportedAt,
    app: { name: 'familjecentral-sjalvvardering', version: '0.1.0' },
    instruments: [{ id: instrument.id, version: instrument.version }],
    centre: {
      id: centreId,
      name: spec.name,
      municipality: spec.municipality ?? 'Botkyrka',
      district: spec.district ?? '',
      services: [...spec.services],
      otherServices: '',
      coLocation: spec.coLocation,
      createdAt: STAMP,
      updatedAt: STAMP,
    },
    rounds: [],
    answers: [],
    reflections: [],
    actions: [],
    ratings: [],
    localItems: [],
    instrumentDefinitions: [],
    audience: 'backup',
    ratingSpread: [],
    handIns: [],
    projectPlans: [],
    yearlyReports: [],
  };
  for (const round of spec.rounds) {
    const roundId = crypto.randomUUID();
    file.rounds.push({
      id: roundId,
      centreId,
      title: round.title,
      date: round.date,
      period: round.period,
      participants: [{ id: crypto.randomUUID(), name: 'Anna', role: 'bvc' }],
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      status: 'complete',
      completedAt: `${round.date}T15:00:00.000Z`,
      createdAt: `${round.date}T09:00:00.000Z`,
      updatedAt: `${round.date}T15:00:00.000Z`,
    });
    for (const goal of instrument.goals) {
      const ratings = round.ratings[goal.id] ?? [];
      ratings.forEach((value, index) => {
        const item = goal.items[index];
        if (!item) throw new Error(`${goal.id} has no item ${String(index + 1)}`);
        file.answers.push({ id: crypto.randomUUID(), roundId, itemId: item.id, value, note: '', updatedAt: `${round.date}T12:00:00.000Z` });
      });
      file.reflections.push({
        id: crypto.randomUUID(),
        roundId,
        goalId: goal.id,
        notRelevant: round.skipped?.includes(goal.id) ?? false,
        note: '',
        updatedAt: `${round.date}T12:00:00.000Z`,
      });
    }
  }
  return file;
}

/** The same file as an app of format version 1 exported it (no `actions`, no `ratings`). */
export function asVersion1(file: ExportFile): ExportFileV1 {
  const { formatVersion: _version, actions: _actions, ratings: _ratings, ...rest } = file;
  return { ...rest, formatVersion: 1 };
}

/** What Playwright's setInputFiles takes. */
export function asUpload(name: string, content: ExportFile | ExportFileV1 | string): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'application/json', buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content, null, 2), 'utf8') };
}
