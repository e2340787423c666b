import { parseInstrument } from '@/domain/instrument';
import type { Instrument } from '@/domain/types';

export const DEFAULT_INSTRUMENT_ID = 'familjecentral-sjalvvardering';

/**
 * The instrument is loaded on demand so the first screen does not pay for its text, and validated
 * like any instrument file: a broken build fails loudly instead of showing half a questionnaire.
 */
export async function loadDefaultInstrument(): Promise<Instrument> {
  const module = await import('./default-instrument.json');
  return parseInstrument(module.default);
}
