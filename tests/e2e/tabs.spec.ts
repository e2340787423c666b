import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

test('two tabs on the same round see each other’s answers at once, and no write is lost', async ({ page, context }) => {
  const first = new AppPage(page);
  await first.gotoStart();
  await first.createCentre({ name: 'Familjecentralen Två flikar' });
  await first.createRound('Delad omgång');
  const roundUrl = page.url();

  const other = await context.newPage();
  const second = new AppPage(other);
  await other.goto(roundUrl);
  await expect(other.getByRole('heading', { level: 1, name: 'Delad omgång' })).toBeVisible();

  // An answer given in one tab appears in the other without a reload.
  await first.answer(0, 3);
  await expect(second.item(0).getByRole('radio', { name: /^3 / })).toBeChecked();
  await second.answer(1, 2);
  await expect(first.item(1).getByRole('radio', { name: /^2 / })).toBeChecked();

  // Both tabs write the same item at once: the rating from one and the note from the other both stay.
  await Promise.all([second.answer(2, 4), first.writeNote(2, 'Skrivet i första fliken.')]);
  await first.expectSaved();
  await second.expectSaved();
  await expect(first.item(2).getByRole('radio', { name: /^4 / })).toBeChecked();
  await expect(second.item(2).getByLabel('Anteckning')).toHaveValue('Skrivet i första fliken.');

  // Many quick writes from both tabs: after a reload every one of them is there.
  for (let i = 3; i < 7; i++) {
    await (i % 2 ? first : second).answer(i, 1 + (i % 4));
  }
  await page.reload();
  await expect(first.item(0).getByRole('radio', { name: /^3 / })).toBeChecked();
  await expect(first.item(1).getByRole('radio', { name: /^2 / })).toBeChecked();
  await expect(first.item(2).getByRole('radio', { name: /^4 / })).toBeChecked();
  for (let i = 3; i < 7; i++) {
    await expect(first.item(i).getByRole('radio', { name: new RegExp(`^${String(1 + (i % 4))} `) })).toBeChecked();
  }
  await expect(page.getByText('Totalt 7 av 41 besvarade')).toBeVisible();
  await expect(other.getByText('Totalt 7 av 41 besvarade')).toBeVisible();
});

test('a round deleted in one tab closes in the other at once, takes no answer there, and comes back with "Ångra"', async ({ page, context }) => {
  const group = new AppPage(page);
  await group.gotoStart();
  await group.createCentre({ name: 'Familjecentralen Två flikar' });
  await group.createRound('Omgång som tas bort');
  await group.answer(0, 3);
  await group.expectSaved();
  const roundUrl = page.url();
  const centreUrl = roundUrl.replace(/\/rounds\/.*$/, '');

  // Someone else, in another tab on the same tablet, deletes the round from the centre page.
  const other = await context.newPage();
  const elsewhere = new AppPage(other);
  await other.goto(centreUrl);
  await elsewhere.deleteRound('Omgång som tas bort');

  // The group's tab shows that the round is gone, without a reload, and offers no statement to tap.
  await expect(page.getByRole('alert')).toContainText('Omgången finns inte');
  await expect(page.getByRole('radio')).toHaveCount(0);

  // "Ångra" in the other tab brings the round back, answers included, in the group's tab too.
  await elsewhere.undoToast('Omgången ”Omgång som tas bort” togs bort.').getByRole('button', { name: 'Ångra' }).click();
  await expect(group.item(0).getByRole('radio', { name: /^3 / })).toBeChecked();
  await group.answer(1, 2);
  await group.expectSaved();
  await page.reload();
  await expect(group.item(1).getByRole('radio', { name: /^2 / })).toBeChecked();
});
