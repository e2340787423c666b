import { describe, expect, it } from 'vitest';
import type { AppDatabase } from '@/db/database';
import type { Repository } from '../../../fixtures/repository';
import type { IdCollision, ImportPlan } from '@/domain/exchange/merge';
import { parseExportText } from '@/domain/exchange/schema';
import { parseInstrument } from '@/domain/instrument';
import defaultInstrumentJson from '@/instrument/default-instrument.json';
import fixtureText from '../../../fixtures/exports/export-v3.json?raw';
import { freshDatabase } from '../../../fixtures/database';

/**
 * A file may only touch records of the centre it imports. Centre A (Örby) is on the device; centre
 * B's file (Alby) has, in one table at a time, an id that is one of A's records' ids. The import
 * must refuse it, name what collided, and leave every table byte for byte as it was.
 */

const instruments = [parseInstrument(defaultInstrumentJson)];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g;
const A_NAME = 'Familjecentralen Örby';
const B_NAME = 'Familjecentralen Alby';

/** Centre B: the fixture with every id changed and another name. */
const bText = fixtureText.replace(UUID, (id) => `${id.startsWith('b') ? 'c' : 'b'}${id.slice(1)}`).replace(A_NAME, B_NAME);
const aFile = parsed(fixtureText);
const bFile = parsed(bText);

function parsed(text: string) {
  const result = parseExportText(text, instruments);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.file;
}

type Table = 'rounds' | 'answers' | 'reflections' | 'actions' | 'ratings' | 'localItems';
const KIND: Record<Table, IdCollision['kind']> = {
  rounds: 'round',
  answers: 'answer',
  reflections: 'reflection',
  actions: 'action',
  ratings: 'rating',
  localItems: 'localItem',
};
const TABLES = Object.keys(KIND) as Table[];

/** B's file with B's record `index` of `table` under A's id (and every reference to it following). */
function colliding(table: Table, index: number): { text: string; id: string } {
  const bRecord = bFile[table][index];
  const aRecord = aFile[table][index];
  if (!bRecord || !aRecord) throw new Error(`no ${table}[${String(index)}]`);
  return { text: bText.split(bRecord.id).join(aRecord.id), id: aRecord.id };
}

