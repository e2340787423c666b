import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
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
