import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDatabase } from '@/db/database';
import { createRepository, type Repository } from '../../fixtures/repository';
import { deletionKey, pendingDeletions, UNDO_WINDOW_MS } from '@/domain/deletions';
import { createCentre, createRound } from '@/domain/records';
import type { Centre, Round } from '@/domain/types';
import { smallInstrument } from '../../fixtures/instruments';
import { makeLocalItem } from '../../fixtures/localItems';
import { centreInput, roundInput } from '../../fixtures/records';

/*
 * Random sequences of deletes, undos, reloads and time passing, against the real repository on
 * fake-indexeddb, checked after every step against a model of what must be stored: nothing that was
 * undone is lost, nothing is purged before its window has passed, and what is deleted is hidden.
 */

/** mulberry32: a tiny seeded PRNG, so that a failing sequence can be replayed from its seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = Date.parse('2026-03-10T09:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();

interface ModelRecord {
  deletedAt?: number;
  purged: boolean;
}
interface ModelRound extends ModelRecord {
  readonly centreId: string;
}

/** Everything stored under a round, as it was before any deletion. */
async function roundContents(db: AppDatabase, roundId: string): Promise<unknown> {
  const sorted = <T extends { id: string }>(rows: T[]): T[] => rows.sort((a, b) => a.id.localeCompare(b.id));
  return {
    round: await db.rounds.get(roundId),
    answers: sorted(await db.answers.where('roundId').equals(roundId).toArray()),
    reflections: sorted(await db.reflections.where('roundId').equals(roundId).toArray()),
    actions: sorted(await db.actions.where('roundId').equals(roundId).toArray()),
    ratings: sorted(await db.ratings.where('roundId').equals(roundId).toArray()),
  };
}

async function centreContents(db: AppDatabase, centreId: string): Promise<unknown> {
  return { centre: await db.centres.get(centreId), localItems: await db.localItems.where('centreId').equals(centreId).sortBy('id') };
}

function withoutMark<T>(contents: T): T {
  const copy = structuredClone(contents) as { round?: { deletedAt?: string }; centre?: { deletedAt?: string } };
  delete copy.round?.deletedAt;
  delete copy.centre?.deletedAt;
  return copy as T;
}

const databases: AppDatabase[] = [];
afterEach(async () => {
  const opened = databases.splice(0);
  for (const db of opened) db.close();
  await Promise.all([...new Set(opened.map((db) => db.name))].map((name) => Dexie.delete(name)));
});

