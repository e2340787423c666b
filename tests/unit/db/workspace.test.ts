import { describe, expect, it } from 'vitest';
import { liveQuery } from '@/db';
import { createWorkspaceRepository, WORKSPACE_PAGE, type WorkspaceEntry } from '@/db/workspace';
import { centreFile } from '../../fixtures/centreFiles';
import { freshDatabase } from '../../fixtures/database';
import { smallInstrument } from '../../fixtures/instruments';

function entry(name: string, deletedAt?: string): WorkspaceEntry {
  const file = centreFile(smallInstrument, { name });
  return { id: file.centre.id, fileName: `${name}.json`, importedAt: '2026-05-20T10:00:00.000Z', file, ...(deletedAt ? { deletedAt } : {}) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('listWorkspace', () => {
  it('reads a workspace of several pages whole, without the deleted files, in Swedish name order', async () => {
    const { db } = freshDatabase();
    const workspace = createWorkspaceRepository(db);
    const names = Array.from({ length: 2 * WORKSPACE_PAGE + 5 }, (_, i) => `Centre ${String(i).padStart(3, '0')}`);
    await workspace.putWorkspaceEntries([
      ...names.map((name) => entry(name)),
      entry('Östberga'),
      entry('Älvsjö'),
      entry('Zinkensdamm'),
      entry('Gone 1', '2026-05-21T10:00:00.000Z'),
      entry('Gone 2', '2026-05-21T10:00:00.000Z'),
    ]);

    const listed = (await workspace.listWorkspace()).map((item) => item.file.centre.name);
    expect(listed).toEqual([...names, 'Zinkensdamm', 'Älvsjö', 'Östberga']);
  });

  it('runs again as a live query when a file is added on any page, the first or the last', async () => {
    const { db } = freshDatabase();
    const workspace = createWorkspaceRepository(db);
    await workspace.putWorkspaceEntries(Array.from({ length: WORKSPACE_PAGE * 2 }, (_, i) => entry(`Centre ${i}`)));
    const seen: number[] = [];
    const subscription = liveQuery(() => workspace.listWorkspace()).subscribe({ next: (list) => seen.push(list.length) });
    await settle();
    expect(seen).toEqual([WORKSPACE_PAGE * 2]);

    // Ids are random UUIDs: one that sorts before every other and one after, so both ends are read.
    const first = entry('First');
    const last = entry('Last');
    await workspace.putWorkspaceEntries([{ ...first, id: '00000000-0000-4000-8000-000000000000' }]);
    await settle();
    await workspace.putWorkspaceEntries([{ ...last, id: 'ffffffff-ffff-4fff-bfff-ffffffffffff' }]);
    await settle();
    subscription.unsubscribe();
    expect(seen).toEqual([WORKSPACE_PAGE * 2, WORKSPACE_PAGE * 2 + 1, WORKSPACE_PAGE * 2 + 2]);
  });
});
