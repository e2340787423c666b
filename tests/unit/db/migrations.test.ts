import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDatabase, SCHEMA_V1 } from '@/db/database';
import { createRepository } from '../../fixtures/repository';
import { UNDO_WINDOW_MS } from '@/domain/deletions';
import { inFormat4 } from '../../fixtures/format4';

const names: string[] = [];

/** Every table of the newest schema. */
const TABLES = ['actions', 'answers', 'centres', 'handIns', 'instruments', 'localItems', 'outbox', 'projectPlans', 'ratings', 'reflections', 'rounds', 'settings', 'workspace', 'yearlyReports'];
const NEWEST = 11;
/** What export format 4 adds to an older workspace file with no actions (see UPGRADES[3]). */
const FORMAT_4_ADDITIONS = { audience: 'backup', ratingSpread: [], handIns: [], projectPlans: [], yearlyReports: [] };

afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

/**
 * A database as an older version of the app left it: that version's schema, with the records it
 * wrote (by table name). Opening it with AppDatabase runs every upgrade since.
 */
async function createDatabaseAt(version: number, schema: Record<string, string>, records: Record<string, object[] | undefined>): Promise<string> {
  const name = `migration-v${String(version)}-${crypto.randomUUID()}`;
  names.push(name);
  const old = new Dexie(name);
  old.version(version).stores(schema);
  await old.open();
  expect(old.tables.map((t) => t.name).sort()).toEqual(Object.keys(schema).sort());
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(records)) await old.table(table).bulkAdd(rows ?? []);
  });
  old.close();
  return name;
}

/** What the v7 upgrade gives an action stored without a history: its status, known from its last save. */
function withHistory<T extends { status: string; updatedAt: string; roundId: string }>(action: T): T & { statusHistory: { status: string; at: string; roundId: string }[] } {
  return { ...action, statusHistory: [{ status: action.status, at: action.updatedAt, roundId: action.roundId }] };
}

/** A database as version 1 of the app left it, with the records it wrote. */
function createV1Database(records: { centres?: object[]; rounds?: object[]; answers?: object[]; reflections?: object[] }): Promise<string> {
  return createDatabaseAt(1, SCHEMA_V1, records);
}

const v1Centre = {
  id: '0b7d3c1e-0000-4000-8000-000000000001',
  name: 'Familjecentralen Fittja',
  municipality: 'Botkyrka',
  district: 'Fittja',
  services: ['bvc'],
  otherServices: '',
  coLocation: 'near',
  createdAt: '2025-09-01T08:00:00.000Z',
  updatedAt: '2025-09-01T08:00:00.000Z',
};

/** v1 rounds had neither status nor participants. */
const v1Round = {
  id: '0b7d3c1e-0000-4000-8000-000000000002',
  centreId: v1Centre.id,
  title: 'Hösten 2025',
  date: '2025-10-10',
  period: 'HT 2025',
  instrumentId: 'familjecentral-sjalvvardering',
  instrumentVersion: '1.0.0',
  createdAt: '2025-10-10T08:00:00.000Z',
  updatedAt: '2025-10-10T09:00:00.000Z',
};

