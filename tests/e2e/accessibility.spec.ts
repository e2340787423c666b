import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { expectNoSeriousA11yViolations } from './support/fixtures';

/** Every control a finger uses must be at least 44×44 CSS pixels (WCAG 2.5.5, tablet use). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'button, a.button, .goal-nav__link, .scale__option, .choice, input[type="text"], input[type="date"], textarea, summary, .breadcrumb a, .header a, .centre-link';
    return Array.from(document.querySelectorAll<HTMLElement>(selector))
      .filter((el) => el.offsetParent !== null && !el.closest('dialog:not([open])'))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ el, box }) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}" ${String(Math.round(box.width))}×${String(Math.round(box.height))}`);
  });
}

async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

async function checkView(page: Page, label: string): Promise<void> {
  await test.step(label, async () => {
    await expectNoSeriousA11yViolations(page);
    expect(await smallTargets(page), `small touch targets on ${label}`).toEqual([]);
    expect(await hasHorizontalScroll(page), `horizontal scroll on ${label}`).toBe(false);
  });
}

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
]) {
  test(`every main view is accessible, touch-sized and fits ${String(viewport.width)} px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const app = new AppPage(page);
    await app.gotoStart();
    await checkView(page, 'start, empty');
    await page.getByRole('link', { name: 'Lägg till familjecentral' }).click();
    await checkView(page, 'new centre form');
    await page.getByLabel('Namn').fill('Familjecentralen Spånga');
    await page.getByRole('button', { name: 'Skapa familjecentral' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Familjecentralen Spånga' })).toBeVisible();
    await checkView(page, 'centre, no rounds');
    await page.getByRole('link', { name: 'Starta ny omgång' }).click();
    await page.getByRole('button', { name: 'Starta omgången' }).click();
    await expect(page.getByText('Fyll i fältet.')).toBeVisible();
    await checkView(page, 'round form with an error');
    await page.getByLabel('Rubrik').fill('Avstämning');
    await page.getByRole('button', { name: 'Starta omgången' }).click();
    await app.answer(0, 2);
    await app.item(0).getByText('Att titta på').click();
    await checkView(page, 'questionnaire');
    await page.getByLabel('Målet är inte aktuellt för oss i den här omgången').check();
    await checkView(page, 'questionnaire, goal not relevant');
    await page.getByRole('link', { name: 'Familjecentralen Spånga' }).click();
    await expect(page.getByTestId('round-list')).toBeVisible();
    await checkView(page, 'centre with rounds');
    await page.getByTestId('round-list').getByRole('button', { name: 'Ta bort' }).click();
    await checkView(page, 'confirm dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Ta bort' }).click();
    await checkView(page, 'undo toast');
    await page.goto('/');
    await checkView(page, 'start with a centre');
    await page.goto('/about');
    await checkView(page, 'about and storage');
    await page.goto('/no-such-page');
    await checkView(page, 'not found');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.goto('/');
    await checkView(page, 'start in English');
  });
}

test('the whole flow works with the keyboard alone, with a visible focus', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoStart();
  const focusOutline = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el ? getComputedStyle(el).outlineStyle : 'none';
    });

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Hoppa till innehållet' })).toBeFocused();
  // Tab to "Lägg till familjecentral" and open it with Enter.
  const create = page.getByRole('link', { name: 'Lägg till familjecentral' });
  for (let i = 0; i < 10 && !(await create.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(create).toBeFocused();
  expect(await focusOutline()).toBe('solid');
  await page.keyboard.press('Enter');
  await page.getByLabel('Namn').focus();
  await page.keyboard.type('Familjecentralen Hässelby');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Familjecentralen Hässelby' })).toBeVisible();

  await page.getByRole('link', { name: 'Starta ny omgång' }).focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Rubrik').focus();
  await page.keyboard.type('Tangentbordsomgång');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Tangentbordsomgång' })).toBeVisible();

  // Radios: Tab into the group, arrows move and select, as in every native radio group.
  const first = app.item(0);
  await first.getByRole('radio', { name: /^1 / }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(first.getByRole('radio', { name: /^3 / })).toBeChecked();
  await expect(first.getByRole('radio', { name: /^3 / })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(first.getByRole('button', { name: 'Rensa svaret' })).toBeFocused();
  // What the next level takes opens from the keyboard too.
  await page.keyboard.press('Tab');
  const nextLevel = first.getByTestId('item-next-level');
  await expect(nextLevel.locator('summary')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(nextLevel).toHaveAttribute('open', '');
  await page.keyboard.press('Tab');
  await expect(first.getByLabel('Anteckning')).toBeFocused();
  await page.keyboard.type('Skrivet med tangentbordet.');
  await page.keyboard.press('Tab');
  await app.expectSaved();
  await page.reload();
  await expect(app.item(0).getByRole('radio', { name: /^3 / })).toBeChecked();
  await expect(app.item(0).getByLabel('Anteckning')).toHaveValue('Skrivet med tangentbordet.');
});
