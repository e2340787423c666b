import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { allItems, asUpload, exportFile } from './support/exportFiles';
import { expectNoSeriousA11yViolations, waitForServiceWorker } from './support/fixtures';

test('a card in round 2 shows round 1’s answer and note, and the results show the four-step profile with its evidence', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoStart();
  await waitForServiceWorker(page);
  await app.createCentre({
    name: 'Familjecentralen Stegen',
    services: ['Mödrahälsovård (BMM/MVC)', 'Barnhälsovård (BVC)', 'Öppen förskola', 'Socialtjänst (förebyggande)'],
  });

  await app.createRound('Våren', '2026-04-20');
  await app.answer(0, 2);
  await app.writeNote(0, 'Öppet för alla men få vet om det');
  await app.expectSaved();

  await page.getByRole('link', { name: 'Familjecentralen Stegen' }).click();
  await app.createRound('Hösten', '2026-10-10');
  const previous = app.item(0).getByTestId('item-previous');
  await expect(previous).toContainText('Förra omgången (Våren): 2 Påbörjat');
  await expect(previous).toContainText('Anteckning: Öppet för alla men få vet om det');
  await expect(app.item(0).getByTestId('item-change')).toHaveCount(0);
  await app.answer(0, 3);
  await app.expectSaved();
  await expect(app.item(0).getByTestId('item-change')).toHaveText('Förändring sedan förra omgången: +1,0 ↑');
  await app.item(0).getByText('Vad krävs för nästa nivå').click();
  await expect(app.item(0).getByTestId('item-next-level')).toContainText('Nästa nivå: 4');
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('link', { name: 'Resultat' }).click();
  const card = page.getByTestId('stage');
  const marks = card.getByTestId('path-marks').getByRole('listitem');
  await expect(marks).toHaveCount(4);
  await expect(marks.first()).toContainText('Steg 1, Starkt förebyggande socialtjänst och ökad samverkan med öppna förskolan:');
  await expect(card).not.toContainText('Före steg 1');
  await card.getByText('Varför?').click();
  await expect(card.getByTestId('stage-evidence-4')).toContainText('Underlaget (Stockholms stad, 2016): ”Samlokalisering = Familjecentral!”');
  await expect(card.getByTestId('stage-evidence-2')).toContainText('Mål 2');
  await expectNoSeriousA11yViolations(page);
});

test('a round answered with instrument 1.0.0 still opens with its own statements; a new round uses 2.0.0, and comparing them says where they differ', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new AppPage(page);
  await app.gotoStart();
  // A file from before 2.0.0: one round on 1.0.0 (goal 4 with its seven statements).
  const file = exportFile({
    name: 'Familjecentralen Versioner',
    services: ['bmm', 'bvc', 'openPreschool', 'socialServices'],
    coLocation: 'near',
    exportedAt: '2026-05-20T10:00:00.000Z',
    rounds: [{ title: 'Våren 2026', date: '2026-04-10', period: 'VT 2026', ratings: { 'goal-1': allItems(3), 'goal-4': allItems(2) } }],
  });
  expect(file.rounds[0]?.instrumentVersion).toBe('1.0.0');
  await page.goto('/import');
  await page.getByLabel('Välj exportfil (.json)').setInputFiles(asUpload('versioner.json', file));
  await page.getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.getByRole('link', { name: 'Öppna Familjecentralen Versioner' }).click();
  await expect(app.roundCard('Våren 2026')).toContainText('14 av 35 påståenden besvarade');

  // The old round opens with 1.0.0: goal 4 has seven statements and none of 2.0.0's new ones.
  await app.roundCard('Våren 2026').getByRole('link', { name: 'Öppna' }).click();
  await page.getByRole('link', { name: 'Mål 4' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Mål 4:/ })).toBeVisible();
  await expect(app.items()).toHaveCount(7);
  await expect(page.locator('article[data-item-id="g4-opening-hours"]')).toHaveCount(0);
  await expect(app.item(0).getByRole('radio', { name: /^2 / })).toBeChecked();

  // A new round uses 2.0.0: goal 4 asks about opening hours, reaching us, the premises, information
  // online and being helpful to the rest of social services and local actors.
  await page.getByRole('link', { name: 'Familjecentralen Versioner' }).click();
  await app.createRound('Hösten 2026', '2026-10-05');
  await page.getByRole('link', { name: 'Mål 4' }).click();
  await expect(app.items()).toHaveCount(13);
  await expect(page.locator('article[data-item-id="g4-opening-hours"]')).toContainText('Öppettiderna passar de familjer vi vill nå');
  await expect(page.locator('article[data-item-id="g4-physical-access"]')).toContainText('fysiskt tillgängliga');
  await expect(page.locator('article[data-item-id="g4-helpful-social-services"]')).toContainText('till hjälp för socialtjänstens övriga delar');
  await expect(page.locator('article[data-item-id="g4-helpful-local-actors"]')).toContainText('till hjälp för lokala aktörer');
  for (let index = 0; index < 13; index++) await app.answer(index, 3);
  await app.expectSaved();
  await expect(page.getByText('Totalt 13 av 41 besvarade')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Results of the new round beside the old: the versions and the goal whose statements differ are named.
  await page.getByRole('link', { name: 'Resultat' }).click();
  const note = page.getByTestId('comparison-versions');
  await expect(note).toContainText('Omgångarna är besvarade med olika versioner av instrumentet (1.0.0, 2.0.0).');
  await expect(note).toContainText('Mål 4 har inte samma påståenden i alla versionerna');
  await expect(page.getByTestId('stage').getByTestId('path-marks').getByRole('listitem')).toHaveCount(4);
  await page.getByTestId('stage').getByText('Varför?').click();
  await expect(page.getByTestId('stage')).toContainText('Regler: default-2');
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('link', { name: 'Jämför omgångar' }).click();
  await expect(page.getByTestId('comparison-versions')).toContainText('Mål 4 har inte samma påståenden');
  await expectNoSeriousA11yViolations(page);

  // The instruments page lists both shipped versions as built in; new rounds use 2.0.0.
  await page.goto('/instruments');
  await expect(page.locator('[data-instrument-key="familjecentral-sjalvvardering@2.0.0"]')).toContainText('Inbyggt');
  await expect(page.locator('[data-instrument-key="familjecentral-sjalvvardering@1.0.0"]')).toContainText('Inbyggt');
  await expect(page.locator('[data-instrument-key="familjecentral-sjalvvardering@1.0.0"]').getByTestId('instrument-rounds')).toHaveText('1 omgång använder det');
  await expect(page.getByTestId('instrument-versions')).toContainText('1.0.0, 2.0.0');
  await expectNoSeriousA11yViolations(page);
});
