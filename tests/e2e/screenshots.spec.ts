import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { mainViews, SIZES } from './support/mainViews';
import { importMeetingFile, meetingFile } from './support/meetingFile';

const viewports = [
  { name: 'tablet-landscape', width: 1024, height: 768 },
  { name: 'tablet-portrait', width: 768, height: 1024 },
  { name: 'phone', width: 390, height: 844 },
  { name: 'projector', width: 1920, height: 1080 },
] as const;

for (const viewport of viewports) {
  test(`screenshots at ${viewport.name}`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const app = new AppPage(page);
    const shot = (name: string) => page.screenshot({ path: `screenshots/${viewport.name}-${name}.png`, fullPage: false });
    await app.gotoStart();
    await shot('01-start-empty');
    await app.createCentre({
      name: 'Familjecentralen Fittja',
      municipality: 'Botkyrka',
      district: 'Fittja',
      services: ['Barnhälsovård (BVC)', 'Öppen förskola', 'Socialtjänst (förebyggande)'],
    });
    await shot('02-centre');
    await page.getByRole('link', { name: 'Starta ny omgång' }).click();
    await page.getByLabel('Rubrik').fill('Avstämning våren 2026');
    await shot('03-round-form');
    await page.getByRole('button', { name: 'Starta omgången' }).click();
    await app.answer(0, 3);
    await app.answer(1, 2);
    await app.writeNote(1, 'Vi behöver en gemensam broschyr.');
    await app.expectSaved();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('04-questionnaire-top');
    await app.item(2).scrollIntoViewIfNeeded();
    await shot('05-questionnaire-item');
    await page.getByRole('link', { name: 'Familjecentralen Fittja' }).click();
    await shot('06-round-list');
    await page.goto('/');
    await shot('07-start-with-centre');
  });
}

/** Two rounds with every goal answered, so the results views have something to show. */
async function seedTwoRounds(app: AppPage): Promise<void> {
  const page = app.page;
  await app.gotoStart();
  await app.createCentre({
    name: 'Familjecentralen Fittja',
    municipality: 'Botkyrka',
    services: ['Mödrahälsovård (BMM/MVC)', 'Barnhälsovård (BVC)', 'Öppen förskola', 'Socialtjänst (förebyggande)'],
  });
  const rounds = [
    { title: 'Avstämning våren', date: '2026-05-10', base: 1 },
    { title: 'Avstämning hösten', date: '2026-10-12', base: 2 },
  ];
  for (const round of rounds) {
    await app.createRound(round.title, round.date);
    for (let goal = 1; goal <= 5; goal++) {
      await page.getByRole('link', { name: `Mål ${String(goal)}` }).first().click();
      const count = await app.itemCount();
      for (let i = 0; i < count; i++) await app.answer(i, Math.min(4, round.base + ((i + goal) % 3)));
      await page.getByLabel('Sammanfattning och reflektion för målet').fill(`Reflektion om mål ${String(goal)}: vi har börjat samarbeta tätare.`);
      await page.getByLabel('Sammanfattning och reflektion för målet').blur();
    }
    await app.expectSaved();
    await page.getByRole('link', { name: 'Familjecentralen Fittja' }).click();
  }
}

test('screenshots of the results, the comparison and the presentation', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new AppPage(page);
  await seedTwoRounds(app);
  for (const viewport of [
    { name: 'tablet-landscape', width: 1024, height: 768 },
    { name: 'tablet-portrait', width: 768, height: 1024 },
  ]) {
    await page.setViewportSize(viewport);
    await page.getByTestId('round-list').getByRole('link', { name: 'Resultat' }).first().click();
    await page.locator('canvas').first().waitFor();
    await page.screenshot({ path: `screenshots/${viewport.name}-10-results.png`, fullPage: true });
    await page.getByRole('link', { name: 'Jämför omgångar' }).click();
    await page.locator('canvas').nth(3).waitFor();
    await page.screenshot({ path: `screenshots/${viewport.name}-11-compare.png`, fullPage: true });
    await page.getByRole('link', { name: 'Familjecentralen Fittja' }).click();
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('link', { name: 'Jämför omgångar' }).click();
  await page.getByRole('link', { name: 'Presentera' }).click();
  // The meeting opens on last round's open actions; the overview radar follows.
  await page.locator('.slide h1').getByText('Sedan förra gången').waitFor();
  await page.screenshot({ path: 'screenshots/projector-19-present-start.png' });
  await page.keyboard.press('ArrowRight');
  await page.locator('canvas').first().waitFor();
  await page.screenshot({ path: 'screenshots/projector-20-present-overview.png' });
  await page.keyboard.press('ArrowRight');
  await page.screenshot({ path: 'screenshots/projector-21-present-goal.png' });
  await page.keyboard.press('h');
  await page.screenshot({ path: 'screenshots/projector-22-present-hidden.png' });
  await page.keyboard.press('h');
  await page.keyboard.press('End');
  await page.locator('.slide h1').getByText('Nästa steg').waitFor();
  await page.screenshot({ path: 'screenshots/projector-24-present-next-steps.png' });
  await page.keyboard.press('ArrowLeft');
  await page.locator('canvas').first().waitFor();
  await page.screenshot({ path: 'screenshots/projector-23-present-trend.png' });
});

