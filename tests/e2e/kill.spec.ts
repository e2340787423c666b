import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { killBrowser, launchPersistent, makeProfile, type PersistentBrowser } from './support/persistentBrowser';

// A browser killed (SIGKILL: no unload, no flush) moments after the last keystroke of a note or
// after a tap loses nothing: each trial types or taps, waits, kills the browser, starts it again
// on the same profile and finds what the trial did (and every trial before it).
const TRIALS = 30;
const AFTER_KEYSTROKE_MS = 100;
const AFTER_TAP_MS = 60;
/** The trials use the first goal's statements in turn. */
const ITEMS = 7;

const noteOf = (trial: number) => `Försök ${String(trial)}: sista orden före stoppet`;
const valueOf = (trial: number) => 1 + (Math.floor(trial / ITEMS) % 4);

test.setTimeout(480_000);

test('notes typed 100 ms and taps made 60 ms before the browser is killed are there after a restart', async ({ baseURL }) => {
  const profile = await makeProfile();
  let browser: PersistentBrowser | undefined;
  try {
    browser = await launchPersistent(profile.dir, baseURL ?? '');
    let app = new AppPage(browser.page);
    await app.gotoStart();
    await app.createCentre({ name: 'Familjecentralen Strömavbrott' });
    await app.createRound('Omgång som tål avbrott');
    const roundUrl = browser.page.url();
    await app.expectSaved();

    /** Restarts on the same profile and opens the round, where the last trial left it. */
    const restart = async (): Promise<AppPage> => {
      browser = await launchPersistent(profile.dir, baseURL ?? '');
      await browser.page.goto(roundUrl);
      const opened = new AppPage(browser.page);
      await expect(opened.item(ITEMS - 1)).toBeVisible();
      return opened;
    };

    for (let trial = 0; trial < TRIALS; trial++) {
      const field = app.item(trial % ITEMS).getByLabel('Anteckning');
      await field.click();
      await field.press('ControlOrMeta+a');
      await browser.page.keyboard.type(noteOf(trial));
      await browser.page.waitForTimeout(AFTER_KEYSTROKE_MS);
      await killBrowser(browser);
      app = await restart();
      await expect(app.item(trial % ITEMS).getByLabel('Anteckning'), `note trial ${String(trial)}`).toHaveValue(noteOf(trial));
    }

    for (let trial = 0; trial < TRIALS; trial++) {
      await app.item(trial % ITEMS).getByRole('radio', { name: new RegExp(`^${String(valueOf(trial))} `) }).click();
      await browser.page.waitForTimeout(AFTER_TAP_MS);
      await killBrowser(browser);
      app = await restart();
      await expect(
        app.item(trial % ITEMS).getByRole('radio', { name: new RegExp(`^${String(valueOf(trial))} `) }),
        `tap trial ${String(trial)}`,
      ).toBeChecked();
    }

    // Nothing an earlier trial wrote was lost by a later kill.
    for (let item = 0; item < ITEMS; item++) {
      const lastNote = TRIALS - ITEMS + ((item - TRIALS + ITEMS * TRIALS) % ITEMS);
      await expect(app.item(item).getByLabel('Anteckning')).toHaveValue(noteOf(lastNote));
      await expect(app.item(item).getByRole('radio', { name: new RegExp(`^${String(valueOf(lastNote))} `) })).toBeChecked();
    }
  } finally {
    await browser?.context.close().catch(() => undefined);
    await profile.remove();
  }
});