describe('upgrading a version 1 database', () => {
  it('opens at the newest version', async () => {
    const name = await createV1Database({});
    const db = new AppDatabase(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    expect(db.tables.map((t) => t.name).sort()).toEqual(TABLES);
    db.close();
  });

  it('gives v1 rounds an in-progress status and an empty participant list, keeping the rest', async () => {
    const name = await createV1Database({ centres: [v1Centre], rounds: [v1Round] });
    const db = new AppDatabase(name);
    expect(await db.rounds.get(v1Round.id)).toEqual({ ...v1Round, status: 'in-progress', participants: [] });
    db.close();
  });

  it('keeps the status, participants and completion a v1 round already had', async () => {
    const completed = {
      ...v1Round,
      status: 'complete',
      completedAt: '2025-10-10T10:00:00.000Z',
      participants: [{ id: 'p', name: 'Anna', role: 'BVC' }],
    };
    const name = await createV1Database({ centres: [v1Centre], rounds: [completed] });
    const db = new AppDatabase(name);
    expect(await db.rounds.get(v1Round.id)).toEqual(completed);
    db.close();
  });

  it('gives v1 answers an empty note, and a missing value becomes null', async () => {
    const name = await createV1Database({
      centres: [v1Centre],
      rounds: [v1Round],
      answers: [
        { id: 'a1', roundId: v1Round.id, itemId: 'g1-open-to-all', value: 3, updatedAt: '2025-10-10T08:30:00.000Z' },
        { id: 'a2', roundId: v1Round.id, itemId: 'g1-information', updatedAt: '2025-10-10T08:31:00.000Z' },
        { id: 'a3', roundId: v1Round.id, itemId: 'g1-advice-talks', value: 'dont-know', note: 'Finns', updatedAt: '2025-10-10T08:32:00.000Z' },
      ],
    });
    const db = new AppDatabase(name);
    const answers = await db.answers.orderBy('id').toArray();
    expect(answers).toEqual([
      { id: 'a1', roundId: v1Round.id, itemId: 'g1-open-to-all', value: 3, note: '', updatedAt: '2025-10-10T08:30:00.000Z' },
      { id: 'a2', roundId: v1Round.id, itemId: 'g1-information', value: null, note: '', updatedAt: '2025-10-10T08:31:00.000Z' },
      { id: 'a3', roundId: v1Round.id, itemId: 'g1-advice-talks', value: 'dont-know', note: 'Finns', updatedAt: '2025-10-10T08:32:00.000Z' },
    ]);
    db.close();
  });

  it('gives v1 reflections an empty note and marks their goals relevant', async () => {
    const name = await createV1Database({
      centres: [v1Centre],
      rounds: [v1Round],
      reflections: [
        { id: 'r1', roundId: v1Round.id, goalId: 'goal-1', updatedAt: '2025-10-10T08:40:00.000Z' },
        { id: 'r2', roundId: v1Round.id, goalId: 'goal-2', notRelevant: true, note: 'Senare', updatedAt: '2025-10-10T08:41:00.000Z' },
      ],
    });
    const db = new AppDatabase(name);
    expect(await db.reflections.orderBy('id').toArray()).toEqual([
      { id: 'r1', roundId: v1Round.id, goalId: 'goal-1', notRelevant: false, note: '', updatedAt: '2025-10-10T08:40:00.000Z' },
      { id: 'r2', roundId: v1Round.id, goalId: 'goal-2', notRelevant: true, note: 'Senare', updatedAt: '2025-10-10T08:41:00.000Z' },
    ]);
    db.close();
  });

  it('leaves the centres as they were', async () => {
    const name = await createV1Database({ centres: [v1Centre] });
    const db = new AppDatabase(name);
    expect(await db.centres.toArray()).toEqual([v1Centre]);
    db.close();
  });

  it('has a working settings table and the new indexes', async () => {
    const name = await createV1Database({ centres: [v1Centre], rounds: [v1Round] });
    const db = new AppDatabase(name);
    await db.settings.put({ key: 'lastCentre', value: v1Centre.id });
    expect(await db.settings.get('lastCentre')).toEqual({ key: 'lastCentre', value: v1Centre.id });
    expect(await db.rounds.where('[centreId+date]').equals([v1Centre.id, '2025-10-10']).count()).toBe(1);
    expect(await db.centres.where('updatedAt').above('2025-01-01').count()).toBe(1);
    db.close();
  });

  it('works with the repository after the upgrade: the old round resumes and takes new answers', async () => {
    const name = await createV1Database({
      centres: [v1Centre],
      rounds: [v1Round],
      answers: [{ id: 'a1', roundId: v1Round.id, itemId: 'g1-open-to-all', value: 2, updatedAt: '2025-10-10T08:30:00.000Z' }],
    });
    const db = new AppDatabase(name);
    const repo = createRepository(db);
    expect(await repo.listCentres()).toHaveLength(1);
    expect(await repo.getRound(v1Round.id)).toMatchObject({ status: 'in-progress', participants: [] });
    await repo.saveAnswer(v1Round.id, 'goal-1', 'g1-open-to-all', { note: 'Efter uppgraderingen' });
    expect(await repo.listAnswers(v1Round.id)).toMatchObject([{ id: 'a1', value: 2, note: 'Efter uppgraderingen' }]);
    await repo.setRoundStatus(v1Round.id, 'complete');
    expect((await repo.listRoundOverviews(v1Centre.id))[0]?.round.status).toBe('complete');
    db.close();
  });

  it('still enforces one answer per round and item after the upgrade', async () => {
    const name = await createV1Database({
      centres: [v1Centre],
      rounds: [v1Round],
      answers: [{ id: 'a1', roundId: v1Round.id, itemId: 'g1-open-to-all', value: 2, updatedAt: '2025-10-10T08:30:00.000Z' }],
    });
    const db = new AppDatabase(name);
    await expect(
      db.answers.add({ id: 'a2', roundId: v1Round.id, itemId: 'g1-open-to-all', value: 1, note: '', updatedAt: '2026-01-01T00:00:00.000Z' }),
    ).rejects.toThrow();
    db.close();
  });

  it('upgrades only once: reopening changes nothing', async () => {
    const name = await createV1Database({ centres: [v1Centre], rounds: [v1Round] });
    const first = new AppDatabase(name);
    await first.rounds.update(v1Round.id, { status: 'complete' });
    first.close();
    const second = new AppDatabase(name);
    expect((await second.rounds.get(v1Round.id))?.status).toBe('complete');
    second.close();
  });
});

describe('a new database', () => {
  it('starts at the newest version with every table empty', async () => {
    const name = `fresh-${crypto.randomUUID()}`;
    names.push(name);
    const db = new AppDatabase(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    expect(db.tables.map((t) => t.name).sort()).toEqual(TABLES);
    for (const table of db.tables) expect(await table.count()).toBe(0);
    db.close();
  });
});

// ---------------------------------------------------------------------------------------------
// v2 → v3: the coordinator's workspace table. (Imported here, at the end, with the v2 → v3 cases.)
// ---------------------------------------------------------------------------------------------
import { SCHEMA_V2 } from '@/db/database';
import { buildExport, EXPORT_FORMAT_VERSION } from '@/domain/exchange/format';

/** A database as version 2 of the app left it: every table but the workspace. */
function createV2Database(records: { centres?: object[]; rounds?: object[]; answers?: object[]; reflections?: object[]; settings?: object[] }): Promise<string> {
  return createDatabaseAt(2, SCHEMA_V2, records);
}

describe('upgrading a version 2 database', () => {
  const v2Round = { ...v1Round, status: 'complete', completedAt: '2025-10-10T10:00:00.000Z', participants: [{ id: 'p', name: 'Åsa', role: 'BVC' }] };
  const v2Answers = [
    { id: 'a1', roundId: v1Round.id, itemId: 'g1-open-to-all', value: 3, note: 'Öppet', updatedAt: '2025-10-10T08:30:00.000Z' },
    { id: 'a2', roundId: v1Round.id, itemId: 'g1-information', value: null, note: '', updatedAt: '2025-10-10T08:31:00.000Z' },
  ];
  const v2Reflections = [{ id: 'r1', roundId: v1Round.id, goalId: 'goal-4', notRelevant: true, note: 'Senare', updatedAt: '2025-10-10T08:40:00.000Z' }];
  const v2Settings = [{ key: `lastExport:${v1Centre.id}`, value: '2025-10-11T09:00:00.000Z' }];

  it('opens at the newest version with a workspace table, every record and setting as it was', async () => {
    const name = await createV2Database({ centres: [v1Centre], rounds: [v2Round], answers: v2Answers, reflections: v2Reflections, settings: v2Settings });
    const db = new AppDatabase(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    expect(db.tables.map((t) => t.name).sort()).toEqual(TABLES);
    expect(await db.centres.toArray()).toEqual([v1Centre]);
    expect(await db.rounds.toArray()).toEqual([v2Round]);
    expect(await db.answers.orderBy('id').toArray()).toEqual(v2Answers);
    expect(await db.reflections.toArray()).toEqual(v2Reflections);
    expect(await db.settings.toArray()).toEqual(v2Settings);
    expect(await db.workspace.count()).toBe(0);
    db.close();
  });

  it('has a working workspace table, apart from the group’s own data', async () => {
    const name = await createV2Database({ centres: [v1Centre], rounds: [v2Round] });
    const db = new AppDatabase(name);
    const repo = createRepository(db);
    const source = await repo.exportSource(v1Centre.id);
    if (!source) throw new Error('no centre');
    const file = buildExport(source, 'test', '2026-01-01T00:00:00.000Z');
    await repo.putWorkspaceEntries([{ id: v1Centre.id, fileName: 'fittja.json', importedAt: '2026-01-02T00:00:00.000Z', file }]);
    expect((await repo.listWorkspace()).map((entry) => entry.fileName)).toEqual(['fittja.json']);
    expect(await repo.getWorkspaceEntry(v1Centre.id)).toMatchObject({ file: { centre: { name: v1Centre.name }, rounds: [{ id: v2Round.id }] } });
    expect(await db.centres.count()).toBe(1);
    await repo.softDeleteWorkspaceEntry(v1Centre.id);
    expect(await repo.listWorkspace()).toEqual([]);
    await repo.purgeExpired(Date.now() + UNDO_WINDOW_MS);
    expect(await db.workspace.count()).toBe(0);
    db.close();
  });

  it('keeps the unique index of answers: the v2 data is not upgraded again', async () => {
    const name = await createV2Database({ centres: [v1Centre], rounds: [v2Round], answers: v2Answers });
    const db = new AppDatabase(name);
    await expect(db.answers.add({ id: 'a3', roundId: v1Round.id, itemId: 'g1-open-to-all', value: 1, note: '', updatedAt: '2026-01-01T00:00:00.000Z' })).rejects.toThrow();
    expect(await db.answers.get('a2')).toEqual(v2Answers[1]);
    db.close();
  });

  it('a database created by v1 goes all the way to the newest version', async () => {
    const name = await createV1Database({ centres: [v1Centre], rounds: [v1Round] });
    const db = new AppDatabase(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    expect(await db.actions.count()).toBe(0);
    expect(await db.ratings.count()).toBe(0);
    expect(await db.rounds.get(v1Round.id)).toEqual({ ...v1Round, status: 'in-progress', participants: [] });
    expect(await db.workspace.count()).toBe(0);
    db.close();
  });
});

// ---------------------------------------------------------------------------------------------
// v3 → v4: action plans and individual ratings; the workspace's files move to export format 2.
// ---------------------------------------------------------------------------------------------
import { SCHEMA_V3, SCHEMA_V4 } from '@/db/database';
import v1ExportText from '../../fixtures/exports/export-v1.json?raw';
import v2ExportText from '../../fixtures/exports/export-v2.json?raw';

/** A database as version 3 of the app left it: no actions, no ratings. */
function createV3Database(records: {
  centres?: object[];
  rounds?: object[];
  answers?: object[];
  reflections?: object[];
  settings?: object[];
  workspace?: object[];
}): Promise<string> {
  return createDatabaseAt(3, SCHEMA_V3, records);
}

describe('upgrading a version 3 database', () => {
  const v3Round = { ...v1Round, status: 'complete', completedAt: '2025-10-10T10:00:00.000Z', participants: [{ id: '0b7d3c1e-0000-4000-8000-00000000000a', name: 'Åsa', role: 'BVC' }] };
  const v3Answers = [
    { id: 'a1', roundId: v1Round.id, itemId: 'g1-open-to-all', value: 3, note: 'Öppet', updatedAt: '2025-10-10T08:30:00.000Z' },
    { id: 'a2', roundId: v1Round.id, itemId: 'g1-information', value: 'dont-know', note: '', updatedAt: '2025-10-10T08:31:00.000Z' },
  ];
  const v3Reflections = [{ id: 'r1', roundId: v1Round.id, goalId: 'goal-4', notRelevant: true, note: 'Senare', updatedAt: '2025-10-10T08:40:00.000Z' }];
  const v3Settings = [
    { key: `lastExport:${v1Centre.id}`, value: '2025-10-11T09:00:00.000Z' },
    { key: 'locale', value: 'sv' },
  ];
  /** A coordinator's entry as v3 stored it: a centre's file of export format version 1. */
  const v1File = JSON.parse(v1ExportText) as { formatVersion: number; centre: { id: string; name: string }; rounds: unknown[] };
  const v3Entry = { id: v1File.centre.id, fileName: 'Familjecentralen Örby – HT 2025–VT 2026 – 2026-05-15.json', importedAt: '2026-05-16T07:00:00.000Z', file: v1File };
  const v3Records = { centres: [v1Centre], rounds: [v3Round], answers: v3Answers, reflections: v3Reflections, settings: v3Settings, workspace: [v3Entry] };

  it('opens at the newest version with empty actions and ratings tables, every record and setting as it was', async () => {
    const name = await createV3Database(v3Records);
    const db = new AppDatabase(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    expect(db.tables.map((t) => t.name).sort()).toEqual(TABLES);
    expect(await db.centres.toArray()).toEqual([v1Centre]);
    expect(await db.rounds.toArray()).toEqual([v3Round]);
    expect(await db.answers.orderBy('id').toArray()).toEqual(v3Answers);
    expect(await db.reflections.toArray()).toEqual(v3Reflections);
    expect(await db.settings.orderBy('key').toArray()).toEqual(v3Settings);
    expect(await db.actions.count()).toBe(0);
    expect(await db.ratings.count()).toBe(0);
    db.close();
  });

  it('keeps the workspace entries, their files upgraded to the current export format (empty actions and ratings)', async () => {
    expect(v1File.formatVersion).toBe(1);
    const name = await createV3Database(v3Records);
    const db = new AppDatabase(name);
    const repo = createRepository(db);
    const entries = await repo.listWorkspace();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toEqual({ ...v3Entry, file: { ...v1File, formatVersion: EXPORT_FORMAT_VERSION, actions: [], ratings: [], localItems: [], instrumentDefinitions: [], ...FORMAT_4_ADDITIONS } });
    expect(entries[0]?.file.actions).toEqual([]);
    expect(entries[0]?.file.ratings).toEqual([]);
    db.close();
  });

  it('has working actions and ratings tables: one rating per round, item and participant, actions by round and centre', async () => {
    const name = await createV3Database(v3Records);
    const db = new AppDatabase(name);
    const repo = createRepository(db);
    const participantId = v3Round.participants[0]?.id ?? '';
    await repo.saveRating(v1Round.id, 'g1-open-to-all', participantId, 2);
    await repo.saveRating(v1Round.id, 'g1-open-to-all', participantId, 4);
    expect(await repo.listRatings(v1Round.id)).toMatchObject([{ itemId: 'g1-open-to-all', participantId, value: 4 }]);
    await expect(
      db.ratings.add({ id: 'another', roundId: v1Round.id, itemId: 'g1-open-to-all', participantId, value: 1, updatedAt: '2026-01-01T00:00:00.000Z' }),
    ).rejects.toThrow();
    const action = {
      id: '0b7d3c1e-0000-4000-8000-0000000000a1',
      centreId: v1Centre.id,
      roundId: v1Round.id,
      goalId: 'goal-4',
      what: 'Starta brukarrådet',
      who: 'Öppna förskolan',
      due: '',
      status: 'planned',
      statusHistory: [],
      createdAt: '2026-01-02T08:00:00.000Z',
      updatedAt: '2026-01-02T08:00:00.000Z',
    } as const;
    await repo.putAction(action);
    expect(await repo.listActions(v1Round.id)).toEqual([action]);
    expect(await repo.listCentreActions(v1Centre.id)).toEqual([action]);
    // The old records are exported with the new lists.
    const source = await repo.exportSource(v1Centre.id);
    expect(source?.answers).toHaveLength(2);
    expect(source?.actions).toEqual([action]);
    expect(source?.ratings).toHaveLength(1);
    db.close();
  });

  it('upgrades only once: reopening leaves a newer workspace entry and new records alone', async () => {
    const name = await createV3Database(v3Records);
    const first = new AppDatabase(name);
    await first.ratings.put({ id: 'rating-1', roundId: v1Round.id, itemId: 'g1-open-to-all', participantId: 'p', value: 3, updatedAt: '2026-01-01T00:00:00.000Z' });
    first.close();
    const second = new AppDatabase(name);
    expect(await second.ratings.count()).toBe(1);
    expect((await second.workspace.get(v3Entry.id))?.file.formatVersion).toBe(EXPORT_FORMAT_VERSION);
    second.close();
  });

  it('a database created by v2 goes to the newest version too', async () => {
    const name = await createV2Database({ centres: [v1Centre], rounds: [v3Round], answers: v3Answers });
    const db = new AppDatabase(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    expect(await db.answers.count()).toBe(2);
    expect(await db.workspace.count()).toBe(0);
    expect(await db.actions.count()).toBe(0);
    db.close();
  });
});

describe('upgrading a version 4 database', () => {
  const v4Round = { ...v1Round, status: 'in-progress', participants: [{ id: '0b7d3c1e-0000-4000-8000-00000000000b', name: 'Åsa', role: 'BVC' }] };
  const v4Answers = [{ id: 'a1', roundId: v1Round.id, itemId: 'g2-working-group', value: 2, note: '', updatedAt: '2025-10-10T08:30:00.000Z' }];
  const v4Actions = [
    {
      id: '0b7d3c1e-0000-4000-8000-0000000000a2',
      centreId: v1Centre.id,
      roundId: v1Round.id,
      goalId: 'goal-2',
      what: 'Träffas varje månad',
      who: 'BVC',
      due: '',
      status: 'ongoing',
      createdAt: '2025-10-10T09:00:00.000Z',
      updatedAt: '2025-10-10T09:00:00.000Z',
    },
  ];
  const v4Ratings = [{ id: 'r-1', roundId: v1Round.id, itemId: 'g2-working-group', participantId: v4Round.participants[0]?.id, value: 3, updatedAt: '2025-10-10T08:20:00.000Z' }];
  /** A coordinator's entry as v4 stored it: a file of export format version 2. */
  const v2File = JSON.parse(v2ExportText) as { formatVersion: number; centre: { id: string } };
  const v4Entry = { id: v2File.centre.id, fileName: 'Örby.json', importedAt: '2026-05-16T07:00:00.000Z', file: v2File };
  const v4Settings = [{ key: 'locale', value: 'en' }];
  const v4Records = { centres: [v1Centre], rounds: [v4Round], answers: v4Answers, reflections: [], settings: v4Settings, workspace: [v4Entry], actions: v4Actions, ratings: v4Ratings };

  it('opens at the newest version with empty own-item and instrument tables, every record and setting as it was', async () => {
    const name = await createDatabaseAt(4, SCHEMA_V4, v4Records);
    const db = new AppDatabase(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    expect(db.tables.map((t) => t.name).sort()).toEqual(TABLES);
    expect(await db.rounds.toArray()).toEqual([v4Round]);
    expect(await db.answers.toArray()).toEqual(v4Answers);
    expect(await db.actions.toArray()).toEqual(v4Actions.map(withHistory));
    expect(await db.ratings.toArray()).toEqual(v4Ratings);
    expect(await db.settings.toArray()).toEqual(v4Settings);
    expect(await db.localItems.count()).toBe(0);
    expect(await db.instruments.count()).toBe(0);
    db.close();
  });

  it('upgrades the workspace files from export format 2 to the current one (no own items, no instrument definitions)', async () => {
    expect(v2File.formatVersion).toBe(2);
    const name = await createDatabaseAt(4, SCHEMA_V4, v4Records);
    const repo = createRepository(new AppDatabase(name));
    expect(await repo.listWorkspace()).toEqual([{ ...v4Entry, file: inFormat4({ ...v2File, localItems: [], instrumentDefinitions: [] }) }]);
  });

  it('takes own items and network instruments after the upgrade, and the old round exports with them', async () => {
    const name = await createDatabaseAt(4, SCHEMA_V4, v4Records);
    const db = new AppDatabase(name);
    const repo = createRepository(db);
    const own = {
      id: '0b7d3c1e-0000-4000-8000-0000000000c1',
      centreId: v1Centre.id,
      goalId: 'goal-2',
      text: 'Vi har ett gemensamt väntrum',
      levels: [],
      retired: false,
      createdAt: '2026-01-01T08:00:00.000Z',
      updatedAt: '2026-01-01T08:00:00.000Z',
    };
    await repo.putLocalItem(own);
    await repo.saveAnswer(v1Round.id, 'goal-2', own.id, { value: 4 });
    expect(await repo.listLocalItems(v1Centre.id)).toEqual([own]);
    const source = await repo.exportSource(v1Centre.id);
    expect(source?.localItems).toEqual([own]);
    expect(source?.answers.map((answer) => answer.itemId).sort()).toEqual(['g2-working-group', own.id].sort());
    expect(source?.actions).toEqual(v4Actions.map(withHistory));
    db.close();
  });
});

// ---------------------------------------------------------------------------------------------
// v5 → v6: deletions marked in the database, found through a `deletedAt` index.
// ---------------------------------------------------------------------------------------------
import { SCHEMA_V5, SCHEMA_V6 } from '@/db/database';

describe('upgrading a version 5 database', () => {
  const v5Round = { ...v1Round, status: 'complete', completedAt: '2025-10-10T10:00:00.000Z', participants: [{ id: '0b7d3c1e-0000-4000-8000-00000000000b', name: 'Åsa', role: 'BVC' }] };
  const v5Answers = [
    { id: 'a1', roundId: v1Round.id, itemId: 'g2-working-group', value: 2, note: 'Vi träffas', updatedAt: '2025-10-10T08:30:00.000Z' },
    { id: 'a2', roundId: v1Round.id, itemId: '0b7d3c1e-0000-4000-8000-0000000000c1', value: 4, note: '', updatedAt: '2025-10-10T08:31:00.000Z' },
  ];
  const v5Reflections = [{ id: 'f1', roundId: v1Round.id, goalId: 'goal-2', notRelevant: false, note: 'Bra möte', updatedAt: '2025-10-10T08:40:00.000Z' }];
  const v5Actions = [
    {
      id: '0b7d3c1e-0000-4000-8000-0000000000a2',
      centreId: v1Centre.id,
      roundId: v1Round.id,
      goalId: 'goal-2',
      what: 'Träffas varje månad',
      who: 'BVC',
      due: '',
      status: 'ongoing',
      createdAt: '2025-10-10T09:00:00.000Z',
      updatedAt: '2025-10-10T09:00:00.000Z',
    },
  ];
  const v5Ratings = [{ id: 'r-1', roundId: v1Round.id, itemId: 'g2-working-group', participantId: v5Round.participants[0]?.id, value: 3, updatedAt: '2025-10-10T08:20:00.000Z' }];
  const v5LocalItems = [
    {
      id: '0b7d3c1e-0000-4000-8000-0000000000c1',
      centreId: v1Centre.id,
      goalId: 'goal-2',
      text: 'Vi har ett gemensamt väntrum',
      levels: [],
      retired: false,
      createdAt: '2025-09-01T08:00:00.000Z',
      updatedAt: '2025-09-01T08:00:00.000Z',
    },
  ];
  const v5File = { ...(JSON.parse(v2ExportText) as { centre: { id: string; name: string } }), formatVersion: 3, localItems: [], instrumentDefinitions: [] };
  const v5Entry = { id: v5File.centre.id, fileName: 'Örby.json', importedAt: '2026-05-16T07:00:00.000Z', file: v5File };
  const v5Settings = [{ key: 'locale', value: 'en' }];
  const v5Records = {
    centres: [v1Centre],
    rounds: [v5Round],
    answers: v5Answers,
    reflections: v5Reflections,
    settings: v5Settings,
    workspace: [v5Entry],
    actions: v5Actions,
    ratings: v5Ratings,
    localItems: v5LocalItems,
    instruments: [],
  };

  it('opens at the newest version with every record of every table as it was', async () => {
    const name = await createDatabaseAt(5, SCHEMA_V5, v5Records);
    const db = new AppDatabase(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    expect(db.tables.map((t) => t.name).sort()).toEqual(TABLES);
    expect(await db.centres.toArray()).toEqual([v1Centre]);
    expect(await db.rounds.toArray()).toEqual([v5Round]);
    expect(await db.answers.toArray()).toEqual(v5Answers);
    expect(await db.reflections.toArray()).toEqual(v5Reflections);
    expect(await db.actions.toArray()).toEqual(v5Actions.map(withHistory));
    expect(await db.ratings.toArray()).toEqual(v5Ratings);
    expect(await db.localItems.toArray()).toEqual(v5LocalItems);
    expect(await db.workspace.toArray()).toEqual([{ ...v5Entry, file: inFormat4(v5File) }]);
    expect(await db.settings.toArray()).toEqual(v5Settings);
    db.close();
  });

  it('shows all of it through the repository: lists, rounds, answers, export and workspace; nothing counts as deleted', async () => {
    const name = await createDatabaseAt(5, SCHEMA_V5, v5Records);
    const db = new AppDatabase(name);
    const repo = createRepository(db);
    expect(await repo.listCentres()).toEqual([v1Centre]);
    expect(await repo.listRounds(v1Centre.id)).toEqual([v5Round]);
    expect(await repo.getRound(v1Round.id)).toEqual(v5Round);
    expect(await repo.listAnswers(v1Round.id)).toEqual(v5Answers);
    expect(await repo.listLocalItems(v1Centre.id)).toEqual(v5LocalItems);
    const source = await repo.exportSource(v1Centre.id);
    expect(source).toMatchObject({ centre: v1Centre, rounds: [v5Round], answers: v5Answers, reflections: v5Reflections, actions: v5Actions.map(withHistory), ratings: v5Ratings });
    expect(await repo.listWorkspace()).toEqual([{ ...v5Entry, file: inFormat4(v5File) }]);
    expect(await repo.listDeleted()).toEqual([]);
    // A purge long after changes nothing: nothing was deleted.
    expect(await repo.purgeExpired(Date.parse('2030-01-01T00:00:00.000Z'))).toEqual([]);
    expect(await db.answers.count()).toBe(2);
    db.close();
  });

  it('finds the deletions an older version left unfinished through the new index, and purges each only after its window', async () => {
    const deletedAt = '2026-05-16T08:00:00.000Z';
    const kept = { ...v1Centre, id: '0b7d3c1e-0000-4000-8000-0000000000f1', name: 'Familjecentralen Alby' };
    const name = await createDatabaseAt(5, SCHEMA_V5, { ...v5Records, centres: [{ ...v1Centre, deletedAt }, kept] });
    const db = new AppDatabase(name);
    const repo = createRepository(db);
    expect(await repo.listCentres()).toEqual([kept]);
    expect(await repo.listDeleted()).toEqual([{ kind: 'centre', id: v1Centre.id, label: v1Centre.name, deletedAt }]);
    expect(await repo.purgeExpired(Date.parse(deletedAt) + UNDO_WINDOW_MS - 1)).toEqual([]);
    expect(await repo.restoreCentre(v1Centre.id)).toBe(true);
    expect(await repo.listCentres()).toEqual([kept, v1Centre]);
    expect(await repo.listAnswers(v1Round.id)).toEqual(v5Answers);
    db.close();
  });

  it('adds only the deletedAt indexes', () => {
    expect(SCHEMA_V6).toEqual({
      ...SCHEMA_V5,
      centres: `${SCHEMA_V5.centres}, deletedAt`,
      rounds: `${SCHEMA_V5.rounds}, deletedAt`,
      workspace: `${SCHEMA_V5.workspace}, deletedAt`,
    });
  });
});

import { SCHEMA_V7 } from '@/db/database';
import { carryForward, withStatus } from '@/domain/actions';

describe('upgrading a version 6 database', () => {
  const v6Round = { ...v1Round, status: 'complete', completedAt: '2026-05-10T10:00:00.000Z', participants: [{ id: '0b7d3c1e-0000-4000-8000-00000000000b', name: 'Åsa', role: 'BVC' }] };
  const v6Answers = [{ id: 'a1', roundId: v1Round.id, itemId: 'g2-working-group', value: 2, note: 'Vi träffas', updatedAt: '2026-05-10T08:30:00.000Z' }];
  const v6Reflections = [{ id: 'f1', roundId: v1Round.id, goalId: 'goal-2', notRelevant: false, note: 'Bra möte', updatedAt: '2026-05-10T08:40:00.000Z' }];
  const action = (n: number, status: string, createdAt: string, updatedAt: string, carriedFromId?: string) => ({
    id: `0b7d3c1e-0000-4000-8000-0000000000a${String(n)}`,
    centreId: v1Centre.id,
    roundId: v1Round.id,
    goalId: 'goal-2',
    what: `Åtgärd ${String(n)}`,
    who: 'BVC',
    due: '',
    status,
    ...(carriedFromId ? { carriedFromId } : {}),
    createdAt,
    updatedAt,
  });
  // One untouched since written, one marked done later, one carried forward from the first.
  const v6Actions = [
    action(1, 'planned', '2026-01-10T09:00:00.000Z', '2026-01-10T09:00:00.000Z'),
    action(2, 'done', '2026-01-10T09:05:00.000Z', '2026-04-02T14:00:00.000Z'),
    action(3, 'ongoing', '2026-05-10T09:00:00.000Z', '2026-05-10T09:30:00.000Z', '0b7d3c1e-0000-4000-8000-0000000000a1'),
  ];
  const v6Deleted = { ...v1Centre, id: '0b7d3c1e-0000-4000-8000-0000000000f1', name: 'Familjecentralen Alby', deletedAt: '2026-05-16T08:00:00.000Z' };
  const v6Records = {
    centres: [v1Centre, v6Deleted],
    rounds: [v6Round],
    answers: v6Answers,
    reflections: v6Reflections,
    settings: [{ key: 'locale', value: 'sv' }],
    workspace: [],
    actions: v6Actions,
    ratings: [],
    localItems: [],
    instruments: [],
  };

  it('opens at the newest version with every record as it was and every action with a history of its status', async () => {
    const name = await createDatabaseAt(6, SCHEMA_V6, v6Records);
    const db = new AppDatabase(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    expect(db.tables.map((t) => t.name).sort()).toEqual(TABLES);
    expect(await db.centres.toArray()).toEqual(v6Records.centres);
    expect(await db.rounds.toArray()).toEqual([v6Round]);
    expect(await db.answers.toArray()).toEqual(v6Answers);
    expect(await db.reflections.toArray()).toEqual(v6Reflections);
    expect(await db.settings.toArray()).toEqual(v6Records.settings);
    const actions = await db.actions.toArray();
    expect(actions).toEqual(v6Actions.map(withHistory));
    // The one done in April is done from April on, not since January: "done since" can still find it.
    expect(actions[1]?.statusHistory).toEqual([{ status: 'done', at: '2026-04-02T14:00:00.000Z', roundId: v1Round.id }]);
    expect(await db.handIns.count()).toBe(0);
    expect(await db.projectPlans.count()).toBe(0);
    expect(await db.yearlyReports.count()).toBe(0);
    db.close();
  });

  it('records later status changes after the upgraded history, and carrying forward keeps it', async () => {
    const name = await createDatabaseAt(6, SCHEMA_V6, v6Records);
    const db = new AppDatabase(name);
    const repo = createRepository(db);
    const [first] = await repo.listActions(v1Round.id);
    if (!first) throw new Error('no action');
    const october = '0b7d3c1e-0000-4000-8000-0000000000e1';
    const done = withStatus(first, 'done', '2026-10-08T10:00:00.000Z', october);
    await repo.putAction(done);
    const stored = await db.actions.get(first.id);
    expect(stored?.status).toBe('done');
    expect(stored?.statusHistory).toEqual([
      { status: 'planned', at: '2026-01-10T09:00:00.000Z', roundId: v1Round.id },
      { status: 'done', at: '2026-10-08T10:00:00.000Z', roundId: october },
    ]);
    const [copy] = carryForward([done], october, '2026-10-09T08:00:00.000Z');
    expect(copy?.statusHistory).toEqual(stored?.statusHistory);
    db.close();
  });

  it('has working hand-in, plan and report tables: one plan and one report per centre and year', async () => {
    const name = await createDatabaseAt(6, SCHEMA_V6, v6Records);
    const db = new AppDatabase(name);
    const plan = { id: 'p1', centreId: v1Centre.id, year: 2026, goalsInFocus: ['goal-2'], goalNotes: {}, targets: [], summary: '', createdAt: '2026-03-01T08:00:00.000Z', updatedAt: '2026-03-01T08:00:00.000Z' };
    await db.projectPlans.add(plan);
    await expect(db.projectPlans.add({ ...plan, id: 'p2' })).rejects.toThrow();
    const report = { id: 'y1', centreId: v1Centre.id, year: 2026, achieved: {}, nextYear: { goalsInFocus: [], actions: [], costs: '' }, createdAt: '2026-10-30T08:00:00.000Z', updatedAt: '2026-10-30T08:00:00.000Z' };
    await db.yearlyReports.add(report);
    await expect(db.yearlyReports.add({ ...report, id: 'y2' })).rejects.toThrow();
    expect(await db.handIns.where('[centreId+deadlineId+year]').equals([v1Centre.id, 'check-in-spring', 2026]).count()).toBe(0);
    db.close();
  });

  it('adds only the cycle tables', () => {
    expect(SCHEMA_V7).toEqual({
      ...SCHEMA_V6,
      handIns: 'id, centreId, [centreId+deadlineId+year], roundId',
      projectPlans: 'id, &[centreId+year]',
      yearlyReports: 'id, &[centreId+year]',
    });
  });
});

// v7 → v8: no new tables; the workspace's files move to export format 4.
import v3ExportText from '../../fixtures/exports/export-v3.json?raw';
import { parseExportText } from '@/domain/exchange/schema';
import { parseInstrument } from '@/domain/instrument';
import defaultInstrumentJson from '@/instrument/default-instrument.json';

const shippedInstrument = parseInstrument(defaultInstrumentJson);

describe('upgrading a version 7 database', () => {
  const v3File = JSON.parse(v3ExportText) as { centre: { id: string }; actions: { id: string; status: string; updatedAt: string; roundId: string }[] };
  const v7Entry = { id: v3File.centre.id, fileName: 'Fittja.json', importedAt: '2026-05-16T07:00:00.000Z', file: v3File };

  it('opens at the newest version with the workspace files in export format 4: actions with a history, empty cycle lists', async () => {
    expect(v3File.actions.length).toBeGreaterThan(0);
    const name = await createDatabaseAt(7, SCHEMA_V7, { centres: [v1Centre], workspace: [v7Entry] });
    const db = new AppDatabase(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    const [entry] = await db.workspace.toArray();
    expect(entry).toEqual({ ...v7Entry, file: inFormat4(v3File) });
    // What is stored is a valid current file: it reads like an import of the same file.
    const parsed = parseExportText(JSON.stringify(entry?.file), [shippedInstrument]);
    expect(parsed.ok).toBe(true);
    expect(await db.centres.toArray()).toEqual([v1Centre]);
    db.close();
  });
});

// v10 → v11: indexes only, for the lookups that read whole tables before.
import { SCHEMA_V10_NETWORK, SCHEMA_V11 } from '@/db/database';

describe('upgrading a version 10 database', () => {
  const SCHEMA_V10 = { ...SCHEMA_V7, ...SCHEMA_V10_NETWORK };
  const used = '0b7d3c1e-0000-4000-8000-0000000000c1';
  const unused = '0b7d3c1e-0000-4000-8000-0000000000c2';
  const gone = { ...v1Centre, id: '0b7d3c1e-0000-4000-8000-0000000000f1', name: 'Familjecentralen Alby', deletedAt: '2026-05-16T08:00:00.000Z' };
  const ownItem = (id: string, text: string) => ({ id, centreId: v1Centre.id, goalId: 'goal-2', text, levels: [], retired: false, createdAt: '2026-01-01T08:00:00.000Z', updatedAt: '2026-01-01T08:00:00.000Z' });
  const network = { ...shippedInstrument, id: 'natverket', version: '2.0.0' };
  const rounds = [
    { ...v1Round, status: 'complete', participants: [{ id: 'p1', name: '', role: 'BVC' }] },
    { ...v1Round, id: '0b7d3c1e-0000-4000-8000-000000000003', date: '2026-05-10', period: 'VT 2026', instrumentId: network.id, instrumentVersion: network.version, status: 'in-progress', participants: [] },
  ];
  const plan = (id: string, centreId: string) => ({ id, centreId, year: 2026, goalsInFocus: ['goal-2'], goalNotes: {}, targets: [], summary: '', createdAt: '2026-03-01T08:00:00.000Z', updatedAt: '2026-03-01T08:00:00.000Z' });
  const report = (id: string, centreId: string) => ({ id, centreId, year: 2026, achieved: {}, nextYear: { goalsInFocus: [], actions: [], costs: '' }, createdAt: '2026-10-30T08:00:00.000Z', updatedAt: '2026-10-30T08:00:00.000Z' });
  const v10Records = {
    centres: [v1Centre, gone],
    rounds,
    answers: [
      { id: 'a1', roundId: v1Round.id, itemId: 'g2-working-group', value: 2, note: '', updatedAt: '2026-05-10T08:30:00.000Z' },
      { id: 'a2', roundId: v1Round.id, itemId: used, value: null, note: 'Väntrummet delas', updatedAt: '2026-05-10T08:31:00.000Z' },
      { id: 'a3', roundId: v1Round.id, itemId: unused, value: null, note: '', updatedAt: '2026-05-10T08:32:00.000Z' },
    ],
    reflections: [],
    settings: [{ key: 'locale', value: 'sv' }],
    workspace: [],
    actions: [],
    ratings: [
      { id: 'r1', roundId: v1Round.id, itemId: used, participantId: 'p1', value: 3, updatedAt: '2026-05-10T08:20:00.000Z' },
      { id: 'r2', roundId: v1Round.id, itemId: unused, participantId: 'p1', value: null, updatedAt: '2026-05-10T08:21:00.000Z' },
    ],
    localItems: [ownItem(used, 'Vi har ett gemensamt väntrum'), ownItem(unused, 'Vi äter lunch ihop')],
    instruments: [{ key: `${network.id}@${network.version}`, instrument: network, fileName: 'natverket.json', installedAt: '2026-02-01T08:00:00.000Z' }],
    handIns: [],
    projectPlans: [plan('p-fittja', v1Centre.id), plan('p-alby', gone.id)],
    yearlyReports: [report('y-alby', gone.id), report('y-fittja', v1Centre.id)],
    outbox: [{ handInId: 'h1', centreId: v1Centre.id, status: 'waiting', queuedAt: '2026-05-15T08:00:00.000Z', attempts: 0, nextAttemptAt: '' }],
  };

  it('opens at the newest version with every record of every table as it was', async () => {
    const name = await createDatabaseAt(10, SCHEMA_V10, v10Records);
    const db = new AppDatabase(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    expect(db.tables.map((t) => t.name).sort()).toEqual(TABLES);
    for (const [table, rows] of Object.entries(v10Records)) {
      const key = table === 'instruments' ? 'key' : table === 'settings' ? 'key' : table === 'outbox' ? 'handInId' : 'id';
      const sorted = [...rows].sort((a, b) => String((a as Record<string, unknown>)[key]).localeCompare(String((b as Record<string, unknown>)[key])));
      expect(await db.table(table).toArray(), table).toEqual(sorted);
    }
    db.close();
  });

  it('finds an item’s answers and ratings, an instrument version’s rounds and a centre’s plans and reports through the new indexes', async () => {
    const name = await createDatabaseAt(10, SCHEMA_V10, v10Records);
    const db = new AppDatabase(name);
    // `where` on a key path with no index throws in Dexie: these read the indexes, not every record.
    expect((await db.answers.where('itemId').equals(used).toArray()).map((a) => a.id)).toEqual(['a2']);
    expect((await db.ratings.where('itemId').equals(unused).toArray()).map((r) => r.id)).toEqual(['r2']);
    expect(await db.rounds.where('[instrumentId+instrumentVersion]').equals([network.id, network.version]).primaryKeys()).toEqual([rounds[1]?.id]);
    expect(await db.projectPlans.where('centreId').equals(gone.id).primaryKeys()).toEqual(['p-alby']);
    expect(await db.yearlyReports.where('centreId').equals(v1Centre.id).primaryKeys()).toEqual(['y-fittja']);
    // The unique indexes stay unique.
    await expect(db.projectPlans.add(plan('p-again', v1Centre.id))).rejects.toThrow();
    await expect(db.answers.add({ id: 'a-again', roundId: v1Round.id, itemId: used, value: 1, note: '', updatedAt: '2026-05-11T08:00:00.000Z' })).rejects.toThrow();
    db.close();
  });

  it('works through the resource modules after the upgrade: own items, instruments in use, and purging a centre with its documents', async () => {
    const name = await createDatabaseAt(10, SCHEMA_V10, v10Records);
    const db = new AppDatabase(name);
    const repo = createRepository(db);
    expect(await repo.localItemUsed(used)).toBe(true);
    expect(await repo.localItemUsed(unused)).toBe(false);
    expect(await repo.removeLocalItem(unused)).toBe('deleted');
    expect(await repo.removeLocalItem(used)).toBe('retired');
    expect((await db.answers.toArray()).map((a) => a.id)).toEqual(['a1', 'a2']);
    expect((await db.ratings.toArray()).map((r) => r.id)).toEqual(['r1']);
    expect(await repo.roundsUsingInstrument(network.id, network.version)).toBe(1);
    expect(await repo.roundsUsingInstrument(network.id, '1.0.0')).toBe(0);
    expect(await repo.uninstallInstrument(`${network.id}@${network.version}`)).toBe(false);
    const purged = await repo.purgeExpired(Date.parse(gone.deletedAt) + UNDO_WINDOW_MS + 1);
    expect(purged.map((record) => record.id)).toEqual([gone.id]);
    expect(await db.projectPlans.toCollection().primaryKeys()).toEqual(['p-fittja']);
    expect(await db.yearlyReports.toCollection().primaryKeys()).toEqual(['y-fittja']);
    db.close();
  });

  it('adds only indexes: no table, no record change', () => {
    expect(SCHEMA_V11).toEqual({
      answers: `${SCHEMA_V10.answers}, itemId`,
      ratings: `${SCHEMA_V10.ratings}, itemId`,
      rounds: `${SCHEMA_V10.rounds}, [instrumentId+instrumentVersion]`,
      projectPlans: `${SCHEMA_V10.projectPlans}, centreId`,
      yearlyReports: `${SCHEMA_V10.yearlyReports}, centreId`,
    });
  });
});

// v8 → v10: the outbox of the network. The rounds and hand-ins of before keep the path profile they
// were read with: a 1.0.0 round is profiled with rules default-1 though 2.0.0 is now the newest.
import { createHandInRepository } from '@/db/handIns';
import { isIntact, sealHandIn } from '@/domain/cycle/handIn';
import type { CheckInDocumentV1, CheckInDocumentV2 } from '@/domain/cycle/checkIn';
import { loadBuiltInInstruments } from '@/instrument';
import { legacyCheckIn, yearOfDocuments } from '../../fixtures/documents';

describe('upgrading a version 8 database', () => {
  function v8Records() {
    const story = yearOfDocuments();
    const { year, may, october, mayHandIn, octoberHandIn } = story;
    // A check-in sealed before the profile existed: one stage number, as version 1 of the document wrote it.
    const stageHandIn = sealHandIn(legacyCheckIn(mayHandIn.document as CheckInDocumentV2, { now: 2, previous: 1 }), {
      id: 'handin-stage',
      centreId: year.centre.id,
      deadlineId: 'check-in-spring',
      year: 2026,
      roundId: may.round.id,
      sequence: 2,
      sealedAt: '2026-05-13T09:00:00.000Z',
    });
    const records = {
      centres: [year.centre],
      rounds: [may.round, october.round],
      answers: [...may.answers, ...october.answers],
      reflections: [...may.reflections, ...october.reflections],
      actions: year.actions,
      localItems: year.localItems,
      handIns: [mayHandIn, octoberHandIn, stageHandIn],
    };
    return { story, stageHandIn, records };
  }

  it('opens at the newest version with every record as it was and an empty, working outbox', async () => {
    const { records } = v8Records();
    const name = await createDatabaseAt(8, SCHEMA_V7, records);
    const db = new AppDatabase(name);
    await db.open();
    expect(db.verno).toBe(NEWEST);
    expect(db.tables.map((t) => t.name).sort()).toEqual(TABLES);
    for (const [table, rows] of Object.entries(records)) {
      expect(await db.table(table).toArray(), table).toEqual([...rows].sort((a, b) => (a.id < b.id ? -1 : 1)));
    }
    expect(await db.outbox.count()).toBe(0);
    await db.outbox.add({ handInId: 'handin-1', centreId: 'centre-rinkeby', status: 'waiting', queuedAt: '2026-12-03T08:00:00.000Z', attempts: 0, nextAttemptAt: '' });
    expect(await db.outbox.where('status').equals('waiting').count()).toBe(1);
    db.close();
  });

  it('keeps each round’s profile and each hand-in as sealed: a 1.0.0 round is read with default-1 though 2.0.0 is the newest', async () => {
    const { story, stageHandIn, records } = v8Records();
    const name = await createDatabaseAt(8, SCHEMA_V7, records);
    const db = new AppDatabase(name);
    await db.open();
    const shipped = await loadBuiltInInstruments();
    expect(shipped.map((instrument) => instrument.version)).toEqual(['2.0.0', '1.0.0']);
    const sealedDocument = story.mayHandIn.document as CheckInDocumentV2;
    expect(sealedDocument.path.now.rulesVersion).toBe('default-1');

    // Read again after the upgrade, the May round's profile is the one its hand-in was sealed with.
    const now = await createHandInRepository(db).currentCheckIn(story.may.round.id, shipped, '2026-12-03T08:00:00.000Z');
    expect(now?.documentVersion).toBe(2);
    expect((now as CheckInDocumentV2 | undefined)?.path.now).toEqual(sealedDocument.path.now);
    expect(now?.instrument.version).toBe('1.0.0');

    // Every hand-in is byte for byte as sealed; the one from before the profile still has its single stage.
    const stored = await db.handIns.toArray();
    expect(stored.map((handIn) => handIn.hash).sort()).toEqual(records.handIns.map((handIn) => handIn.hash).sort());
    for (const handIn of stored) expect(isIntact(handIn), handIn.id).toBe(true);
    const old = stored.find((handIn) => handIn.id === stageHandIn.id);
    expect((old?.document as CheckInDocumentV1 | undefined)?.stage).toEqual({ now: 2, previous: 1 });
    expect(old?.document).not.toHaveProperty('path');
    db.close();
  });
});
