import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/fixtures';
import { expectLayoutFits, textFontSizes } from './support/layout';
import { importMeetingFile } from './support/meetingFile';

const TITLES = [
  'Sedan förra gången',
  'Översikt: de fem målen',
  /^Mål 1:/,
  /^Mål 2:/,
  /^Mål 3:/,
  /^Mål 4:/,
  /^Mål 5:/,
  'Utveckling över tid',
  'Nästa steg',
] as const;

/** Waits until the slide's chart (if any) is drawn with its final type sizes. */
async function slideReady(page: Page, n: number): Promise<void> {
  await expect(page.locator('.slide h1')).toHaveText(TITLES[n - 1] ?? '');
  if (n === 2 || n === 8) {
    await expect(page.locator('.chart-canvas[data-font-sizes]')).not.toHaveAttribute('data-font-sizes', '');
    await page.waitForTimeout(150);
  }
}

async function chartFontSizes(page: Page): Promise<number[]> {
  const attributes = await page.locator('.chart-canvas').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-font-sizes') ?? ''));
  return attributes.flatMap((value) => value.split(' ').filter(Boolean).map(Number));
}

test('every slide reads from the back row at 1280×720 and 1920×1080: type, chart labels, nothing cut off, a gap for a goal not relevant', async ({ page }) => {
  test.setTimeout(120_000);
  const centreId = await importMeetingFile(page);
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    for (const hidden of [false, true]) {
      for (let n = 1; n <= TITLES.length; n++) {
        const what = `${String(viewport.width)}×${String(viewport.height)} slide ${String(n)}${hidden ? ' hidden' : ''}`;
        await page.goto(`/centres/${centreId}/present?slide=${String(n)}${hidden ? '&hidden=1' : ''}`);
        await slideReady(page, n);
        const small = (await textFontSizes(page.locator('.slide'))).filter((entry) => entry.size < 28);
        expect(small, `${what}: slide text of 28 px or more`).toEqual([]);
        const sizes = await chartFontSizes(page);
        if (n === 2 || n === 8) expect(sizes.length, `${what}: chart sizes read`).toBeGreaterThanOrEqual(3);
        expect(sizes.filter((size) => size < 24), `${what}: chart labels of 24 px or more`).toEqual([]);
        await expectLayoutFits(page, what, '[data-testid="presentation"]', { oneScreen: true });
        await expect(page.getByRole('button', { name: 'Ladda ned som PNG' })).toHaveCount(0);
      }
    }
  }
  // Goal 3 was marked not relevant in HT 2026: the radar leaves a gap and says why.
  await page.goto(`/centres/${centreId}/present?slide=2`);
  await expect(page.getByTestId('chart-notes')).toContainText('Mål 3 har ingen punkt för HT 2026: målet är markerat som inte aktuellt.');
  await expect(page.getByTestId('chart-notes')).toContainText('1 Inte påbörjat');
});

test('the start and end slides: last round’s open actions and the next steps decided this round', async ({ page }) => {
  const centreId = await importMeetingFile(page);
  await page.goto(`/centres/${centreId}/present`);
  const slide = page.locator('.slide');
  await expect(slide.getByRole('heading', { level: 1 })).toHaveText('Sedan förra gången');
  await expect(slide).toContainText('Öppna åtgärder från VT 2026');
  await expect(slide.locator('.meeting-actions__item')).toHaveCount(2);
  await expect(slide).toContainText('Gemensam broschyr på fyra språk');
  await expect(slide).toContainText('Mål 1 · Öppen förskola · 30 september 2026 · Pågår');
  // Done last round: not open, not shown.
  await expect(slide).not.toContainText('Fråga föräldrarna');
  await page.keyboard.press('End');
  await expect(slide.getByRole('heading', { level: 1 })).toHaveText('Nästa steg');
  await expect(slide).toContainText('Det här bestämde vi i HT 2026');
  await expect(slide.locator('.meeting-actions__item')).toHaveCount(3);
  await expect(slide).toContainText('Föräldraråd med fyra föräldrar');
  await expectNoSeriousA11yViolations(page);
});

