import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { repository } from '../../fixtures/repository';
import { AppDatabase, SCHEMA_V7 } from '@/db/database';
import { handInRepository } from '@/db/handIns';
import { networkRepository } from '@/db/network';
import type { HandIn } from '@/domain/cycle/handIn';
import { forCoordinator } from '@/domain/exchange/coordinator';
import { buildExport, type ExportFile } from '@/domain/exchange/format';
import { buildHandInDoc, handInDocId, type HandInDoc } from '@/domain/network/network';
import { readHandInDoc, resolveRevisions } from '@/domain/network/readDoc';
import { parseExportBytes } from '@/domain/exchange/schema';
import { startFeed } from '@/network/feed';
import { createCentre, createRound } from '@/domain/records';
import { createOutbox } from '@/network/outbox';
import type { Fetch } from '@/network/couch';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { smallInstrument } from '../../fixtures/instruments';
import { centreInput, participant, roundInput } from '../../fixtures/records';

const shipped = [smallInstrument];

/**
 * A fake longpoll's wait: until the feed stops. A feed stopped before the request began has its
 * signal aborted already, and no abort event comes any more (a real fetch rejects at once then).
 */
function untilAborted(signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal || signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

beforeEach(emptyAppDatabase);

/** A centre with one answered round handed in, in the app's database. */
async function handedIn(name = 'Familjecentralen Fittja'): Promise<{ handIn: HandIn; file: ExportFile }> {
  const centre = createCentre(centreInput({ name, services: ['bvc', 'bmm', 'openPreschool', 'socialServices'] }));
  await repository.addCentre(centre);
  const round = createRound(centre.id, roundInput({ date: '2026-05-05', title: 'Våren 2026', period: '', participants: [participant('Anna Andersson', 'BVC', crypto.randomUUID())] }), smallInstrument);
  await repository.addRound(round);
  await repository.saveAnswer(round.id, 'goal-a', 'a-1', { value: 3, note: 'Vi har kommit igång' });
  const handIn = await handInRepository.sealHandIn(round.id, 'check-in-spring', { shipped, now: '2026-05-14T12:00:00.000Z' });
  if (!handIn) throw new Error('not sealed');
  const source = await repository.exportSource(centre.id);
  if (!source) throw new Error('no export');
  return { handIn, file: forCoordinator(buildExport(source, 'test', '2026-05-14T12:00:01.000Z')) };
}

describe('a hand-in document from the server', () => {
  it('is read like an imported file when nothing in it was changed', async () => {
    const { handIn, file } = await handedIn();
    const read = readHandInDoc(JSON.parse(JSON.stringify(buildHandInDoc(handIn, file))), shipped);
    expect(read).toMatchObject({ ok: true, handInId: handIn.id });
  });

  it('is refused when markup was slipped into the sealed text: the hash no longer matches', async () => {
    const { handIn, file } = await handedIn();
    const doc = JSON.parse(JSON.stringify(buildHandInDoc(handIn, file))) as HandInDoc & { file: { handIns: { document: { round: { title: string } } }[] } };
    const sealed = doc.file.handIns[0];
    if (!sealed) throw new Error('no hand-in');
    sealed.document.round.title = '<img src=x onerror=alert(1)>';
    const read = readHandInDoc(doc, shipped);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems.map((p) => p.code)).toEqual(['tamperedHandIn']);
  });

  it('is refused with the field named when the file breaks the schema, or names a hand-in or centre it does not hold', async () => {
    const { handIn, file } = await handedIn();
    const doc = buildHandInDoc(handIn, file);
    const broken = readHandInDoc({ ...doc, file: { ...file, rounds: 'inga' } }, shipped);
    expect(!broken.ok && broken.problems[0]).toMatchObject({ code: 'invalidField', path: 'rounds' });
    expect(readHandInDoc({ ...doc, handInId: 'another' }, shipped)).toMatchObject({ ok: false, problems: [{ code: 'unknownReference', path: 'handIns' }] });
    expect(readHandInDoc({ ...doc, centreId: 'another' }, shipped)).toMatchObject({ ok: false, problems: [{ code: 'unknownReference', path: 'centre.id' }] });
    expect(readHandInDoc({ ...doc, hash: `sha256:${'0'.repeat(64)}` }, shipped)).toMatchObject({ ok: false, problems: [{ code: 'tamperedHandIn' }] });
    expect(readHandInDoc({ ...doc, type: 'other' }, shipped)).toMatchObject({ ok: false, problems: [{ code: 'notExport' }] });
    expect(readHandInDoc('<html>', shipped)).toMatchObject({ ok: false, problems: [{ code: 'notExport' }] });
  });
});

