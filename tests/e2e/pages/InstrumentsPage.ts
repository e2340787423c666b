import { expect, type Locator, type Page } from '@playwright/test';

export interface Upload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Page object for the instruments page (Swedish): the list, the choice for new rounds and loading a file. */
export class InstrumentsPage {
  constructor(readonly page: Page) {}

  /** From the start page, through "Om appen och lagringen". */
  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Om appen och lagringen' }).click();
    await this.page.getByRole('link', { name: 'Hantera instrument' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Instrument' })).toBeVisible();
  }

  /** Picks an instrument file: a path on disk, or a file made in the test. */
  async load(file: string | Upload): Promise<void> {
    await this.page.getByLabel('Läs in instrumentfil (.json)').setInputFiles(file);
  }

  get problems(): Locator {
    return this.page.getByTestId('instrument-problems');
  }

  get preview(): Locator {
    return this.page.getByTestId('instrument-preview');
  }

  /** The list entry of an instrument, by its `id@version`. */
  entry(key: string): Locator {
    return this.page.locator(`[data-instrument-key="${key}"]`);
  }

  /** The radio that makes an instrument the one for new rounds. */
  choice(key: string): Locator {
    return this.entry(key).getByRole('radio');
  }

  async install(): Promise<void> {
    await this.preview.getByRole('button', { name: 'Lägg till instrumentet' }).click();
    await expect(this.page.getByTestId('instrument-installed')).toBeVisible();
  }
}
