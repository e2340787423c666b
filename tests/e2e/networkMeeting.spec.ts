import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { CoordinatorPage } from './pages/CoordinatorPage';
import { expectNoSeriousA11yViolations, waitForServiceWorker } from './support/fixtures';
import { expectLayoutFits, textFontSizes } from './support/layout';
import { allItems, asUpload, exportFile } from './support/exportFiles';

const ALL = ['bmm', 'bvc', 'openPreschool', 'socialServices'] as const;
const LONG =
  'Vi har haft tre gemensamma planeringsdagar med BVC, BMM och öppna förskolan under våren. ' +
  'Socialtjänstens familjebehandlare finns nu på plats två eftermiddagar i veckan, och föräldrarna hittar dit. ' +
  'Nästa steg är en gemensam reception, men lokalfrågan är inte löst och kostnaden behöver beslutas av nämnden i höst.';

/** Five centres in VT 2026, each with a reflection on goal 3; Botkyrka's is long. */
const NAMES = ['Alby', 'Botkyrka', 'Fittja', 'Hallunda', 'Östberga'];
const files = NAMES.map((name, index) => {
  const file = exportFile({
    name: `Familjecentralen ${name}`,
    services: ALL,
    coLocation: 'near',
    exportedAt: '2026-05-20T14:00:00.000Z',
    rounds: [{ title: `Våren 2026 ${name}`, date: '2026-04-22', period: 'VT 2026', ratings: { 'goal-1': allItems(((index % 4) + 1)), 'goal-3': allItems(3) } }],
  });
  const reflection = file.reflections.find((item) => item.goalId === 'goal-3');
  if (reflection) reflection.note = name === 'Botkyrka' ? LONG : `${name} delar entré med BVC.`;
  return file;
});

async function importFive(page: Page): Promise<void> {
  const app = new AppPage(page);
  const coordinator = new CoordinatorPage(page);
  await app.gotoStart();
  await waitForServiceWorker(page);
  await coordinator.open();
  await coordinator.importFiles(files.map((file, index) => asUpload(`centre-${String(index)}.json`, file)));
  await app.expectSaved();
}

const title = (page: Page) => page.getByTestId('network-presentation').locator('.network-slide h1');

test('every network slide reads from the back row at 1280×720 and 1920×1080, three centres to a slide', async ({ page }) => {
  test.setTimeout(120_000);
  await importFive(page);
  // 1 overview + 5 goals × 2 slides (three centres, then two).
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    for (const n of [1, 2, 3, 6, 7, 11]) {
      const what = `${String(viewport.width)}×${String(viewport.height)} slide ${String(n)}`;
      await page.goto(`/coordinator/present?period=VT%202026&slide=${String(n)}`);
      await expect(title(page)).not.toHaveText('');
      if (n === 1) {
        await expect(page.locator('.chart-canvas[data-font-sizes]')).not.toHaveAttribute('data-font-sizes', '');
        await page.waitForTimeout(150);
        const sizes = (await page.locator('.chart-canvas').getAttribute('data-font-sizes'))?.split(' ').filter(Boolean).map(Number) ?? [];
        expect(sizes.length, `${what}: chart sizes read`).toBeGreaterThanOrEqual(3);
        expect(sizes.filter((size) => size < 24), `${what}: chart labels of 24 px or more`).toEqual([]);
      }
      const small = (await textFontSizes(page.locator('.network-slide'))).filter((entry) => entry.size < 28);
      expect(small, `${what}: slide text of 28 px or more`).toEqual([]);
      await expectLayoutFits(page, what, '[data-testid="network-presentation"]', { oneScreen: true });
      await expect(page.getByRole('button', { name: 'Ladda ned som PNG' })).toHaveCount(0);
    }
  }
  // A laptop, a tablet both ways and a phone: the same slides fit, upright ones scroll rather than cut.
  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 768, height: 1024 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    for (const n of [1, 6]) {
      const what = `${String(viewport.width)}×${String(viewport.height)} slide ${String(n)}`;
      await page.goto(`/coordinator/present?period=VT%202026&slide=${String(n)}`);
      await expect(title(page)).not.toHaveText('');
      if (n === 1) await expect(page.locator('.chart-canvas[data-font-sizes]')).not.toHaveAttribute('data-font-sizes', '');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${what}: no sideways scroll`).toBe(0);
      await expectLayoutFits(page, what, '[data-testid="network-presentation"]');
      if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/network-slide-${String(n)}-${String(viewport.width)}.png` });
    }
  }

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/coordinator/present?period=VT%202026&slide=6');
  await expect(title(page)).toHaveText('Mål 3: Samlokalisering (1 av 2)');
  expect(await page.locator('.network-slide__centre').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-centre-name')))).toEqual([
    'Familjecentralen Alby',
    'Familjecentralen Botkyrka',
    'Familjecentralen Fittja',
  ]);
  await page.keyboard.press('ArrowRight');
  await expect(title(page)).toHaveText('Mål 3: Samlokalisering (2 av 2)');
  expect(await page.locator('.network-slide__centre').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-centre-name')))).toEqual([
    'Familjecentralen Hallunda',
    'Familjecentralen Östberga',
  ]);
  if (process.env.SHOTS) {
    for (const n of [1, 6, 7]) {
      await page.goto(`/coordinator/present?period=VT%202026&slide=${String(n)}`);
      await page.waitForTimeout(800);
      await page.screenshot({ path: `${process.env.SHOTS}/network-slide-${String(n)}-1280.png` });
    }
    await page.goto('/coordinator/present?period=VT%202026&slide=6');
  }
  await expectNoSeriousA11yViolations(page);
});

