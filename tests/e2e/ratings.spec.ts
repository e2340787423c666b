import { expect, test, type Locator, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations } from './support/fixtures';

type Choice = number | 'Vet inte' | 'Inte aktuellt';

const FIRST = 'g1-open-to-all';
const SECOND = 'g1-described-offer';

/**
 * Goal 1 has 7 statements. Item 1 gets 1, 2, 4 (range 3: flagged); item 2 gets 2, 3, 3 (range 1);
 * the rest 3, except that the third person answers "Vet inte" on the last one.
 */
const PLAN: Readonly<Record<string, readonly Choice[]>> = {
  'Anna (BMM)': [1, 2, 3, 3, 3, 3, 3],
  'Deltagare 2 (BVC)': [2, 3, 3, 3, 3, 3, 3],
  'Cecilia (Öppen förskola)': [4, 3, 3, 3, 3, 3, 'Vet inte'],
};

async function createRoundWithParticipants(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Starta ny omgång' }).click();
  await page.getByLabel('Rubrik').fill('Hösten');
  await page.getByLabel('Datum').fill('2026-10-10');
  await expect(page.getByLabel('Verksamhet eller roll')).toHaveCount(3);
  await page.getByLabel('Namn').nth(0).fill('Anna');
  await page.getByLabel('Namn').nth(2).fill('Cecilia');
  await page.getByRole('button', { name: 'Starta omgången' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hösten' })).toBeVisible();
}

function person(page: Page, label: string): Locator {
  return page.getByRole('button', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) });
}

