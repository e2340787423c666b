import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { repository } from '../../fixtures/repository';
import { workspaceRepository } from '@/db/workspace';
import { UNDO_WINDOW_MS } from '@/domain/deletions';
import type { ExportFile } from '@/domain/exchange/format';
import type { Instrument } from '@/domain/types';
import { setLocale } from '@/i18n';
import { useInstrumentStore } from '@/stores/instrument';
import { useSaveStatusStore } from '@/stores/saveStatus';
import { useUndoStore } from '@/stores/undo';
import { useWorkspaceStore } from '@/stores/workspace';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { all, centreFile } from '../../fixtures/centreFiles';
import { toastTexts } from '../../fixtures/toasts';

let workspace: ReturnType<typeof useWorkspaceStore>;
let instrument: Instrument;

function asFile(file: unknown, name: string): File {
  return new File([typeof file === 'string' ? file : JSON.stringify(file)], name, { type: 'application/json' });
}

function fileOf(name: string, exportedAt = '2026-05-20T10:00:00.000Z', centreId?: string): ExportFile {
  return centreFile(instrument, {
    name,
    exportedAt,
    ...(centreId ? { centreId } : {}),
    rounds: [{ date: '2026-04-15', period: 'VT 2026', ratings: { 'goal-1': all(instrument, 'goal-1', 3) } }],
  });
}

beforeEach(async () => {
  await emptyAppDatabase();
  setActivePinia(createPinia());
  const loaded = await useInstrumentStore().load();
  if (!loaded) throw new Error('no instrument');
  instrument = loaded;
  workspace = useWorkspaceStore();
  await vi.waitFor(() => expect(workspace.loading).toBe(false));
});

afterEach(() => {
  workspace.$dispose();
  setLocale('sv');
});