test('the presenter view and the projector window stay on the same slide through keys and clicks; the projector shows no controls', async ({ page, context }) => {
  const centreId = await importMeetingFile(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/centres/${centreId}/present?slide=2`);
  await expect(page.locator('.slide h1')).toHaveText('Översikt: de fem målen');
  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Presentatörsvy' }).click();
  const projector = await opened;
  await projector.waitForLoadState();
  await expect(projector.getByTestId('presentation')).toHaveAttribute('data-mode', 'projector');
  await expect(page.getByTestId('presentation')).toHaveAttribute('data-mode', 'presenter');
  const projectorTitle = projector.locator('.slide h1');
  const presenterTitle = page.locator('.slide h1');
  await expect(projectorTitle).toHaveText('Översikt: de fem målen');

  // The projector's window: only the slide.
  await expect(projector.getByRole('button')).toHaveCount(0);
  await expect(projector.getByRole('navigation')).toHaveCount(0);
  await expect(projector.getByText(/piltangenterna/)).toHaveCount(0);

  // The presenter's window: the slide, the next one, the notes and the time.
  await expect(page.getByTestId('next-slide')).toHaveText(/^Mål 1: Tidiga/);
  await expect(page.getByTestId('clock')).toHaveText(/^\d{2}:\d{2}$/);
  await expect(page.getByTestId('elapsed')).toHaveText(/^\d{2}:\d{2}$/);

  // Keys in the presenter's window move the projector.
  await page.keyboard.press('ArrowRight');
  await expect(presenterTitle).toHaveText(/^Mål 1:/);
  await expect(projectorTitle).toHaveText(/^Mål 1:/);
  await expect(page.getByTestId('presenter-notes')).toContainText('Reflektion HT 2026: Vi har börjat samarbeta tätare');
  await expect(page.getByTestId('presenter-notes')).toContainText('Reflektion VT 2026');
  // Keys in the projector's window (a clicker paired with it) move the presenter.
  await projector.keyboard.press('PageDown');
  await expect(projectorTitle).toHaveText(/^Mål 2:/);
  await expect(presenterTitle).toHaveText(/^Mål 2:/);
  // A click on the presenter's controls.
  await page.getByRole('button', { name: 'Nästa bild →' }).click();
  await expect(presenterTitle).toHaveText(/^Mål 3:/);
  await expect(projectorTitle).toHaveText(/^Mål 3:/);
  await page.getByRole('button', { name: '← Föregående bild' }).click();
  await expect(projectorTitle).toHaveText(/^Mål 2:/);
  await expect(page.getByText('Bild 4 av 9')).toBeVisible();

  // H hides the new round in both.
  await page.keyboard.press('h');
  await expect(projector.getByText('HT 2026 är dold')).toBeVisible();
  await expect(projector.getByTestId('slide-score')).toContainText('?');
  await projector.keyboard.press('h');
  await expect(page.getByTestId('slide-score')).not.toContainText('?');

  // B blanks the projector; the presenter is told; "." shows it again.
  await page.keyboard.press('b');
  await expect(projector.getByTestId('blank-screen')).toBeVisible();
  await expect(page.getByText('Projektorn är släckt')).toBeVisible();
  await expect(page.getByTestId('blank-screen')).toHaveCount(0);
  await page.keyboard.press('.');
  await expect(projector.getByTestId('blank-screen')).toHaveCount(0);
  await projector.keyboard.press('.');
  await expect(projector.getByTestId('blank-screen')).toBeVisible();
  await page.getByRole('button', { name: 'Släck skärmen' }).click();
  await expect(projector.getByTestId('blank-screen')).toHaveCount(0);

  await expectNoSeriousA11yViolations(page);
  await expectNoSeriousA11yViolations(projector);

  // Closing the presenter view closes the projector's window.
  const closed = projector.waitForEvent('close');
  await page.getByRole('button', { name: 'Stäng presentatörsvyn' }).click();
  await closed;
  await expect(page.getByTestId('presentation')).toHaveAttribute('data-mode', 'single');
  await expect(page.locator('.slide h1')).toHaveText(/^Mål 2:/);
});

test('the presentation runs on the keyboard alone: Tab to a control, Enter, the slide keys, blank and Escape', async ({ page }) => {
  const centreId = await importMeetingFile(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/centres/${centreId}/present`);
  const title = page.locator('.slide h1');
  await expect(title).toHaveText('Sedan förra gången');
  // Tab reaches "Nästa bild" (the previous button is disabled on the first slide) and Enter presses it.
  const next = page.getByRole('button', { name: 'Nästa bild →' });
  for (let i = 0; i < 6 && !(await next.evaluate((element) => element === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(title).toHaveText('Översikt: de fem målen');
  // The new slide's title takes focus, so a screen reader says it; the keys go on working.
  await expect(title).toBeFocused();
  await page.keyboard.press(' ');
  await expect(title).toHaveText(/^Mål 1:/);
  await page.keyboard.press('End');
  await expect(title).toHaveText('Nästa steg');
  await page.keyboard.press('Home');
  await expect(title).toHaveText('Sedan förra gången');
  await page.keyboard.press('B');
  await expect(page.getByTestId('blank-screen')).toBeVisible();
  await page.keyboard.press('b');
  await expect(page.getByTestId('blank-screen')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Jämför omgångar' })).toBeVisible();
});