async function runSequence(seed: number, steps: number): Promise<void> {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  const name = `property-${String(seed)}-${crypto.randomUUID()}`;
  let db = new AppDatabase(name);
  databases.push(db);
  let repo: Repository = createRepository(db);
  let now = START;
  const log: string[] = [];

  // Three centres of two or three rounds, each round with answers, a reflection, an action and a rating.
  const centres = new Map<string, ModelRecord>();
  const rounds = new Map<string, ModelRound>();
  const names = new Map<string, string>();
  const snapshots = new Map<string, unknown>();
  for (const centreName of ['Alby', 'Fittja', 'Tensta']) {
    const centre: Centre = createCentre(centreInput({ name: centreName }));
    await repo.addCentre(centre);
    await repo.putLocalItem(makeLocalItem(centre.id, 'goal-a'));
    centres.set(centre.id, { purged: false });
    names.set(centre.id, centreName);
    const count = 2 + Math.floor(random() * 2);
    for (let index = 0; index < count; index += 1) {
      const round: Round = { ...createRound(centre.id, roundInput({ title: `${centreName} ${String(index)}` }), smallInstrument), participants: [{ id: `p-${String(index)}`, name: 'Anna', role: 'BVC' }] };
      await repo.addRound(round);
      await repo.saveAnswer(round.id, 'goal-a', 'a-1', { value: 1 + Math.floor(random() * 4), note: `Anteckning ${String(seed)}` });
      await repo.saveAnswer(round.id, 'goal-b', 'b-1', { value: 'dont-know' });
      await repo.saveReflection(round.id, 'goal-a', { note: 'Reflektion' });
      await repo.saveRating(round.id, 'a-1', `p-${String(index)}`, 2);
      await repo.putAction({
        id: crypto.randomUUID(),
        centreId: centre.id,
        roundId: round.id,
        goalId: 'goal-a',
        what: 'Föräldragrupp',
        who: 'BVC',
        due: '',
        status: 'planned',
        statusHistory: [],
        createdAt: iso(now),
        updatedAt: iso(now),
      });
      rounds.set(round.id, { centreId: centre.id, purged: false });
      names.set(round.id, round.title);
    }
  }
  for (const id of centres.keys()) snapshots.set(id, await centreContents(db, id));
  for (const id of rounds.keys()) snapshots.set(id, await roundContents(db, id));

  const pastWindow = (record: ModelRecord): boolean => record.deletedAt !== undefined && now >= record.deletedAt + UNDO_WINDOW_MS;

  /** The rule, stated on the model: each deletion goes once its own window has passed, with what is under it. */
  function modelPurge(): void {
    for (const round of rounds.values()) if (!round.purged && pastWindow(round)) round.purged = true;
    for (const [centreId, centre] of centres) {
      if (centre.purged || !pastWindow(centre)) continue;
      const waiting = [...rounds.values()].some((round) => round.centreId === centreId && !round.purged && round.deletedAt !== undefined);
      if (waiting) continue;
      centre.purged = true;
      for (const round of rounds.values()) if (round.centreId === centreId) round.purged = true;
    }
  }

  async function purge(): Promise<void> {
    await repo.purgeExpired(now);
    modelPurge();
  }

  async function check(): Promise<void> {
    const context = `seed ${String(seed)} after: ${log.join(' → ')}`;
    for (const [id, centre] of centres) {
      const stored = await centreContents(db, id);
      if (centre.purged) expect((stored as { centre?: unknown }).centre, `centre ${names.get(id) ?? id} purged — ${context}`).toBeUndefined();
      else expect(withoutMark(stored), `centre ${names.get(id) ?? id} intact — ${context}`).toEqual(snapshots.get(id));
    }
    for (const [id, round] of rounds) {
      const stored = await roundContents(db, id);
      if (round.purged) expect(stored, `round ${names.get(id) ?? id} purged with everything under it — ${context}`).toEqual({ round: undefined, answers: [], reflections: [], actions: [], ratings: [] });
      else expect(withoutMark(stored), `round ${names.get(id) ?? id} intact — ${context}`).toEqual(snapshots.get(id));
    }
    // What is deleted is hidden; what is not (and not under a deleted centre) is shown.
    const liveCentres = [...centres].filter(([, centre]) => !centre.purged && centre.deletedAt === undefined).map(([id]) => id);
    expect((await repo.listCentres()).map((centre) => centre.id).sort(), `visible centres — ${context}`).toEqual([...liveCentres].sort());
    for (const centreId of centres.keys()) {
      const expected = liveCentres.includes(centreId)
        ? [...rounds].filter(([, round]) => round.centreId === centreId && !round.purged && round.deletedAt === undefined).map(([id]) => id).sort()
        : [];
      expect((await repo.listRounds(centreId)).map((round) => round.id).sort(), `visible rounds — ${context}`).toEqual(expected);
      expect((await repo.exportSource(centreId))?.rounds.map((round) => round.id).sort() ?? [], `exported rounds — ${context}`).toEqual(expected);
    }
    // Undo is offered for exactly the deletions whose window is open.
    const offered = pendingDeletions(await repo.listDeleted(), now).map(deletionKey).sort();
    const expectedOffers = [
      ...[...centres].filter(([, c]) => !c.purged && c.deletedAt !== undefined && !pastWindow(c)).map(([id]) => `centre:${id}`),
      ...[...rounds].filter(([, r]) => !r.purged && r.deletedAt !== undefined && !pastWindow(r)).map(([id]) => `round:${id}`),
    ].sort();
    expect(offered, `undo offers — ${context}`).toEqual(expectedOffers);
  }

  for (let step = 0; step < steps; step += 1) {
    now += Math.floor(random() * 800);
    const roll = random();
    if (roll < 0.25) {
      // A round of any centre, its centre deleted too at times (a second tab still showing it).
      const candidates = [...rounds].filter(([, round]) => !round.purged && round.deletedAt === undefined && (random() < 0.2 || centres.get(round.centreId)?.deletedAt === undefined));
      const chosen = pick(candidates);
      if (!chosen) continue;
      await repo.softDeleteRound(chosen[0], iso(now));
      chosen[1].deletedAt = now;
      log.push(`delete round ${names.get(chosen[0]) ?? ''} @${String(now - START)}`);
    } else if (roll < 0.4) {
      const chosen = pick([...centres].filter(([, centre]) => !centre.purged && centre.deletedAt === undefined));
      if (!chosen) continue;
      await repo.softDeleteCentre(chosen[0], iso(now));
      chosen[1].deletedAt = now;
      log.push(`delete centre ${names.get(chosen[0]) ?? ''} @${String(now - START)}`);
    } else if (roll < 0.65) {
      // Undo one of the offered deletions, as a press of its own "Ångra" does.
      const chosen = pick(pendingDeletions(await repo.listDeleted(), now));
      if (!chosen) continue;
      const restored = chosen.kind === 'centre' ? await repo.restoreCentre(chosen.id) : await repo.restoreRound(chosen.id);
      expect(restored, `undo of ${chosen.label} restored it — seed ${String(seed)}`).toBe(true);
      const model = chosen.kind === 'centre' ? centres.get(chosen.id) : rounds.get(chosen.id);
      if (model) delete model.deletedAt;
      log.push(`undo ${chosen.kind} ${chosen.label} @${String(now - START)}`);
    } else if (roll < 0.8) {
      // A reload (or a second tab opening): a new connection, and the start-up purge.
      db.close();
      db = new AppDatabase(name);
      databases.push(db);
      repo = createRepository(db);
      await purge();
      log.push(`reload @${String(now - START)}`);
    } else {
      // Time passes; the tab's timer purges, unless the tab was asleep or closed meanwhile.
      now += Math.floor(random() * UNDO_WINDOW_MS * 1.5);
      const timerRan = random() < 0.7;
      if (timerRan) await purge();
      log.push(`${timerRan ? 'time passes, timer' : 'time passes, asleep'} @${String(now - START)}`);
    }
    await check();
  }
}

describe('deleting and undoing in any order (property)', () => {
  it('loses nothing that was undone and purges nothing early, in 40 random sequences', async () => {
    for (let seed = 1; seed <= 40; seed += 1) await runSequence(seed, 40);
  }, 120_000);
});