async function snapshot(db: AppDatabase): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of db.tables) {
    const rows: unknown[] = await table.toArray();
    out[table.name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return out;
}

/** What the app does: validate, preview, and import only when the preview shows no collision. */
async function importLikeTheApp(repo: Repository, text: string): Promise<{ preview: ImportPlan; imported: ImportPlan }> {
  const file = parsed(text);
  const preview = await repo.previewImport(file);
  // The repository refuses on its own too: import even when the preview said no, and see nothing written.
  const imported = await repo.importFile(file);
  return { preview, imported };
}

async function deviceWithA(): Promise<{ db: AppDatabase; repo: Repository }> {
  const { db, repo } = freshDatabase();
  await repo.importFile(aFile);
  return { db, repo };
}

describe('the two centres of the test', () => {
  it('have no id in common, and B imports next to A without touching it', async () => {
    const aIds = new Set(fixtureText.match(UUID));
    expect([...(bText.match(UUID) ?? [])].some((id) => aIds.has(id))).toBe(false);
    const { db, repo } = await deviceWithA();
    const before = await snapshot(db);
    const { imported } = await importLikeTheApp(repo, bText);
    expect(imported.collisions).toEqual([]);
    expect(imported.counts.add).toBeGreaterThan(50);
    const after = await snapshot(db);
    for (const name of ['rounds', 'answers', 'reflections', 'actions', 'ratings', 'localItems']) {
      // Every record of A is still there, exactly as it was; B's are beside them.
      for (const row of before[name] ?? []) expect(after[name]).toContain(row);
      expect(after[name]?.length).toBeGreaterThan(before[name]?.length ?? 0);
    }
  });
});

describe.each(TABLES)('an id of %s colliding with another centre', (table) => {
  it.each([0, 1])(`B's ${table}[%i] under A's id: refused, named, and nothing written`, async (index) => {
    const { db, repo } = await deviceWithA();
    const before = await snapshot(db);
    const { text, id } = colliding(table, index);
    const { preview, imported } = await importLikeTheApp(repo, text);
    const expected: IdCollision = { kind: KIND[table], id, path: `${table}[${String(index)}].id`, owner: 'otherCentre', ownerName: A_NAME };
    expect(preview.collisions).toContainEqual(expected);
    expect(imported.collisions).toContainEqual(expected);
    // Byte for byte: not one record of A changed, and not one record of B was added.
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('other collisions', () => {
  it('a deleted (undoable) round of another centre is still that centre\'s', async () => {
    const { db, repo } = await deviceWithA();
    const round = aFile.rounds[0];
    if (!round) throw new Error('no round');
    await db.rounds.update(round.id, { deletedAt: '2026-05-20T10:00:00.000Z' });
    const before = await snapshot(db);
    const { imported } = await importLikeTheApp(repo, colliding('rounds', 0).text);
    expect(imported.collisions).toContainEqual(expect.objectContaining({ kind: 'round', id: round.id, owner: 'otherCentre' }));
    expect(await snapshot(db)).toEqual(before);
  });

  it('an answer whose round is gone from the device belongs to no centre: refused, without a name', async () => {
    const { db, repo } = await deviceWithA();
    const answer = aFile.answers[0];
    if (!answer) throw new Error('no answer');
    await db.rounds.delete(answer.roundId);
    const before = await snapshot(db);
    const { imported } = await importLikeTheApp(repo, colliding('answers', 0).text);
    expect(imported.collisions).toContainEqual({ kind: 'answer', id: answer.id, path: 'answers[0].id', owner: 'otherCentre' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('a backup that brings back a round gone from the device takes back its answers (no collision)', async () => {
    const { db, repo } = await deviceWithA();
    const answer = aFile.answers[0];
    if (!answer) throw new Error('no answer');
    await db.rounds.delete(answer.roundId);
    const { imported } = await importLikeTheApp(repo, fixtureText);
    expect(imported.collisions).toEqual([]);
    expect(await db.rounds.get(answer.roundId)).toBeDefined();
  });

  it('within one centre, an answer id used by another round is refused too (a record never moves between rounds)', async () => {
    const { db, repo } = await deviceWithA();
    const first = aFile.answers[0];
    const other = aFile.answers.find((answer) => answer.roundId !== first?.roundId);
    if (!first || !other) throw new Error('fixture');
    const before = await snapshot(db);
    const text = fixtureText.split(first.id).join('1a2b3c4d-0000-4000-8000-000000000001').split(other.id).join(first.id);
    const { imported } = await importLikeTheApp(repo, text);
    const round = aFile.rounds.find((r) => r.id === first.roundId);
    expect(imported.collisions).toContainEqual(expect.objectContaining({ kind: 'answer', id: first.id, owner: 'otherRound', ownerName: round?.title }));
    expect(await snapshot(db)).toEqual(before);
  });

  it('importing the centre\'s own file again is no collision and changes nothing', async () => {
    const { db, repo } = await deviceWithA();
    const before = await snapshot(db);
    const { imported } = await importLikeTheApp(repo, fixtureText);
    expect(imported.collisions).toEqual([]);
    expect(imported.counts.add + imported.counts.update).toBe(0);
    expect(await snapshot(db)).toEqual(before);
  });

  it('every colliding id is listed, across tables, and the rest of the file is not written either', async () => {
    const { db, repo } = await deviceWithA();
    const before = await snapshot(db);
    let text = bText;
    for (const table of TABLES) {
      const b = bFile[table][0];
      const a = aFile[table][0];
      if (a && b) text = text.split(b.id).join(a.id);
    }
    const { imported } = await importLikeTheApp(repo, text);
    expect(new Set(imported.collisions.map((collision) => collision.kind))).toEqual(new Set(Object.values(KIND)));
    expect(await snapshot(db)).toEqual(before);
  });
});
