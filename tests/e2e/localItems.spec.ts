import { expect, test, type Locator, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { expectNoSeriousA11yViolations, expectTouchTargets } from './support/fixtures';

const CENTRE = 'Familjecentralen Egna mål';
const OWN = 'Vi gör hembesök tillsammans, BVC och socialtjänst';
const DESCRIPTORS = ['Aldrig', 'Någon gång per termin', 'Varje månad', 'Varje vecka, enligt en gemensam rutin'];

function ownSection(page: Page): Locator {
  return page.getByTestId('local-items');
}


function commonItems(page: Page): Locator {
  return page.locator('ol.goal-section__items article[data-item-id]');
}

test('an own statement on goal 2 is answered, survives a reload and is scored apart from the goal', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const app = new AppPage(page);
  await app.gotoStart();
  await app.createCentre({ name: CENTRE });
  await app.createRound('Våren 2026', '2026-04-20');
  await page.getByRole('link', { name: 'Nästa mål' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Mål 2:/ })).toBeVisible();

  // Add an own statement with a descriptor per step; the form takes focus and gives it back.
  const section = ownSection(page);
  await expect(section.getByRole('heading', { level: 3, name: 'Egna påståenden' })).toBeVisible();
  await expect(section).toContainText('Räknas för sig och påverkar inte målets gemensamma värde.');
  const add = section.getByRole('button', { name: 'Lägg till eget påstående' });
  await add.click();
  const form = section.getByRole('form', { name: 'Nytt eget påstående' });
  await expect(form.getByLabel('Påstående', { exact: true })).toBeFocused();
  await form.getByLabel('Påstående', { exact: true }).fill(OWN);
  await form.getByText('Beskriv nivåerna (valfritt)').click();
  await form.getByLabel('1 – Inte påbörjat').fill(DESCRIPTORS[0] ?? '');
  await form.getByLabel('2 – Påbörjat').fill(DESCRIPTORS[1] ?? '');
  await form.getByLabel('3 – Delvis etablerat').fill(DESCRIPTORS[2] ?? '');
  await form.getByLabel('4 – Etablerat och fungerar väl').fill(DESCRIPTORS[3] ?? '');
  await expectNoSeriousA11yViolations(page);
  await expectTouchTargets(form);
  await page.setViewportSize({ width: 768, height: 1024 });
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('local-item-form.png') });
  await page.setViewportSize({ width: 1024, height: 768 });
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(form).toHaveCount(0);
  await expect(add).toBeFocused();

  const own = section.getByTestId('local-item');
  await expect(own).toHaveCount(1);
  await expect(own).toContainText('Eget');
  await expect(own).toContainText('E1');
  await expect(own).toContainText(OWN);
  await expect(own).toContainText(DESCRIPTORS[3] ?? '');
  await expect(section).toContainText('0 av 1 egna besvarade');
  await expectTouchTargets(own.locator('.local-items__bar'));

  // Rate the common items 2 each (mean 2,0) and the own one 4: mixed in, the goal would be 2,25.
  const count = await commonItems(page).count();
  expect(count).toBe(7);
  for (let i = 0; i < count; i++) await commonItems(page).nth(i).getByRole('radio', { name: /^2 / }).check();
  await own.getByRole('radio', { name: /^4 / }).check();
  await own.getByLabel('Anteckning').fill('Rutinen finns sedan januari.');
  await own.getByLabel('Anteckning').blur();
  await app.expectSaved();
  await expect(section).toContainText('1 av 1 egna besvarade');
  // Own items change neither the goal's nor the round's progress.
  await expect(page.getByText('7 av 7 besvarade', { exact: true })).toBeVisible();
  await expect(page.getByText('Totalt 7 av 41 besvarade')).toBeVisible();
  await expect(app.items()).toHaveCount(8);

  await page.setViewportSize({ width: 768, height: 1024 });
  await section.evaluate((element) => {
    element.scrollIntoView({ block: 'start' });
  });
  await page.screenshot({ path: test.info().outputPath('local-items-768.png') });
  await page.setViewportSize({ width: 1024, height: 768 });

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: /^Mål 2:/ })).toBeVisible();
  const reloaded = ownSection(page).getByTestId('local-item');
  await expect(reloaded).toContainText(OWN);
  await expect(reloaded.getByRole('radio', { name: /^4 / })).toBeChecked();
  await expect(reloaded.getByLabel('Anteckning')).toHaveValue('Rutinen finns sedan januari.');

  // Results: the goal's mean is that of the common items only; the own item has its own table.
  await page.getByRole('link', { name: CENTRE }).click();
  await page.getByRole('link', { name: 'Resultat' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Resultat: Våren 2026' })).toBeVisible();
  await expect(page.locator('table.goal-scores tr[data-goal-id="goal-2"] td.score')).toHaveText('2,0');
  const results = page.getByTestId('local-results');
  await expect(results.getByRole('heading', { level: 2, name: 'Egna påståenden – räknas inte in i målets värde' })).toBeVisible();
  const table = results.getByTestId('local-items-table');
  await expect(table).toHaveCount(1);
  await expect(table).toHaveAttribute('data-goal-id', 'goal-2');
  await expect(table.locator('caption')).toHaveText(/^Mål 2:/);
  await expect(table.locator('tbody tr')).toContainText(OWN);
  await expect(table.locator('tbody [data-column="current"]')).toHaveText('4 – Etablerat och fungerar väl');
  await expect(table.locator('tfoot [data-column="current"]')).toHaveText('4,0 (1 av 1 bedömda)');
  await results.screenshot({ path: test.info().outputPath('local-results.png') });
  await expectNoSeriousA11yViolations(page);

  // The written check-in lists it after goal 2's statements.
  await page.getByRole('link', { name: 'Skriftlig avstämning' }).click();
  const report = page.getByTestId('report');
  await expect(report.getByTestId('local-items-table')).toHaveCount(1);
  await expect(report.getByTestId('local-items-table')).toContainText(OWN);
  await expect(report.getByTestId('local-items-table').locator('caption')).toHaveText('Mål 2: egna påståenden – räknas inte in i målets värde');
  await report.getByTestId('local-items-table').screenshot({ path: test.info().outputPath('report-goal-2.png') });

  // Comparing rounds lists it too, round by round, apart from the charts of the goals.
  await page.goBack();
  await page.getByRole('link', { name: 'Jämför omgångar' }).click();
  const across = page.getByTestId('local-comparison');
  await expect(across.locator('tbody tr')).toContainText(OWN);
  await expect(across.locator('tbody td').last()).toHaveText('4');
  await expect(across.locator('tfoot td')).toHaveText(['4,0']);
  await expectNoSeriousA11yViolations(page);
  expect(errors).toEqual([]);
});

