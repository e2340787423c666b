import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExport, EXPORT_FORMAT_VERSION, type ExportFile } from '@/domain/exchange/format';
import { parseExportText } from '@/domain/exchange/schema';
import { UPGRADES } from '@/domain/exchange/upgrade';
import { parseInstrument } from '@/domain/instrument';
import { withStatus } from '@/domain/actions';
import { sealHandIn } from '@/domain/cycle/handIn';
import type { Repository } from '../../../fixtures/repository';
import { createHandInRepository } from '@/db/handIns';
import defaultInstrumentJson from '@/instrument/default-instrument.json';
import { freshDatabase } from '../../../fixtures/database';
import v3Text from '../../../fixtures/exports/export-v3.json?raw';
import v4Text from '../../../fixtures/exports/export-v4.json?raw';

const instrument = parseInstrument(defaultInstrumentJson);
const instruments = [instrument];
const shippedKeys = [`${instrument.id}@${instrument.version}`];

async function exportOf(repo: Repository, centreId: string, exportedAt: string): Promise<ExportFile> {
  const source = await repo.exportSource(centreId);
  if (!source) throw new Error(`no centre ${centreId}`);
  return buildExport(source, 'test', exportedAt);
}

function parsed(text: string): ExportFile {
  const result = parseExportText(text, instruments);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.file;
}

/**
 * The v4 fixture: the v3 fixture's records, upgraded and imported, then the cycle on top through
 * the repository (a review in October, a sealed May check-in, a plan and a report). Written once with
 * WRITE_EXPORT_FIXTURES=1 and committed; never regenerated once the format has moved on.
 */
async function buildFixture(): Promise<ExportFile> {
  const { db, repo } = freshDatabase();
  const file = parsed(v3Text);
  await repo.importFile(file, shippedKeys, '2026-05-15T09:00:00.000Z');
  const spring = file.rounds.find((round) => round.date.startsWith('2026-0'));
  if (!spring) throw new Error('no spring round');
  const later = file.rounds[file.rounds.length - 1];
  const handIn = await createHandInRepository(db).sealHandIn(spring.id, 'check-in-spring', { shipped: instruments, year: 2026, now: '2026-05-15T11:00:00.000Z' });
  if (!handIn) throw new Error('not sealed');
  const [first] = await repo.listActions(spring.id);
  if (first && later) await repo.putAction(withStatus(first, first.status === 'done' ? 'ongoing' : 'done', '2026-10-14T09:20:00.000Z', later.id));
  const centreId = file.centre.id;
  await db.projectPlans.put({
    id: '5e5e5e5e-0001-4000-8000-000000000001',
    centreId,
    year: 2026,
    goalsInFocus: ['goal-2', 'goal-1'],
    goalNotes: { 'goal-2': 'Samverkan med socialtjänsten – ”en väg in”.' },
    targets: [
      { id: 'target-1', goalId: 'goal-2', itemId: 'g2-working-group', level: 4, startLevel: 2, by: '2026-12-31', services: ['BVC', 'Socialtjänsten'], actionIds: first ? [first.id] : [] },
    ],
    summary: 'Fokus på samverkan och föräldrastöd.',
    createdAt: '2026-03-20T08:00:00.000Z',
    updatedAt: '2026-03-28T08:00:00.000Z',
  });
  await db.yearlyReports.put({
    id: '5e5e5e5e-0002-4000-8000-000000000002',
    centreId,
    year: 2026,
    achieved: { 'goal-2': 'Arbetsgruppen träffas varje månad.' },
    nextYear: { goalsInFocus: ['goal-3'], actions: [{ id: 'planned-1', goalId: 'goal-3', what: 'Språkcafé för föräldrar', who: 'Öppna förskolan', when: 'VT 2027' }], costs: 'Tolk 12 tillfällen à 1 500 kr.' },
    createdAt: '2026-10-20T08:00:00.000Z',
    updatedAt: '2026-10-30T08:00:00.000Z',
  });
  const exported = await exportOf(repo, centreId, '2026-10-31T12:00:00.000Z');
  return { ...exported, app: { ...exported.app, version: '0.1.0' } };
}