describe('the outbox', () => {
  /** A stand-in server: one database, answering like CouchDB; `down` makes every request fail as offline. */
  function server() {
    const docs = new Map<string, { hash?: string }>();
    const state = { down: false, posts: 0, logins: 0 };
    const fetchImpl: Fetch = async (input, init) => {
      await Promise.resolve();
      if (state.down) throw new TypeError('Failed to fetch');
      const path = input.replace(/^\/couchdb\//, '');
      const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
      if (path === '_session') {
        state.logins += 1;
        return json({ ok: true });
      }
      const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { docs?: HandInDoc[]; keys?: string[] };
      if (path === 'fc-fittja/_bulk_docs') {
        state.posts += 1;
        return json(
          (body.docs ?? []).map((doc) => {
            if (docs.has(doc._id)) return { id: doc._id, error: 'conflict', reason: 'Document update conflict.' };
            docs.set(doc._id, doc);
            return { id: doc._id, ok: true, rev: '1-x' };
          }),
          201,
        );
      }
      if (path.startsWith('fc-fittja/_all_docs')) return json({ rows: (body.keys ?? []).map((key) => ({ key, doc: docs.get(key) })) });
      return json({ error: 'not_found' }, 404);
    };
    return { docs, state, fetchImpl };
  }

  let now = '2026-05-14T13:00:00.000Z';
  afterEach(() => {
    now = '2026-05-14T13:00:00.000Z';
  });

  async function setUp(centreId: string): Promise<void> {
    await networkRepository.setSettings({ address: '/couchdb', databases: [{ db: 'fc-fittja' }], centres: { [centreId]: { db: 'fc-fittja', login: { name: 'fittja', password: 'x' } } } });
  }

  it('sends a hand-in once: its document is on the server under the hand-in’s id, and the entry says when it went', async () => {
    const { handIn } = await handedIn();
    await setUp(handIn.centreId);
    const fake = server();
    const outbox = createOutbox({ fetch: fake.fetchImpl, now: () => now });
    await outbox.run();
    expect([...fake.docs.keys()]).toEqual([handInDocId(handIn)]);
    expect(await networkRepository.listOutbox(handIn.centreId)).toMatchObject([{ handInId: handIn.id, status: 'sent', sentAt: now }]);
    await outbox.run();
    expect(fake.state.posts).toBe(1);
  });

  it('keeps a hand-in waiting while the server cannot be reached, backs off, and sends it when asked again', async () => {
    const { handIn } = await handedIn();
    await setUp(handIn.centreId);
    const fake = server();
    fake.state.down = true;
    const outbox = createOutbox({ fetch: fake.fetchImpl, now: () => now });
    await outbox.run();
    expect(await networkRepository.listOutbox(handIn.centreId)).toMatchObject([{ status: 'waiting', attempts: 1, error: 'offline', nextAttemptAt: '2026-05-14T13:00:02.000Z' }]);
    // Not yet due: nothing is tried.
    fake.state.down = false;
    await outbox.run();
    expect(fake.state.posts).toBe(0);
    now = '2026-05-14T13:00:03.000Z';
    await outbox.run();
    expect(await networkRepository.listOutbox(handIn.centreId)).toMatchObject([{ status: 'sent', attempts: 0 }]);
    expect(fake.docs.size).toBe(1);
  });

  it('tries again at once when the browser says it is online again, without waiting out the backoff', async () => {
    const { handIn } = await handedIn();
    await setUp(handIn.centreId);
    const fake = server();
    fake.state.down = true;
    // The clock stands still, so the backoff's next try is 2 s of real time away.
    const outbox = createOutbox({ fetch: fake.fetchImpl, now: () => now });
    outbox.start();
    try {
      await vi.waitFor(async () => expect(await networkRepository.listOutbox(handIn.centreId)).toMatchObject([{ status: 'waiting', attempts: 1 }]));
      fake.state.down = false;
      dispatchEvent(new Event('online'));
      await vi.waitFor(async () => expect(await networkRepository.listOutbox(handIn.centreId)).toMatchObject([{ status: 'sent' }]), { timeout: 1_000 });
      expect(fake.docs.size).toBe(1);
    } finally {
      outbox.stop();
    }
  });

  it('sends a round changed and handed in anew as a new document, beside the first, which stays as it was', async () => {
    const { handIn } = await handedIn();
    await setUp(handIn.centreId);
    const fake = server();
    const outbox = createOutbox({ fetch: fake.fetchImpl, now: () => now });
    await outbox.run();
    const first = structuredClone(fake.docs.get(handInDocId(handIn)));
    if (!handIn.roundId) throw new Error('a check-in names its round');
    await repository.saveAnswer(handIn.roundId, 'goal-a', 'a-1', { value: 4, note: 'Nu samarbetar vi varje vecka' });
    const again = await handInRepository.sealHandIn(handIn.roundId, 'check-in-spring', { shipped, now: '2026-05-14T14:00:00.000Z' });
    if (!again) throw new Error('not sealed');
    expect(again).toMatchObject({ sequence: 2, roundId: handIn.roundId });
    now = '2026-05-14T14:00:01.000Z';
    await outbox.run();
    expect([...fake.docs.keys()].sort()).toEqual([handInDocId(handIn), handInDocId(again)].sort());
    expect(fake.docs.get(handInDocId(handIn))).toEqual(first);
    expect(fake.docs.get(handInDocId(again))).toMatchObject({ handInId: again.id, hash: again.hash });
    expect(again.hash).not.toBe(handIn.hash);
  });

  it('counts a send as done when the server already holds the same hand-in (an answer lost on the way)', async () => {
    const { handIn, file } = await handedIn();
    await setUp(handIn.centreId);
    const fake = server();
    fake.docs.set(handInDocId(handIn), buildHandInDoc(handIn, file));
    await createOutbox({ fetch: fake.fetchImpl, now: () => now }).run();
    expect(await networkRepository.listOutbox(handIn.centreId)).toMatchObject([{ status: 'sent' }]);
    expect(fake.docs.size).toBe(1);
  });

  it('does not overwrite another document under the hand-in’s id: the entry waits and says it is a conflict, and goes once that document is gone', async () => {
    const { handIn, file } = await handedIn();
    await setUp(handIn.centreId);
    const fake = server();
    const other = { ...buildHandInDoc(handIn, file), hash: `sha256:${'f'.repeat(64)}` };
    fake.docs.set(handInDocId(handIn), other);
    const outbox = createOutbox({ fetch: fake.fetchImpl, now: () => now });
    await outbox.run();
    expect(await networkRepository.listOutbox(handIn.centreId)).toMatchObject([{ status: 'waiting', attempts: 1, error: 'conflict' }]);
    expect(fake.docs.get(handInDocId(handIn))).toBe(other);
    // Whoever runs the server removes the wrong document: the next try sends the hand-in.
    fake.docs.delete(handInDocId(handIn));
    now = '2026-05-14T13:00:03.000Z';
    await outbox.run();
    expect(await networkRepository.listOutbox(handIn.centreId)).toMatchObject([{ status: 'sent' }]);
    expect(fake.docs.get(handInDocId(handIn))).toMatchObject({ hash: handIn.hash });
  });

  it('takes a 409 for the whole request as a conflict and looks at what the server holds', async () => {
    const { handIn, file } = await handedIn();
    await setUp(handIn.centreId);
    const fake = server();
    fake.docs.set(handInDocId(handIn), buildHandInDoc(handIn, file));
    const conflicting: Fetch = (input, init) => (input.endsWith('/_bulk_docs') ? Promise.resolve(new Response('{"error":"conflict"}', { status: 409 })) : fake.fetchImpl(input, init));
    await createOutbox({ fetch: conflicting, now: () => now }).run();
    expect(await networkRepository.listOutbox(handIn.centreId)).toMatchObject([{ status: 'sent' }]);
  });

  it('sends by itself only hand-ins sealed since the centre’s login was set; earlier ones go when asked', async () => {
    const { handIn } = await handedIn();
    // The login was set the day after the hand-in was sealed (2026-05-14).
    await networkRepository.setSettings({ address: '/couchdb', databases: [{ db: 'fc-fittja' }], centres: { [handIn.centreId]: { db: 'fc-fittja', login: { name: 'fittja', password: 'x' }, since: '2026-05-15T08:00:00.000Z' } } });
    const fake = server();
    const outbox = createOutbox({ fetch: fake.fetchImpl, now: () => now });
    await outbox.run();
    expect(fake.state.posts).toBe(0);
    expect(await networkRepository.listOutbox(handIn.centreId)).toEqual([]);
    // "Skicka tidigare inlämningar": queued without the since, then sent.
    expect(await networkRepository.queueHandIns(handIn.centreId, now)).toBe(1);
    await outbox.run();
    expect(await networkRepository.listOutbox(handIn.centreId)).toMatchObject([{ handInId: handIn.id, status: 'sent' }]);
    expect([...fake.docs.keys()]).toEqual([handInDocId(handIn)]);
  });

  it('sends nothing, and makes no request, when no network is set', async () => {
    await handedIn();
    const fake = server();
    let requests = 0;
    await createOutbox({ fetch: (input, init) => ((requests += 1), fake.fetchImpl(input, init)), now: () => now }).run();
    expect(requests).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('what the coordinator’s feed stores', () => {
  it('keeps the newest file per centre, and refuses a document in a database that speaks for another centre', async () => {
    const fittja = await handedIn('Familjecentralen Fittja');
    const alby = await handedIn('Familjecentralen Alby');
    const entry = (file: ExportFile) => ({ id: file.centre.id, fileName: 'x', importedAt: '2026-05-15T08:00:00.000Z', file });
    await networkRepository.receive('fc-fittja', '1', [{ docId: 'a', entry: entry(fittja.file) }], []);
    await networkRepository.receive('fc-fittja', '2', [{ docId: 'b', entry: entry(alby.file) }], []);
    await networkRepository.receive('fc-alby', '1', [{ docId: 'c', entry: entry(fittja.file) }], []);
    expect((await repository.listWorkspace()).map((e) => e.file.centre.name)).toEqual(['Familjecentralen Fittja']);
    expect((await networkRepository.listRefused()).map((doc) => [doc.db, doc.docId, doc.problems[0]?.code])).toEqual([
      ['fc-fittja', 'b', 'unknownReference'],
      ['fc-alby', 'c', 'unknownReference'],
    ]);
    expect(await networkRepository.getSince('fc-fittja')).toBe('2');
    const older = { ...fittja.file, exportedAt: '2026-01-01T00:00:00.000Z' };
    await networkRepository.receive('fc-fittja', '3', [{ docId: 'd', entry: entry(older) }], []);
    expect((await repository.listWorkspace())[0]?.file.exportedAt).toBe(fittja.file.exportedAt);
  });
});

describe('a hand-in from the outbox to the coordinator’s workspace', () => {
  it('carries the centre’s whole file Till samordnaren, rounds not handed in included, and fills the workspace as importing that file does', async () => {
    const { handIn } = await handedIn();
    // A round started after the hand-in, not handed in: it goes with the file all the same.
    const draft = createRound(handIn.centreId, roundInput({ date: '2026-09-01', title: 'Hösten 2026', period: '', participants: [] }), smallInstrument);
    await repository.addRound(draft);
    await networkRepository.setSettings({ address: '/couchdb', databases: [{ db: 'fc-fittja' }], centres: { [handIn.centreId]: { db: 'fc-fittja', login: { name: 'fittja', password: 'x' } } } });
    const sent = new Map<string, HandInDoc>();
    const now = '2026-05-14T13:00:00.000Z';
    const fetchImpl: Fetch = async (input, init) => {
      await Promise.resolve();
      const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
      if (input.endsWith('/_session')) return json({ ok: true });
      if (input.endsWith('/_bulk_docs')) {
        const { docs } = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { docs: HandInDoc[] };
        for (const doc of docs) sent.set(doc._id, doc);
        return json(docs.map((doc) => ({ id: doc._id, ok: true, rev: '1-x' })), 201);
      }
      if (input.includes('/_changes?')) {
        if (new URLSearchParams(input.split('?')[1]).get('since') === '0') return json({ results: [...sent.values()].map((doc, index) => ({ id: doc._id, seq: index + 1, doc })), last_seq: sent.size });
        await untilAborted(init?.signal);
        throw new DOMException('aborted', 'AbortError');
      }
      return json({ error: 'not_found' }, 404);
    };
    await createOutbox({ fetch: fetchImpl, now: () => now }).run();
    const doc = sent.get(handInDocId(handIn));
    if (!doc) throw new Error('not sent');

    // The file the group would e-mail, exported at the same moment.
    const source = await repository.exportSource(handIn.centreId);
    if (!source) throw new Error('no export');
    const file = JSON.parse(JSON.stringify(forCoordinator(buildExport(source, doc.file.app.version, now)))) as ExportFile;
    expect(doc.file).toEqual(file);
    expect(doc.file.rounds.map((round) => round.title).sort()).toEqual(['Hösten 2026', 'Våren 2026']);
    expect(doc.file.handIns.map((h) => h.id)).toEqual([handIn.id]);

    const feed = startFeed({ address: '/couchdb', login: { name: 'samordnare' }, databases: ['fc-fittja'], instruments: () => shipped, fetch: fetchImpl });
    await expect.poll(async () => (await repository.listWorkspace()).length).toBe(1);
    feed.stop();
    const picked = parseExportBytes(new TextEncoder().encode(JSON.stringify(file)), shipped);
    if (!picked.ok) throw new Error('the file does not import');
    expect((await repository.listWorkspace())[0]?.file).toEqual(picked.file);
  });
});

describe('conflicting revisions of a document on the server (CouchDB’s _conflicts)', () => {
  it('are one hand-in when every revision carries the same sealed hand-in: the newest file wins, and a doctored revision does not count', async () => {
    const { handIn, file } = await handedIn();
    const older = JSON.parse(JSON.stringify(buildHandInDoc(handIn, file))) as HandInDoc;
    const newer = JSON.parse(JSON.stringify(buildHandInDoc(handIn, { ...file, exportedAt: '2026-06-01T08:00:00.000Z' }))) as HandInDoc;
    const doctored = { ...newer, file: { ...newer.file, rounds: 'inga' } };
    const resolved = resolveRevisions([older, doctored, newer], shipped);
    expect(resolved).toMatchObject({ ok: true, handInId: handIn.id, file: { exportedAt: '2026-06-01T08:00:00.000Z' } });
    expect(resolveRevisions([doctored], shipped)).toMatchObject({ ok: false, problems: [{ code: 'invalidField', path: 'rounds' }] });
  });

  it('cannot be resolved when two revisions carry different hand-ins: neither is taken, the document is a conflict', async () => {
    const fittja = await handedIn('Familjecentralen Fittja');
    const alby = await handedIn('Familjecentralen Alby');
    const mine = JSON.parse(JSON.stringify(buildHandInDoc(fittja.handIn, fittja.file))) as HandInDoc;
    const theirs = { ...(JSON.parse(JSON.stringify(buildHandInDoc(alby.handIn, alby.file))) as HandInDoc), _id: mine._id };
    expect(resolveRevisions([mine, theirs], shipped)).toEqual({ ok: false, problems: [{ code: 'revisionConflict', path: '_conflicts', detail: '2' }] });
  });

  it('are read by the coordinator’s feed, which asks for the losing revisions and lists a conflict it cannot resolve', async () => {
    const fittja = await handedIn('Familjecentralen Fittja');
    const alby = await handedIn('Familjecentralen Alby');
    const winner = { ...(JSON.parse(JSON.stringify(buildHandInDoc(fittja.handIn, fittja.file))) as HandInDoc), _rev: '2-a', _conflicts: ['2-b'] };
    const loser = { ...(JSON.parse(JSON.stringify(buildHandInDoc(alby.handIn, alby.file))) as HandInDoc), _id: winner._id, _rev: '2-b' };
    const asked: string[] = [];
    const fetchImpl: Fetch = async (input, init) => {
      asked.push(input);
      const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
      if (input.endsWith('/_session')) return json({ ok: true });
      if (input.includes('/_changes?')) {
        const query = new URLSearchParams(input.split('?')[1]);
        if (query.get('since') === '0') return json({ results: [{ id: winner._id, seq: 1, doc: winner }], last_seq: 1 });
        // A longpoll with nothing new waits until the feed stops.
        await untilAborted(init?.signal);
        throw new DOMException('aborted', 'AbortError');
      }
      if (input.includes(`?rev=2-b`)) return json(loser);
      return new Response('{}', { status: 404 });
    };
    const feed = startFeed({ address: '/couchdb', login: { name: 'samordnare' }, databases: ['fc-fittja'], instruments: () => shipped, fetch: fetchImpl });
    await expect.poll(() => networkRepository.listRefused()).toEqual([{ db: 'fc-fittja', docId: winner._id, problems: [{ code: 'revisionConflict', path: '_conflicts', detail: '2' }] }]);
    feed.stop();
    await feed.done;
    expect(asked.find((url) => url.includes('/_changes?'))).toContain('conflicts=true');
    expect(asked).toContain(`/couchdb/fc-fittja/${encodeURIComponent(winner._id)}?rev=2-b`);
    expect(await repository.listWorkspace()).toEqual([]);
  });
});

describe('the coordinator’s feed over a large network', () => {
  it('sweeps more databases than it can follow and stores what they bring in one batch; a database that failed keeps its checkpoint', async () => {
    const centres = await Promise.all(['A', 'B', 'C', 'D', 'E', 'F'].map((letter) => handedIn(`Familjecentralen ${letter}`)));
    const dbs = centres.map((_centre, i) => `fc-${String(i)}`);
    const docs = new Map(dbs.map((name, i) => [name, JSON.parse(JSON.stringify(buildHandInDoc(centres[i]!.handIn, centres[i]!.file))) as HandInDoc]));
    const fetchImpl: Fetch = (input) => {
      const [, name = '', rest = ''] = /^\/couchdb\/([^/]+)\/(.*)$/.exec(input) ?? [];
      if (name === 'fc-5') return Promise.resolve(new Response('{}', { status: 500 }));
      const doc = docs.get(name);
      if (!rest.startsWith('_changes') || !doc) return Promise.resolve(new Response('{}', { status: 404 }));
      const since = new URLSearchParams(rest.split('?')[1]).get('since');
      return Promise.resolve(new Response(JSON.stringify(since === '0' ? { results: [{ id: doc._id, seq: 1, doc }], last_seq: 1 } : { results: [], last_seq: 1 }), { status: 200 }));
    };
    const stores = vi.spyOn(networkRepository, 'receiveMany');
    const states = new Map<string, string>();
    const feed = startFeed({ address: '/couchdb', login: { name: 'samordnare' }, databases: dbs, instruments: () => shipped, fetch: fetchImpl, onState: (db, state) => states.set(db, state) });
    await expect.poll(async () => (await repository.listWorkspace()).length).toBe(5);
    feed.stop();
    await feed.done;
    expect(stores).toHaveBeenCalledTimes(1);
    expect(stores.mock.calls[0]?.[0].map((batch) => batch.database).sort()).toEqual(['fc-0', 'fc-1', 'fc-2', 'fc-3', 'fc-4']);
    expect(states.get('fc-5')).toBe('server');
    expect(await networkRepository.getSince('fc-0')).toBe('1');
    expect(await networkRepository.getSince('fc-5')).toBe('0');
    stores.mockRestore();
  });
});

describe('the coordinator’s password', () => {
  it('is never stored: settings keep the name, and settings stored before this rule are rewritten without it', async () => {
    const withPassword = { address: '/couchdb', databases: [], centres: {}, coordinator: { name: 'samordnare', password: 'hemligt' } };
    await networkRepository.setSettings(withPassword);
    expect((await db.settings.get('network'))?.value).not.toContain('hemligt');
    // An older version of the app stored it as it was.
    await db.settings.put({ key: 'network', value: JSON.stringify(withPassword) });
    expect(await networkRepository.getSettings()).toMatchObject({ coordinator: { name: 'samordnare' } });
    expect(await networkRepository.getSettings()).not.toHaveProperty('coordinator.password');
    expect(await networkRepository.forgetCoordinatorPassword()).toBe(true);
    expect((await db.settings.get('network'))?.value).not.toContain('hemligt');
    expect(await networkRepository.forgetCoordinatorPassword()).toBe(false);
  });

  it('is not needed by the feed, which reads with the session cookie and, when the session has ended, says so instead of logging in', async () => {
    const asked: { url: string; method: string }[] = [];
    const states: string[] = [];
    const fetchImpl: Fetch = (input, init) => {
      asked.push({ url: input, method: init?.method ?? 'GET' });
      return Promise.resolve(new Response('{"error":"unauthorized"}', { status: 401 }));
    };
    const feed = startFeed({ address: '/couchdb', login: { name: 'samordnare' }, databases: ['fc-fittja'], instruments: () => shipped, fetch: fetchImpl, onState: (_db, state) => states.push(state) });
    await expect.poll(() => states).toContain('unauthorized');
    feed.stop();
    await feed.done;
    expect(asked.some((request) => request.url.endsWith('/_session'))).toBe(false);
    expect(asked[0]?.url).toContain('/couchdb/fc-fittja/_changes?');
  });
});

describe('upgrading a version 8 database to version 10 (and on to the newest)', () => {
  it('keeps every record and adds an empty outbox, which then queues the hand-ins already sealed', async () => {
    const { handIn } = await handedIn();
    const [centres, rounds, answers, handIns] = await Promise.all([db.centres.toArray(), db.rounds.toArray(), db.answers.toArray(), db.handIns.toArray()]);
    const name = `migration-v8-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(8).stores(SCHEMA_V7);
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      await old.table('centres').bulkAdd(centres);
      await old.table('rounds').bulkAdd(rounds);
      await old.table('answers').bulkAdd(answers);
      await old.table('handIns').bulkAdd(handIns);
      await old.table('settings').add({ key: 'lastExport:x', value: '2026-05-01T00:00:00.000Z' });
    });
    old.close();

    const upgraded = new AppDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(11);
    expect(await upgraded.centres.toArray()).toEqual(centres);
    expect(await upgraded.answers.toArray()).toEqual(answers);
    expect(await upgraded.handIns.toArray()).toEqual(handIns);
    expect(await upgraded.settings.toArray()).toEqual([{ key: 'lastExport:x', value: '2026-05-01T00:00:00.000Z' }]);
    expect(await upgraded.outbox.count()).toBe(0);
    const { createNetworkRepository } = await import('@/db/network');
    expect(await createNetworkRepository(upgraded).queueHandIns(handIn.centreId, '2026-05-20T00:00:00.000Z')).toBe(1);
    expect(await createNetworkRepository(upgraded).queueHandIns(handIn.centreId, '2026-05-20T00:00:00.000Z')).toBe(0);
    upgraded.close();
    await Dexie.delete(name);
  });
});
