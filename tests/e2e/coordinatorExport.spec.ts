import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

const PEOPLE = [
  { name: 'Åsa Öberg', role: 'BVC' },
  { name: 'Jörgen Håkansson', role: 'Öppna förskolan' },
];

test('a coordinator export contains none of the participant names entered, while the backup contains them', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new AppPage(page);
  await app.gotoStart();
  await app.createCentre({ name: 'Familjecentralen Namnlös', municipality: 'Botkyrka', services: ['Barnhälsovård (BVC)'] });
  await page.getByRole('link', { name: 'Starta ny omgång' }).click();
  await page.getByLabel('Rubrik').fill('Våren');
  await page.getByLabel('Datum').fill('2026-04-02');
  for (const person of PEOPLE) {
    await page.getByRole('button', { name: 'Lägg till deltagare' }).click();
    await page.getByLabel('Namn').last().fill(person.name);
    await page.getByLabel('Verksamhet eller roll').last().fill(person.role);
  }
  await page.getByRole('button', { name: 'Starta omgången' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Våren' })).toBeVisible();
  await app.answer(0, 3);
  await app.expectSaved();
  await page.getByRole('link', { name: 'Familjecentralen Namnlös' }).click();

  await expect(page.getByTestId('export-coordinator-says')).toContainText('utan namn');
  await expect(page.getByTestId('export-backup-says')).toContainText('namn');

  const coordinatorDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Till samordnaren (JSON)' }).click();
  const coordinatorFile = await coordinatorDownload;
  expect(coordinatorFile.suggestedFilename()).toContain('till samordnaren');
  const coordinatorText = await readFile(await coordinatorFile.path(), 'utf8');
  const coordinator = JSON.parse(coordinatorText) as { audience: string; ratings: unknown[]; rounds: { participants: { role: string }[] }[] };
  expect(coordinator.audience).toBe('coordinator');
  expect(coordinator.ratings).toEqual([]);
  expect(coordinator.rounds[0]?.participants.map((p) => p.role)).toEqual(expect.arrayContaining(PEOPLE.map((p) => p.role)));

  const backupDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportera alla omgångar (JSON)' }).click();
  const backupText = await readFile(await (await backupDownload).path(), 'utf8');

  for (const person of PEOPLE) {
    // Searched as written, and as JSON would escape it, so that neither form slips through.
    expect(coordinatorText).not.toContain(person.name);
    expect(coordinatorText).not.toContain(JSON.stringify(person.name).slice(1, -1));
    expect(backupText).toContain(person.name);
  }
});

test('no name entered in the participant list reaches the coordinator file: not through an action\'s "who", not through a sealed check-in, in no spelling', async ({ page }) => {
  test.setTimeout(120_000);
  const people = [...PEOPLE, { name: 'Kerstin Lindqvist-Nyström', role: 'Socialtjänsten' }];
  const app = new AppPage(page);
  await app.gotoStart();
  await app.createCentre({ name: 'Familjecentralen Anonym', municipality: 'Botkyrka', services: ['Barnhälsovård (BVC)'] });
  await page.getByRole('link', { name: 'Starta ny omgång' }).click();
  await page.getByLabel('Rubrik').fill('Våren 2026');
  await page.getByLabel('Datum').fill('2026-05-05');
  for (const person of people) {
    await page.getByRole('button', { name: 'Lägg till deltagare' }).click();
    await page.getByLabel('Namn').last().fill(person.name);
    await page.getByLabel('Verksamhet eller roll').last().fill(person.role);
  }
  await page.getByRole('button', { name: 'Starta omgången' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Våren 2026' })).toBeVisible();
  await app.answer(0, 3);
  // The group writes the person who will do it, as groups do.
  const plan = page.getByTestId('action-plan');
  for (const [what, who] of [['Öppen mottagning tillsammans', people[0]?.name ?? ''], ['Föräldragrupp', (people[2]?.name ?? '').toUpperCase()]] as const) {
    await plan.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    const form = plan.getByRole('form', { name: 'Ny åtgärd' });
    await form.getByLabel('Vad ska göras?').fill(what);
    await form.getByLabel('Vem (verksamhet eller roll)').fill(who);
    await form.getByRole('button', { name: 'Spara åtgärden' }).click();
    await expect(plan.getByTestId('action-item').filter({ hasText: what })).toBeVisible();
  }
  await app.expectSaved();

  // Handed in: the sealed check-in travels in the coordinator's file as it is.
  await page.getByRole('link', { name: 'Familjecentralen Anonym' }).click();
  await app.roundCard('Våren 2026').getByRole('link', { name: 'Resultat' }).click();
  const panel = page.getByTestId('hand-in-panel');
  await panel.getByTestId('hand-in-open').click();
  await page.getByRole('dialog', { name: 'Lämna in avstämningen' }).getByTestId('hand-in-confirm').click();
  await expect(panel.getByTestId('hand-in-sealed')).toBeVisible();
  await page.getByRole('link', { name: 'Familjecentralen Anonym' }).first().click();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Till samordnaren (JSON)' }).click();
  const text = await readFile(await (await download).path(), 'utf8');
  const file = JSON.parse(text) as { handIns: { document: { goals: { nextSteps: { who: string }[] }[] } }[]; actions: { who: string }[] };
  expect(file.handIns).toHaveLength(1);
  expect(file.actions.map((action) => action.who).sort()).toEqual(['BVC', 'Socialtjänsten']);
  expect(file.handIns[0]?.document.goals.flatMap((goal) => goal.nextSteps.map((step) => step.who)).sort()).toEqual(['BVC', 'Socialtjänsten']);

  // Every name, and every part of it, searched in the whole file without regard to case or escaping.
  const haystacks = [text, JSON.stringify(JSON.parse(text)), text.normalize('NFD')].map((h) => h.toLocaleLowerCase('sv'));
  const escaped = (s: string) => JSON.stringify(s).slice(1, -1);
  for (const person of people) {
    for (const part of [person.name, ...person.name.split(/[\s-]+/)]) {
      for (const form of [part, escaped(part), part.normalize('NFD'), escaped(part.normalize('NFD')).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)]) {
        for (const haystack of haystacks) expect(haystack, `${form} in the coordinator file`).not.toContain(form.toLocaleLowerCase('sv'));
      }
    }
  }
});