describe('export format 4', () => {
  it.runIf(process.env.WRITE_EXPORT_FIXTURES === '1')('writes tests/fixtures/exports/export-v4.json', async () => {
    expect(EXPORT_FORMAT_VERSION).toBe(4);
    writeFileSync(resolve(process.cwd(), 'tests/fixtures/exports/export-v4.json'), `${JSON.stringify(await buildFixture(), null, 2)}\n`);
  });

  it('the v4 fixture has every new kind: a sealed hand-in, a plan, a report and an action with two statuses', () => {
    const raw = JSON.parse(v4Text) as ExportFile;
    expect(raw.formatVersion).toBe(4);
    expect(raw.audience).toBe('backup');
    expect(raw.handIns).toHaveLength(1);
    expect(raw.handIns[0]?.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(raw.projectPlans).toHaveLength(1);
    expect(raw.yearlyReports).toHaveLength(1);
    expect(raw.actions.some((action) => action.statusHistory.length === 2)).toBe(true);
  });

  it('parses exactly as written and re-exports the same content after an import into an empty device', async () => {
    const file = parsed(v4Text);
    expect(file).toStrictEqual(JSON.parse(v4Text));
    const { db, repo } = freshDatabase();
    const plan = await repo.importFile(file, shippedKeys);
    expect(plan.collisions).toEqual([]);
    expect(plan.countsByKind.handIn).toEqual({ add: 1, update: 0, skip: 0 });
    expect(await db.handIns.count()).toBe(1);
    const again = await exportOf(repo, file.centre.id, file.exportedAt);
    expect({ ...again, app: file.app }).toStrictEqual(file);
  });

  it('refuses a file whose hand-in was changed after sealing, naming the hand-in', () => {
    const raw = JSON.parse(v4Text) as { handIns: { document: { centre: { name: string } } }[] };
    const handIn = raw.handIns[0];
    if (!handIn) throw new Error('no hand-in');
    handIn.document.centre.name = 'Någon annan';
    const result = parseExportText(JSON.stringify(raw), instruments);
    expect(result.ok ? [] : result.problems).toEqual([{ code: 'tamperedHandIn', path: 'handIns[0].hash', detail: 'check-in-spring 2026 #1' }]);
  });

  it('upgrades a v3 file: each action gets its status as its history, the new lists are empty, it is a backup', () => {
    const v3 = JSON.parse(v3Text) as Record<string, unknown> & { actions: { status: string; updatedAt: string; roundId: string }[] };
    const upgraded = UPGRADES[3]?.(v3);
    expect(upgraded).toEqual({
      ...v3,
      actions: v3.actions.map((action) => ({ ...action, statusHistory: [{ status: action.status, at: action.updatedAt, roundId: action.roundId }] })),
      audience: 'backup',
      ratingSpread: [],
      handIns: [],
      projectPlans: [],
      yearlyReports: [],
    });
    const result = parseExportText(v3Text, instruments);
    expect(result).toMatchObject({ ok: true, upgradedFrom: 3 });
  });
});

describe('importing hand-ins', () => {
  it('adds a hand-in once: the same file again is a skip, and a device that holds it keeps it as sealed', async () => {
    const file = parsed(v4Text);
    const { db, repo } = freshDatabase();
    await repo.importFile(file, shippedKeys);
    const second = await repo.importFile(file, shippedKeys);
    expect(second.countsByKind.handIn).toEqual({ add: 0, update: 0, skip: 1 });
    expect(second.collisions).toEqual([]);
    expect(await db.handIns.toArray()).toEqual(file.handIns);
  });

  it('refuses a different hand-in under an id the device holds, and writes nothing of the file', async () => {
    const file = parsed(v4Text);
    const { db, repo } = freshDatabase();
    await repo.importFile(file, shippedKeys);
    const original = file.handIns[0];
    if (!original) throw new Error('no hand-in');
    // A genuine seal of other content, under the same id: valid on its own, but not the hand-in the device has.
    const other = sealHandIn({ ...original.document, centre: { ...original.document.centre, name: 'Ändrad' } }, { ...original, id: original.id });
    const changed: ExportFile = { ...file, centre: { ...file.centre, name: 'Nytt namn', updatedAt: '2027-01-01T00:00:00.000Z' }, handIns: [other] };
    const plan = await repo.importFile(parsed(JSON.stringify(changed)), shippedKeys);
    expect(plan.collisions).toEqual([{ kind: 'handIn', id: original.id, path: 'handIns[0].id', owner: 'sealed', ownerName: 'check-in-spring 2026 #1' }]);
    expect(await db.handIns.toArray()).toEqual(file.handIns);
    expect((await db.centres.get(file.centre.id))?.name).toBe(file.centre.name);
  });

  it('refuses a hand-in whose id the device holds for another centre', async () => {
    const file = parsed(v4Text);
    const { repo } = freshDatabase();
    await repo.importFile(file, shippedKeys);
    const otherCentre = '0c0c0c0c-0000-4000-8000-000000000001';
    const moved: ExportFile = {
      ...file,
      centre: { ...file.centre, id: otherCentre, name: 'Familjecentralen Alby' },
      rounds: [],
      answers: [],
      reflections: [],
      actions: [],
      ratings: [],
      localItems: [],
      projectPlans: [],
      yearlyReports: [],
      handIns: file.handIns.map((handIn) => ({ ...handIn, centreId: otherCentre })),
    };
    const plan = await repo.previewImport(moved, shippedKeys);
    expect(plan.collisions).toEqual([{ kind: 'handIn', id: file.handIns[0]?.id, path: 'handIns[0].id', owner: 'otherCentre', ownerName: file.centre.name }]);
  });

  it('merges an action’s history: a review on either device is kept', async () => {
    const file = parsed(v4Text);
    const { db, repo } = freshDatabase();
    await repo.importFile(file, shippedKeys);
    const withTwo = file.actions.find((action) => action.statusHistory.length === 2);
    if (!withTwo) throw new Error('no reviewed action');
    // The device knew only the first status; the file brings the review.
    const [before] = withTwo.statusHistory;
    if (!before) throw new Error('no history');
    await db.actions.put({ ...withTwo, status: before.status, statusHistory: [before], updatedAt: before.at });
    await repo.importFile(file, shippedKeys);
    expect((await db.actions.get(withTwo.id))?.statusHistory).toEqual(withTwo.statusHistory);
  });
});