test('participants rate the group\'s own statements individually too, and the spread shows on the own card', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new AppPage(page);
  await app.gotoStart();
  await app.createCentre({ name: 'Familjecentralen Egna bedömningar' });
  await page.getByRole('link', { name: 'Starta ny omgång' }).click();
  await page.getByLabel('Rubrik').fill('Hösten');
  while ((await page.getByLabel('Namn').count()) < 2) await page.getByRole('button', { name: 'Lägg till deltagare' }).click();
  await page.getByLabel('Namn').nth(0).fill('Anna');
  await page.getByLabel('Namn').nth(1).fill('Bo');
  await page.getByRole('button', { name: 'Starta omgången' }).click();
  const section = ownSection(page);
  await section.getByRole('button', { name: 'Lägg till eget påstående' }).click();
  await section.getByRole('form', { name: 'Nytt eget påstående' }).getByLabel('Påstående', { exact: true }).fill(OWN);
  await section.getByRole('button', { name: 'Spara' }).click();
  await expect(section.getByTestId('local-item')).toHaveCount(1);

  await page.getByRole('link', { name: 'Individuella bedömningar först' }).click();
  for (const [name, own] of [['Anna', 1], ['Bo', 4]] as const) {
    await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
    const items = page.locator('fieldset[data-item-id]');
    // Goal 1's seven statements and the own one, last.
    await expect(items).toHaveCount(8);
    await expect(items.nth(7)).toContainText(OWN);
    for (let index = 0; index < 7; index++) await items.nth(index).getByRole('radio', { name: /^3 / }).check();
    await items.nth(7).getByRole('radio', { name: new RegExp(`^${String(own)} `) }).check();
    await expect(page.getByText('8 av 8 besvarade')).toBeVisible();
    await page.getByRole('button', { name: 'Klar – lämna över' }).click();
  }
  await page.getByRole('button', { name: 'Visa spridningen' }).click();
  await expect(page.locator(`[data-item-id]`).filter({ hasText: OWN }).getByTestId('rating-spread')).toBeVisible();

  // Back on the consensus view the own card carries the spread, flagged: 1 and 4 differ by three steps.
  await page.getByRole('link', { name: 'Till den gemensamma bedömningen' }).first().click();
  const ownCard = ownSection(page).getByTestId('local-item');
  await expect(ownCard.getByTestId('rating-spread')).toBeVisible();
  await expect(ownCard).toContainText('Olika uppfattningar');
  await expectNoSeriousA11yViolations(page);

  // The results list it first among the statements where views differ most.
  await page.getByRole('link', { name: 'Familjecentralen Egna bedömningar' }).click();
  await page.getByRole('link', { name: 'Resultat' }).first().click();
  await expect(page.getByTestId('divergent-items').locator('tbody tr').first()).toContainText(OWN);
});
