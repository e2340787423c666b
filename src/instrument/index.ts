import { parseInstrument } from '@/domain/instrument';
import type { Instrument } from '@/domain/types';

export const DEFAULT_INSTRUMENT_ID = 'familjecentral-sjalvvardering';

/**
 * Rounds keep the instrument version they were answered with and are shown with it. So a release
 * that changes the built-in instrument must add the new version beside this one and keep every
 * version it ever shipped (the instrument store would then list them all as built in); editing this
 * file in place would leave older rounds without their instrument.
 *
 * The instrument is loaded on demand so the first screen does not pay for its text, and validated
 * like any instrument file: a broken build fails loudly instead of showing half a questionnaire.
 */
export async function loadDefaultInstrument(): Promise<Instrument> {
  const module = await import('./default-instrument.json');
  return parseInstrument(module.default);
}