describe('workspace store', () => {
  it('starts empty', () => {
    expect(workspace.entries).toEqual([]);
  });

  it('adds valid files with their provenance, in one write, and lists them by name', async () => {
    const put = vi.spyOn(workspaceRepository, 'putWorkspaceEntries');
    const reports = await workspace.importFiles([asFile(fileOf('Östberga'), 'ostberga.json'), asFile(fileOf('Alby'), 'alby.json')]);
    expect(reports).toEqual([
      { fileName: 'ostberga.json', status: 'added', centreName: 'Östberga' },
      { fileName: 'alby.json', status: 'added', centreName: 'Alby' },
    ]);
    expect(put).toHaveBeenCalledTimes(1);
    expect(useSaveStatusStore().state).toBe('saved');
    await vi.waitFor(() => expect(workspace.entries.map((entry) => entry.file.centre.name)).toEqual(['Alby', 'Östberga']));
    const entry = workspace.entries[0];
    expect(entry?.fileName).toBe('alby.json');
    expect(entry?.id).toBe(entry?.file.centre.id);
    expect(entry?.importedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('replaces a centre’s file with a newer one and keeps it against an older or equally new one', async () => {
    const first = fileOf('Alby', '2026-05-20T10:00:00.000Z');
    await workspace.importFiles([asFile(first, 'alby-maj.json')]);
    const newer = fileOf('Alby', '2026-10-20T10:00:00.000Z', first.centre.id);
    expect(await workspace.importFiles([asFile(newer, 'alby-okt.json')])).toEqual([{ fileName: 'alby-okt.json', status: 'replaced', centreName: 'Alby' }]);

    const older = fileOf('Alby', '2026-01-20T10:00:00.000Z', first.centre.id);
    const same = { ...newer, rounds: [], answers: [] };
    expect(await workspace.importFiles([asFile(older, 'alby-jan.json'), asFile(same, 'alby-kopia.json')])).toEqual([
      { fileName: 'alby-jan.json', status: 'kept-newer', centreName: 'Alby' },
      { fileName: 'alby-kopia.json', status: 'kept-newer', centreName: 'Alby' },
    ]);
    const stored = await repository.getWorkspaceEntry(first.centre.id);
    expect(stored?.fileName).toBe('alby-okt.json');
    expect(stored?.file.exportedAt).toBe('2026-10-20T10:00:00.000Z');
    expect(await db.workspace.count()).toBe(1);
  });

  it('compares export times as moments, whatever their time zone', async () => {
    const first = fileOf('Alby', '2026-05-20T10:00:00.000Z');
    await workspace.importFiles([asFile(first, 'a.json')]);
    // 11:30+02:00 is 09:30Z: older.
    const older = fileOf('Alby', '2026-05-20T11:30:00+02:00', first.centre.id);
    expect((await workspace.importFiles([asFile(older, 'b.json')]))[0]?.status).toBe('kept-newer');
  });

  it('keeps the newest of two files of the same centre in one pick', async () => {
    const older = fileOf('Alby', '2026-05-20T10:00:00.000Z');
    const newer = fileOf('Alby', '2026-06-01T10:00:00.000Z', older.centre.id);
    const reports = await workspace.importFiles([asFile(newer, 'new.json'), asFile(older, 'old.json')]);
    expect(reports.map((report) => report.status)).toEqual(['added', 'kept-newer']);
    expect((await repository.getWorkspaceEntry(older.centre.id))?.fileName).toBe('new.json');
  });

  it('reports invalid files with their problems and writes nothing for them', async () => {
    const broken = { ...fileOf('Fittja'), rounds: 'none' };
    const reports = await workspace.importFiles([asFile('{ not json', 'trasig.json'), asFile(broken, 'fel.json'), asFile({ hello: 1 }, 'annan.json')]);
    expect(reports.map((report) => [report.fileName, report.status])).toEqual([
      ['trasig.json', 'invalid'],
      ['fel.json', 'invalid'],
      ['annan.json', 'invalid'],
    ]);
    expect(reports[0]?.problems?.[0]?.code).toBe('notJson');
    expect(reports[1]?.problems?.[0]).toMatchObject({ code: 'invalidField', path: 'rounds' });
    expect(reports[2]?.problems?.[0]?.code).toBe('notExport');
    expect(await db.workspace.count()).toBe(0);
  });

  it('stores the good files of a pick and reports each bad one by name and reason (one bad file used to stop them all)', async () => {
    const good = [fileOf('Alby'), fileOf('Fittja')];
    // An hour-only offset used to pass validation and then throw "Invalid time value" while storing.
    const hourOnly = JSON.stringify(fileOf('Skärholmen')).replace(/"exportedAt":"[^"]+"/, '"exportedAt":"2026-05-20T10:00:00+05"');
    const latin1 = new Uint8Array([...JSON.stringify(fileOf('Malmö'))].map((c) => c.charCodeAt(0) & 0xff));
    const unreadable = new File(['x'], 'borta.json');
    Object.defineProperty(unreadable, 'arrayBuffer', { value: () => Promise.reject(new Error('NotReadableError')) });
    const reports = await workspace.importFiles([
      asFile(good[0], 'alby.json'),
      asFile(hourOnly, 'skarholmen.json'),
      new File([latin1], 'malmo.json'),
      unreadable,
      asFile(good[1], 'fittja.json'),
    ]);
    expect(reports.map((report) => [report.fileName, report.status])).toEqual([
      ['alby.json', 'added'],
      ['skarholmen.json', 'invalid'],
      ['malmo.json', 'invalid'],
      ['borta.json', 'invalid'],
      ['fittja.json', 'added'],
    ]);
    expect(reports[1]?.problems).toEqual([{ code: 'invalidField', path: 'exportedAt', reason: { kind: 'format', format: 'timestamp' } }]);
    expect(reports[2]?.problems).toEqual([{ code: 'notText', path: '' }]);
    expect(reports[3]?.failure).toBe('NotReadableError');
    expect((await db.workspace.toArray()).map((entry) => entry.file.centre.name).sort()).toEqual(['Alby', 'Fittja']);
  });

  it('refuses a file that uses items the instrument does not have', async () => {
    const file = fileOf('Alby');
    const first = file.answers[0];
    if (!first) throw new Error('no answer');
    const wrong = { ...file, answers: [{ ...first, itemId: 'no-such-item' }] };
    const [report] = await workspace.importFiles([asFile(wrong, 'x.json')]);
    expect(report?.status).toBe('invalid');
    expect(report?.problems?.map((problem) => problem.code)).toContain('unknownItem');
  });

  it('removes a centre at once and offers undo, which puts the same entry back', async () => {
    const file = fileOf('Alby');
    await workspace.importFiles([asFile(file, 'alby.json')]);
    await vi.waitFor(() => expect(workspace.entries).toHaveLength(1));
    const before = await repository.getWorkspaceEntry(file.centre.id);

    await workspace.remove(file.centre.id);
    await vi.waitFor(() => expect(workspace.entries).toEqual([]));
    const undo = useUndoStore();
    await vi.waitFor(() => expect(toastTexts(undo)).toEqual(['”Alby” togs bort från arbetsytan.']));

    await undo.undo(undo.toasts[0]?.key ?? '');
    await vi.waitFor(() => expect(workspace.entries).toHaveLength(1));
    expect(await repository.getWorkspaceEntry(file.centre.id)).toEqual(before);
  });

  it('keeps the removal, and purges the file once the undo window has passed', async () => {
    const file = fileOf('Alby');
    await workspace.importFiles([asFile(file, 'alby.json')]);
    await workspace.remove(file.centre.id);
    const deletedAt = Date.parse((await db.workspace.get(file.centre.id))?.deletedAt ?? '');
    await repository.purgeExpired(deletedAt + UNDO_WINDOW_MS - 1);
    expect(await db.workspace.count()).toBe(1);
    await repository.purgeExpired(deletedAt + UNDO_WINDOW_MS);
    expect(await db.workspace.count()).toBe(0);
  });

  it('a new file of a removed centre replaces the removed one and ends its deletion', async () => {
    const file = fileOf('Alby', '2026-05-20T10:00:00.000Z');
    await workspace.importFiles([asFile(file, 'alby.json')]);
    await workspace.remove(file.centre.id);
    const [report] = await workspace.importFiles([asFile(fileOf('Alby', '2026-05-01T10:00:00.000Z', file.centre.id), 'alby-maj.json')]);
    expect(report?.status).toBe('added');
    await vi.waitFor(() => expect(workspace.entries.map((entry) => entry.fileName)).toEqual(['alby-maj.json']));
    expect(await repository.listDeleted()).toEqual([]);
  });

  it('ignores removing a centre that is not there', async () => {
    await workspace.remove('nothing');
    expect(await repository.listDeleted()).toEqual([]);
    expect(useUndoStore().toasts).toEqual([]);
  });
});
