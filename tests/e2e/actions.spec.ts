import { expect, test, type Locator, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, expectTouchTargets } from './support/fixtures';

const CENTRE = 'Familjecentralen Åtgärder';

function plan(page: Page): Locator {
  return page.getByTestId('action-plan');
}

async function addAction(page: Page, what: string, who: string, due: string): Promise<void> {
  await plan(page).getByRole('button', { name: 'Lägg till åtgärd' }).click();
  const form = plan(page).getByRole('form', { name: 'Ny åtgärd' });
  await expect(form.getByLabel('Vad ska göras?')).toBeFocused();
  await form.getByLabel('Vad ska göras?').fill(what);
  await form.getByLabel('Vem (verksamhet eller roll)').fill(who);
  await form.getByLabel('Klart senast (valfritt)').fill(due);
  await form.getByRole('button', { name: 'Spara åtgärden' }).click();
  await expect(plan(page).getByTestId('action-item').filter({ hasText: what })).toBeVisible();
}



test('an action added in round 1 is offered for review in round 2', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const app = new AppPage(page);
  await app.gotoStart();
  await app.createCentre({ name: CENTRE });

  // Round 1: two actions for goal 1, one of them done.
  await app.createRound('Våren 2026', '2026-03-10');
  await expect(page.getByRole('heading', { level: 2, name: /^Mål 1:/ })).toBeVisible();
  await expect(page.getByTestId('action-review')).toHaveCount(0);
  await addAction(page, 'Gemensam öppen mottagning', 'BVC', '2026-06-30');
  await addAction(page, 'Informationsblad till föräldrar', 'Öppen förskola', '2026-04-30');
  const finished = plan(page).getByTestId('action-item').filter({ hasText: 'Informationsblad' });
  await finished.getByLabel('Status').selectOption('done');
  await expect(finished).toHaveAttribute('data-status', 'done');
  await app.expectSaved();
  await plan(page).scrollIntoViewIfNeeded();
  await expectTouchTargets(plan(page), 'button, select');
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 768, height: 1024 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: test.info().outputPath('action-plan.png') });

  // Round 2, later: the review offers only the open action.
  await page.getByRole('link', { name: CENTRE }).click();
  await app.createRound('Hösten 2026', '2026-10-10');
  const review = page.getByTestId('action-review');
  await expect(review).toBeVisible();
  await expect(review.getByRole('heading', { name: 'Öppna åtgärder från förra omgången' })).toBeVisible();
  await expect(review.getByTestId('review-item')).toHaveCount(1);
  await expect(review.getByTestId('review-item')).toContainText('Gemensam öppen mottagning');
  await expect(review.getByTestId('review-item')).toContainText('Mål 1:');
  await expect(review).not.toContainText('Informationsblad');
  await expectTouchTargets(review, 'button, select');
  await expectNoHorizontalScroll(page);
  await review.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('action-review.png') });
  await page.setViewportSize({ width: 768, height: 1024 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await expectNoSeriousA11yViolations(page);

  await review.getByRole('button', { name: 'Ta med ”Gemensam öppen mottagning” till den här omgången' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 åtgärd togs med till den här omgången.' })).toBeVisible();
  await expect(review).toHaveCount(0);
  const carried = plan(page).getByTestId('action-item').filter({ hasText: 'Gemensam öppen mottagning' });
  await expect(carried).toHaveAttribute('data-carried', 'true');
  await expect(carried).toContainText('Medtagen från förra omgången');
  await expect(carried.getByLabel('Status')).toHaveValue('planned');
  await app.expectSaved();
  await expectNoSeriousA11yViolations(page);

  // Reload keeps the carried action and does not offer it again.
  await page.reload();
  await expect(plan(page).getByTestId('action-item')).toHaveCount(1);
  await expect(plan(page).getByTestId('action-item')).toHaveAttribute('data-carried', 'true');
  await expect(page.getByTestId('action-review')).toHaveCount(0);

  // The written check-in of round 2 lists it under goal 1.
  await page.getByRole('link', { name: 'Resultat' }).first().click();
  await page.getByRole('link', { name: 'Skriftlig avstämning' }).click();
  const goal1 = page.getByTestId('report-goal').filter({ has: page.getByRole('heading', { level: 3, name: /^Mål 1:/ }) });
  const row = goal1.getByTestId('report-actions').getByRole('row').filter({ hasText: 'Gemensam öppen mottagning' });
  await expect(row).toContainText('BVC');
  await expect(row).toContainText('30 juni 2026');
  await expect(row).toContainText('Planerad');
  await goal1.getByTestId('report-actions').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('report-actions.png') });
  await expectNoSeriousA11yViolations(page);

  expect(errors).toEqual([]);
});
