import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { ExportFile } from '../../../src/domain/exchange/format';
import type { ActionStatus } from '../../../src/domain/types';
import { allItems, asUpload, exportFile } from './exportFiles';

const ALL = ['bmm', 'bvc', 'openPreschool', 'socialServices'] as const;

function action(file: ExportFile, roundIndex: number, goalId: string, what: string, who: string, due: string, status: ActionStatus): void {
  const round = file.rounds[roundIndex];
  if (!round) throw new Error(`no round ${String(roundIndex)}`);
  const at = `${round.date}T13:00:00.000Z`;
  file.actions.push({
    id: crypto.randomUUID(),
    centreId: file.centre.id,
    roundId: round.id,
    goalId,
    what,
    who,
    due,
    status,
    statusHistory: [{ status, at, roundId: round.id }],
    createdAt: at,
    updatedAt: at,
  });
}

/**
 * A year of a working group as a meeting sees it: two rounds, goal 3 marked not relevant in the
 * newest, reflections on every goal, last round's open actions and the actions decided this round.
 */
export function meetingFile(): ExportFile {
  const file = exportFile({
    name: 'Familjecentralen Mötesrummet',
    services: ALL,
    coLocation: 'near',
    exportedAt: '2026-10-20T14:00:00.000Z',
    rounds: [
      { title: 'Våren 2026', date: '2026-04-22', period: 'VT 2026', ratings: { 'goal-1': allItems(2), 'goal-2': allItems(3), 'goal-3': allItems(1), 'goal-4': allItems(2), 'goal-5': allItems(2) } },
      {
        title: 'Hösten 2026',
        date: '2026-10-14',
        period: 'HT 2026',
        ratings: { 'goal-1': [3, 3, 2, 3, 3, 3, 2], 'goal-2': allItems(3), 'goal-4': [2, 3, 3, 2, 3, 3, 3], 'goal-5': allItems(3) },
        skipped: ['goal-3'],
      },
    ],
  });
  file.reflections.forEach((reflection, index) => {
    reflection.note = index % 5 === 2 && index >= 5
      ? 'Lokalerna är inte aktuella i år: vi väntar på beslut om den nya byggnaden.'
      : `Vi har börjat samarbeta tätare och vill nå fler föräldrar med barn under ett år (${String(index + 1)}).`;
  });
  action(file, 0, 'goal-1', 'Gemensam broschyr på fyra språk', 'Öppen förskola', '2026-09-30', 'ongoing');
  action(file, 0, 'goal-2', 'Gemensam utbildningsdag om tidiga insatser', 'BVC', '2026-06-15', 'planned');
  action(file, 0, 'goal-4', 'Fråga föräldrarna vad de saknar', 'Socialtjänst', '', 'done');
  action(file, 1, 'goal-1', 'Föräldragrupp för nyblivna föräldrar varannan vecka', 'BVC och öppen förskola', '2027-02-01', 'planned');
  action(file, 1, 'goal-4', 'Föräldraråd med fyra föräldrar', 'Socialtjänst', '2027-03-15', 'planned');
  action(file, 1, 'goal-5', 'Nästa självvärdering i april', 'Samordnaren', '2027-04-20', 'planned');
  return file;
}

/** Imports the meeting file and returns the centre's id. */
export async function importMeetingFile(page: Page, file: ExportFile = meetingFile()): Promise<string> {
  await page.goto('/import');
  await page.getByLabel('Välj exportfil (.json)').setInputFiles(asUpload('meeting.json', file));
  await page.getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  return file.centre.id;
}