test('screenshots of export, import, the written check-in and the coordinator', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new AppPage(page);
  await seedTwoRounds(app);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByTestId('last-export').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/tablet-landscape-30-export-panel.png' });
  await page.getByTestId('round-list').getByRole('link', { name: 'Resultat' }).first().click();
  await page.getByRole('link', { name: 'Skriftlig avstämning' }).click();
  await page.locator('canvas').first().waitFor();
  await page.screenshot({ path: 'screenshots/tablet-landscape-31-report.png', fullPage: true });
  await page.goto('/import');
  await page.screenshot({ path: 'screenshots/tablet-landscape-32-import.png' });
  await page.goto('/coordinator');
  await page.screenshot({ path: 'screenshots/tablet-landscape-33-coordinator-empty.png', fullPage: true });
});

for (const viewport of viewports) {
  test(`screenshots of own statements and the instrument page at ${viewport.name}`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const app = new AppPage(page);
    const shot = (name: string, fullPage = false) => page.screenshot({ path: `screenshots/${viewport.name}-${name}.png`, fullPage });
    await app.gotoStart();
    await app.createCentre({ name: 'Familjecentralen Fittja', municipality: 'Botkyrka' });
    await app.createRound('Avstämning våren 2026');
    const section = page.getByTestId('local-items');
    await section.getByRole('button', { name: 'Lägg till eget påstående' }).click();
    const form = section.getByRole('form', { name: 'Nytt eget påstående' });
    await form.getByLabel('Påstående', { exact: true }).fill('Vi gör hembesök tillsammans, BVC och socialtjänst');
    await form.getByText('Beskriv nivåerna (valfritt)').click();
    await form.getByLabel('1 – Inte påbörjat').fill('Aldrig');
    await form.getByLabel('4 – Etablerat och fungerar väl').fill('Varje vecka, enligt en gemensam rutin');
    await form.scrollIntoViewIfNeeded();
    await shot('40-own-statement-form');
    await form.getByRole('button', { name: 'Spara' }).click();
    await section.getByTestId('local-item').getByRole('radio', { name: /^3 / }).check();
    await app.expectSaved();
    await section.scrollIntoViewIfNeeded();
    await shot('41-own-statement');
    await page.goto('/instruments');
    await shot('42-instruments', true);
    await page.getByLabel('Läs in instrumentfil (.json)').setInputFiles('tests/fixtures/network-instrument.json');
    await page.getByTestId('instrument-preview').scrollIntoViewIfNeeded();
    await shot('43-instrument-preview', true);
    await page.getByRole('button', { name: 'Lägg till instrumentet' }).click();
    await page.getByRole('radio').nth(1).waitFor();
    await page.goto('/');
    await page.getByRole('link', { name: 'Familjecentralen Fittja' }).click();
    await page.getByRole('link', { name: 'Starta ny omgång' }).click();
    await page.getByLabel('Instrument', { exact: true }).scrollIntoViewIfNeeded();
    await shot('44-round-form-instrument');
  });
}

/** Every main view, every slide and the presenter view at the five sizes, from one year of a group. */
test('screenshots of every main view and every presentation slide at five sizes', async ({ page, context }) => {
  test.setTimeout(300_000);
  const file = meetingFile();
  await importMeetingFile(page, file);
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const view of mainViews(file)) {
      await page.goto(view.path);
      await view.ready(page);
      await page.screenshot({ path: `screenshots/${size.name}-view-${view.name}.png`, fullPage: true });
    }
    for (let n = 1; n <= 9; n++) {
      await page.goto(`/centres/${file.centre.id}/present?slide=${String(n)}`);
      await expect(page.locator('.slide h1')).toBeVisible();
      if (n === 2 || n === 8) await page.locator('canvas').first().waitFor();
      await page.waitForTimeout(200);
      await page.screenshot({ path: `screenshots/${size.name}-slide-${String(n).padStart(2, '0')}.png` });
    }
  }
  // The presenter's and the projector's windows, side by side on a laptop and a projector.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/centres/${file.centre.id}/present?slide=3`);
  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Presentatörsvy' }).click();
  const projector = await opened;
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await expect(projector.locator('.slide h1')).toHaveText(/^Mål 1:/);
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'screenshots/1280x800-presenter.png', fullPage: true });
  await projector.screenshot({ path: 'screenshots/1920x1080-projector.png' });
});