test('the network meeting’s presenter view and projector window stay on the same slide; the presenter reads all of a reflection and the hidden means', async ({ page, context }) => {
  test.setTimeout(90_000);
  await importFive(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/coordinator/present?period=VT%202026&slide=6');
  await expect(title(page)).toHaveText('Mål 3: Samlokalisering (1 av 2)');
  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Presentatörsvy' }).click();
  const projector = await opened;
  await projector.waitForLoadState();
  await expect(projector.getByTestId('network-presentation')).toHaveAttribute('data-mode', 'projector');
  await expect(page.getByTestId('network-presentation')).toHaveAttribute('data-mode', 'presenter');
  await expect(title(projector)).toHaveText('Mål 3: Samlokalisering (1 av 2)');

  // The projector's window: only the slide.
  await expect(projector.getByRole('button')).toHaveCount(0);
  await expect(projector.getByRole('navigation')).toHaveCount(0);

  // The presenter's window: the next slide, the time and the whole of what each centre wrote.
  await expect(page.getByTestId('next-slide')).toHaveText('Mål 3: Samlokalisering (2 av 2)');
  await expect(page.getByTestId('clock')).toHaveText(/^\d{2}:\d{2}$/);
  const notes = page.getByTestId('presenter-notes');
  await expect(notes).toContainText(`Familjecentralen Botkyrka (3,0): ${LONG}`);

  // H hides the means in the room; the presenter still has them.
  await page.keyboard.press('h');
  await expect(projector.locator('[data-testid="centre-score"]').first()).toHaveText('?');
  await expect(notes).toContainText('Familjecentralen Alby (3,0)');

  // Keys in either window move both.
  await page.keyboard.press('ArrowRight');
  await expect(title(projector)).toHaveText('Mål 3: Samlokalisering (2 av 2)');
  await expect(notes).toContainText('Familjecentralen Hallunda (3,0): Hallunda delar entré med BVC.');
  await projector.keyboard.press('PageDown');
  await expect(title(page)).toHaveText('Mål 4: Delaktighet (1 av 2)');
  await projector.keyboard.press('h');
  await expect(page.locator('[data-testid="centre-score"]').first()).not.toHaveText('?');
  await page.getByRole('button', { name: '← Föregående bild' }).click();
  await expect(title(projector)).toHaveText('Mål 3: Samlokalisering (2 av 2)');

  // B blanks the projector, the presenter is told; "." shows it again.
  await page.keyboard.press('b');
  await expect(projector.getByTestId('blank-screen')).toBeVisible();
  await expect(page.getByText('Projektorn är släckt')).toBeVisible();
  await page.keyboard.press('.');
  await expect(projector.getByTestId('blank-screen')).toHaveCount(0);

  if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/network-presenter-1280.png`, fullPage: true });
  await expectNoSeriousA11yViolations(page);
  await expectNoSeriousA11yViolations(projector);

  const closed = projector.waitForEvent('close');
  await page.getByRole('button', { name: 'Stäng presentatörsvyn' }).click();
  await closed;
  await expect(page.getByTestId('network-presentation')).toHaveAttribute('data-mode', 'single');
  await expect(title(page)).toHaveText('Mål 3: Samlokalisering (2 av 2)');
});
