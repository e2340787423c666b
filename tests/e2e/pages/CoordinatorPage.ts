import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

export interface Upload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Page object for the coordinator's workspace and comparison, in Swedish. */
export class CoordinatorPage {
  constructor(readonly page: Page) {}

  /** From the start page, through its link. */
  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Samordnare: jämför familjecentraler' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Samordnarens jämförelse' })).toBeVisible();
  }

  async importFiles(files: readonly Upload[]): Promise<void> {
    await this.page.getByLabel('Välj exportfiler').setInputFiles([...files]);
    await expect(this.report.locator(':scope > li')).toHaveCount(files.length);
    for (const file of files) await expect(this.reportFor(file.name)).toBeVisible();
  }

  get report(): Locator {
    return this.page.getByTestId('import-report');
  }

  reportFor(fileName: string): Locator {
    return this.report.locator(':scope > li').filter({ hasText: fileName });
  }

  get comparison(): Locator {
    return this.page.getByTestId('centre-comparison');
  }

  get workspaceList(): Locator {
    return this.page.locator('table.workspace-list');
  }

  /** The centre names of the comparison table, top to bottom. */
  async rowNames(): Promise<string[]> {
    return this.comparison.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-centre-name') ?? ''));
  }

  row(name: string): Locator {
    return this.comparison.locator(`tbody tr[data-centre-name="${name}"]`);
  }

  /** The cells after the centre name: goal 1–5, all goals, change, coverage, stage. */
  async cells(name: string): Promise<string[]> {
    return (await this.row(name).locator('td').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  get period(): Locator {
    return this.page.getByLabel('Period', { exact: true });
  }

  async sortBy(label: string, order?: 'Högst först' | 'Lägst först'): Promise<void> {
    await this.page.getByLabel('Sortera efter', { exact: true }).selectOption({ label });
    if (order) await this.page.getByLabel('Ordning', { exact: true }).selectOption({ label: order });
  }

  async downloadCsv(): Promise<{ name: string; content: Buffer }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Ladda ned tabellen som CSV' }).click();
    const file = await download;
    const path = await file.path();
    return { name: file.suggestedFilename(), content: await readFile(path) };
  }

  async remove(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Ta bort ${name} från arbetsytan` }).click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toContainText(name);
    await dialog.getByRole('button', { name: 'Ta bort', exact: true }).click();
  }
}
