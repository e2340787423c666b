import { expect, type Locator, type Page } from '@playwright/test';

export interface CentreDetails {
  name: string;
  municipality?: string;
  district?: string;
  services?: readonly string[];
}

/** Page object for the working group's journey, in the app's default language (Swedish). */
export class AppPage {
  constructor(readonly page: Page) {}

  get saveStatus(): Locator {
    return this.page.getByTestId('save-status');
  }

  async gotoStart(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Välj familjecentral' })).toBeVisible();
  }

  async createCentre(details: CentreDetails): Promise<void> {
    await this.page.getByRole('link', { name: 'Lägg till familjecentral' }).click();
    await this.page.getByLabel('Namn').fill(details.name);
    if (details.municipality) await this.page.getByLabel('Kommun eller region').fill(details.municipality);
    if (details.district) await this.page.getByLabel('Stadsdel eller område').fill(details.district);
    for (const service of details.services ?? []) await this.page.getByLabel(service).check();
    await this.page.getByRole('button', { name: 'Skapa familjecentral' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: details.name })).toBeVisible();
  }

  async createRound(title: string, date?: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Starta ny omgång' }).click();
    await this.page.getByLabel('Rubrik').fill(title);
    if (date) await this.page.getByLabel('Datum').fill(date);
    await this.page.getByRole('button', { name: 'Starta omgången' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  items(): Locator {
    return this.page.locator('article[data-item-id]');
  }

  /**
   * How many statement cards the goal shows, once they are drawn: the round's heading can be on
   * screen a moment before its cards, and counting then would answer nothing.
   */
  async itemCount(): Promise<number> {
    await expect(this.items().first()).toBeVisible();
    return this.items().count();
  }

  item(index: number): Locator {
    return this.items().nth(index);
  }

  /** Picks a scale step by its number (1–4) or one of the two non-ratings by its label. */
  async answer(index: number, choice: number | 'Vet inte' | 'Inte aktuellt'): Promise<void> {
    const name = typeof choice === 'number' ? new RegExp(`^${String(choice)} `) : choice;
    await this.item(index).getByRole('radio', { name }).check();
  }

  async writeNote(index: number, text: string): Promise<void> {
    const field = this.item(index).getByLabel('Anteckning');
    await field.fill(text);
    await field.blur();
  }

  /** A round's card on the centre page. */
  roundCard(title: string): Locator {
    return this.page.getByTestId('round-list').getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  /** Deletes a round from the centre page, confirming in the dialog. */
  async deleteRound(title: string): Promise<void> {
    await this.roundCard(title).getByRole('button', { name: 'Ta bort' }).click();
    await this.page.getByRole('dialog', { name: 'Ta bort omgången?' }).getByRole('button', { name: 'Ta bort' }).click();
    await expect(this.roundCard(title)).toHaveCount(0);
  }

  /** The undo toast whose message contains `text` (one toast per pending deletion). */
  undoToast(text: string): Locator {
    return this.page.getByTestId('undo-toast').filter({ hasText: text });
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveStatus).toContainText(/Sparat ✓ \d{2}:\d{2}/);
  }

  async goalHeading(): Promise<string> {
    return (await this.page.locator('h2.goal-heading').textContent()) ?? '';
  }
}