async function rateAs(page: Page, label: string, choices: readonly Choice[], { keyboard = false, screenshot = '', reopen = false } = {}): Promise<void> {
  const button = person(page, label);
  if (keyboard) {
    await button.focus();
    await page.keyboard.press('Enter');
  } else {
    await button.click();
  }
  // Someone who has handed over is opened again only after asking.
  if (reopen) await page.getByRole('dialog', { name: `${label} har lämnat över` }).getByRole('button', { name: 'Öppna bedömningen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `${label} bedömer` })).toBeVisible();
  // Whoever rated before: nothing of theirs is visible or chosen.
  await expect(page.locator('input[type="radio"]:checked')).toHaveCount(0);
  const items = page.locator('fieldset[data-item-id]');
  await expect(items).toHaveCount(choices.length);
  for (const [index, choice] of choices.entries()) {
    const name = typeof choice === 'number' ? new RegExp(`^${String(choice)} `) : choice;
    await items.nth(index).getByRole('radio', { name }).check();
  }
  await expect(page.getByText(`${String(choices.length)} av ${String(choices.length)} besvarade`)).toBeVisible();
  if (screenshot) await page.screenshot({ path: screenshot });
  await page.getByRole('button', { name: 'Klar – lämna över' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Vem bedömer nu?' })).toBeVisible();
  await expect(page.getByText(`${label} har lämnat över. Svaren är dolda.`)).toBeVisible();
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(page.getByTestId('rating-spread')).toHaveCount(0);
}


test('three participants rate individually on one tablet with ratings hidden until all are done, the spread is shown and the most divergent item is flagged', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const app = new AppPage(page);
  await app.gotoStart();
  await app.createCentre({
    name: 'Familjecentralen Spridning',
    services: ['Mödrahälsovård (BMM/MVC)', 'Barnhälsovård (BVC)', 'Öppen förskola'],
  });
  await createRoundWithParticipants(page);
  await expect(page.getByTestId('rating-spread')).toHaveCount(0);

  await page.getByRole('link', { name: 'Individuella bedömningar först' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Individuella bedömningar' })).toBeVisible();
  await expect(page.getByTestId('done-count')).toHaveText('0 av 3 klara');
  for (const label of Object.keys(PLAN)) await expect(person(page, label)).toContainText('Inte klar');
  const box = await person(page, 'Anna (BMM)').boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  await expectNoSeriousA11yViolations(page);

  // Handing over with statements left open is possible, but asked about first.
  await person(page, 'Anna (BMM)').click();
  await page.getByRole('button', { name: 'Klar – lämna över' }).click();
  const unfinished = page.getByRole('dialog', { name: 'Alla påståenden är inte besvarade' });
  await expect(unfinished).toContainText('7 påståenden är obesvarade.');
  await unfinished.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Anna (BMM) bedömer' })).toBeVisible();
  await page.getByRole('button', { name: 'Klar – lämna över' }).click();
  await unfinished.getByRole('button', { name: 'Lämna över ändå' }).click();
  await expect(person(page, 'Anna (BMM)')).toContainText('Inte klar');
  // Handed over with statements open: a stray tap does not reopen her ratings without asking.
  await person(page, 'Anna (BMM)').click();
  const asked = page.getByRole('dialog', { name: 'Anna (BMM) har lämnat över' });
  await expect(asked).toBeVisible();
  await asked.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Vem bedömer nu?' })).toBeVisible();

  const labels = Object.keys(PLAN);
  for (const [index, label] of labels.entries()) {
    if (index === 1) {
      await page.getByRole('heading', { level: 2, name: 'Vem bedömer nu?' }).focus();
      await page.screenshot({ path: testInfo.outputPath('pass-the-tablet-picker.png') });
    }
    await rateAs(page, label, PLAN[label] ?? [], {
      keyboard: index === 2,
      screenshot: index === 0 ? testInfo.outputPath('pass-the-tablet-rating.png') : '',
      reopen: index === 0,
    });
    await expect(person(page, label)).toContainText('✓ Klar');
    await expect(page.getByTestId('done-count')).toHaveText(`${String(index + 1)} av 3 klara`);
    if (index < labels.length - 1) await expect(page.getByRole('button', { name: 'Visa spridningen' })).toHaveCount(0);
  }
  await app.expectSaved();

  // Someone who is done is not reopened by a stray tap: their answers would show.
  await person(page, 'Anna (BMM)').click();
  const reopen = page.getByRole('dialog', { name: 'Anna (BMM) har lämnat över' });
  await expect(reopen).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await reopen.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Vem bedömer nu?' })).toBeVisible();
  await expect(page.locator('input[type="radio"]:checked')).toHaveCount(0);

  // Everyone is done: the spread can be revealed, anonymously.
  await expect(page.getByText('Alla har bedömt.', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Visa spridningen' }).click();
  const first = page.locator(`li[data-item-id="${FIRST}"]`);
  await expect(first.getByTestId('spread-range')).toHaveText('Min–max: 1–4');
  await expect(first.getByTestId('spread-flag')).toHaveText(/Olika uppfattningar – värt att diskutera/);
  await expect(first.locator('li[data-value="1"]')).toContainText('1 person');
  await expect(first.locator('li[data-value="3"]')).toContainText('0 personer');
  await expect(page.locator(`li[data-item-id="${SECOND}"]`).getByTestId('spread-flag')).toHaveCount(0);
  await expect(page.locator('li[data-item-id="g1-referral-routine"]')).toContainText('Vet inte: 1');
  await expect(page.getByTestId('spread-names')).toHaveCount(0);
  await first.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('pass-the-tablet-spread.png') });
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize({ width: 768, height: 1024 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1024, height: 768 });

  // Beside the consensus: the same spread on the item cards; the consensus stays the official answer.
  await page.getByRole('link', { name: 'Till den gemensamma bedömningen' }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: /^Mål 1:/ })).toBeVisible();
  const card = page.locator(`article[data-item-id="${FIRST}"]`);
  await expect(card.getByTestId('spread-range')).toHaveText('Min–max: 1–4');
  await expect(card.getByTestId('spread-flag')).toBeVisible();
  await expect(card.getByTestId('spread-names')).toHaveCount(0);
  await app.answer(0, 2);
  await page.getByLabel('Visa namn').check();
  await expect(card.locator('li[data-value="1"]').getByTestId('spread-names')).toHaveText('(Anna)');
  await expect(card.locator('li[data-value="2"]').getByTestId('spread-names')).toHaveText('(Deltagare 2)');
  await app.expectSaved();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('spread-beside-consensus.png') });
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize({ width: 768, height: 1024 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1024, height: 768 });

  // The name choice is kept for the round.
  await page.reload();
  await expect(page.getByLabel('Visa namn')).toBeChecked();
  await expect(card.locator('li[data-value="4"]').getByTestId('spread-names')).toHaveText('(Cecilia)');
  // A goal nobody rated on their own has no names to show, so no "Visa namn".
  await page.getByRole('link', { name: /^Mål 2/ }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: /^Mål 2:/ })).toBeVisible();
  await expect(page.getByLabel('Visa namn')).toHaveCount(0);

  // Results: the most divergent item first, with its min–max and the consensus.
  await page.getByRole('link', { name: 'Resultat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Resultat: Hösten' })).toBeVisible();
  const section = page.getByTestId('divergent-items');
  await expect(section.getByRole('heading', { name: 'Här skiljer sig uppfattningarna mest' })).toBeVisible();
  const top = section.locator('tbody tr').first();
  await expect(top).toHaveAttribute('data-item-id', FIRST);
  await expect(top.locator('td').nth(0)).toHaveText('1–4');
  await expect(top.locator('td').nth(1)).toHaveText('2');
  await expect(top.getByTestId('divergent-flag')).toBeVisible();
  await expect(section.locator(`tr[data-item-id="${SECOND}"]`).getByTestId('divergent-flag')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  expect(errors).toEqual([]);
});
