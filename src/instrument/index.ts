import { parseInstrument } from '@/domain/instrument';
import type { Instrument } from '@/domain/types';

export const DEFAULT_INSTRUMENT_ID = 'familjecentral-sjalvvardering';

/**
 * Every version of the built-in instrument this app ever shipped, oldest first. Rounds keep the
 * instrument version they were answered with and are shown with it, so a release that changes the
 * built-in instrument adds its new version here, as a new file, and keeps every earlier one: editing
 * a file in place would leave older rounds without their instrument (and change their profile).
 * New rounds use the newest.
 *
 * Each file is loaded on demand so the first screen does not pay for its text, and validated like
 * any instrument file: a broken build fails loudly instead of showing half a questionnaire.
 */
const BUILT_IN: readonly { readonly version: string; readonly load: () => Promise<{ default: unknown }> }[] = [
  // 1.0.0 has no `path` block: it is read with the default rules `default-1`, which never change.
  { version: '1.0.0', load: () => import('./default-instrument.json') },
  // 2.0.0: goal 4 covers accessibility beyond language and being helpful to social services and local actors.
  { version: '2.0.0', load: () => import('./instrument-2.0.0.json') },
];

export const BUILT_IN_VERSIONS: readonly string[] = BUILT_IN.map((entry) => entry.version);
export const NEWEST_BUILT_IN_VERSION: string = BUILT_IN_VERSIONS[BUILT_IN_VERSIONS.length - 1] ?? '1.0.0';

async function load(entry: (typeof BUILT_IN)[number]): Promise<Instrument> {
  const instrument = parseInstrument((await entry.load()).default);
  if (instrument.id !== DEFAULT_INSTRUMENT_ID || instrument.version !== entry.version) {
    throw new Error(`built-in instrument file for ${entry.version} holds ${instrument.id}@${instrument.version}`);
  }
  return instrument;
}

/** Every shipped version, newest first (the order the instrument store lists them in). */
export async function loadBuiltInInstruments(): Promise<Instrument[]> {
  const all = await Promise.all(BUILT_IN.map(load));
  return all.reverse();
}

/** One shipped version, or undefined when this app never shipped it. */
export async function loadBuiltInInstrument(version: string): Promise<Instrument | undefined> {
  const entry = BUILT_IN.find((candidate) => candidate.version === version);
  return entry ? load(entry) : undefined;
}

/** The newest shipped version: the one new rounds use unless a network's own is chosen. */
export async function loadDefaultInstrument(): Promise<Instrument> {
  const entry = BUILT_IN[BUILT_IN.length - 1];
  if (!entry) throw new Error('no built-in instrument');
  return load(entry);
}

