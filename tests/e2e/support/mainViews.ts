import { expect, type Page } from '@playwright/test';
import type { ExportFile } from '../../../src/domain/exchange/format';

/** The sizes a group and a facilitator use: projector, laptop, tablet both ways, phone. */
export const SIZES = [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1280x720', width: 1280, height: 720 },
  { name: '1024x768', width: 1024, height: 768 },
  { name: '768x1024', width: 768, height: 1024 },
  { name: '390x844', width: 390, height: 844 },
] as const;

export interface MainView {
  name: string;
  path: string;
  /** Resolves when the view shows its content (charts drawn where it has any). */
  ready: (page: Page) => Promise<void>;
}

async function chartsDrawn(page: Page): Promise<void> {
  await expect(page.locator('canvas').first()).toBeVisible();
  // One frame for Chart.js to draw after its resize.
  await page.waitForTimeout(200);
}

const heading = (name: string | RegExp) => (page: Page) => expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

/** Every main view of a centre from the meeting file, and the app's own pages. */
export function mainViews(file: ExportFile): MainView[] {
  const centre = `/centres/${file.centre.id}`;
  const newest = file.rounds[file.rounds.length - 1]?.id ?? '';
  const round = `${centre}/rounds/${newest}`;
  return [
    { name: '01-start', path: '/', ready: heading('Välj familjecentral') },
    { name: '02-centre', path: centre, ready: heading(file.centre.name) },
    { name: '03-centre-edit', path: `${centre}/edit`, ready: heading('Redigera profil') },
    { name: '04-round-new', path: `${centre}/rounds/new`, ready: heading('Ny omgång') },
    { name: '05-round', path: round, ready: heading(file.rounds[file.rounds.length - 1]?.title ?? '') },
    { name: '06-goal', path: `${round}/goals/goal-1`, ready: (page) => expect(page.locator('h2.goal-heading')).toContainText('Mål 1') },
    { name: '07-individual', path: `${round}/goals/goal-2/individual`, ready: heading('Individuella bedömningar') },
    { name: '08-results', path: `${round}/results`, ready: chartsDrawn },
    { name: '09-report', path: `${round}/report`, ready: chartsDrawn },
    { name: '10-compare', path: `${centre}/compare`, ready: chartsDrawn },
    { name: '11-import', path: '/import', ready: (page) => expect(page.getByLabel('Välj exportfil (.json)')).toBeAttached() },
    { name: '12-instruments', path: '/instruments', ready: (page) => expect(page.locator('h1')).toBeVisible() },
    { name: '13-about', path: '/about', ready: (page) => expect(page.getByRole('heading', { level: 2, name: 'Lagring på enheten' })).toBeVisible() },
    { name: '14-coordinator', path: '/coordinator', ready: (page) => expect(page.locator('h1')).toBeVisible() },
  ];
}
