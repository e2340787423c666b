import { shallowRef } from 'vue';
import { checkInstrumentBytes, type InstrumentProblem } from '@/domain/instrument';
import { sameInstrument } from '@/domain/instruments';
import type { Instrument } from '@/domain/types';
import { useInstrumentStore } from '@/stores/instrument';

/** An instrument file is a few hundred KB at most; anything far larger is not one, and is not read. */
export const MAX_INSTRUMENT_BYTES = 2 * 1024 * 1024;

/** How a valid file relates to what the device already holds under the same id and version. */
export type InstrumentNovelty = 'new' | 'same' | 'changed';

export type InstrumentFileStep =
  | { kind: 'idle' }
  | { kind: 'checking'; name: string }
  | { kind: 'tooLarge'; name: string; size: number }
  | { kind: 'invalid'; name: string; problems: readonly InstrumentProblem[] }
  | { kind: 'preview'; name: string; instrument: Instrument; novelty: InstrumentNovelty }
  | { kind: 'installed'; instrument: Instrument; madeCurrent: boolean }
  | { kind: 'failed'; reason: string };

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Loading a network's instrument file: check it, show what it is, and install it only when asked.
 * A version never changes once on the device, so the same id and version with other content is refused.
 */
export function useInstrumentFile() {
  const instruments = useInstrumentStore();
  // Shallow: the instrument goes to IndexedDB as it is, and a reactive proxy cannot be stored.
  const step = shallowRef<InstrumentFileStep>({ kind: 'idle' });

  async function check(file: File): Promise<void> {
    if (file.size > MAX_INSTRUMENT_BYTES) {
      step.value = { kind: 'tooLarge', name: file.name, size: file.size };
      return;
    }
    step.value = { kind: 'checking', name: file.name };
    try {
      // Bytes, not file.text(): that would turn a Latin-1 "ö" into U+FFFD without a word.
      const [bytes] = await Promise.all([file.arrayBuffer(), instruments.load()]);
      const checked = checkInstrumentBytes(new Uint8Array(bytes));
      if (!checked.ok) {
        step.value = { kind: 'invalid', name: file.name, problems: checked.problems };
        return;
      }
      const existing = instruments.get(checked.instrument);
      const novelty: InstrumentNovelty = !existing ? 'new' : sameInstrument(existing, checked.instrument) ? 'same' : 'changed';
      step.value = { kind: 'preview', name: file.name, instrument: checked.instrument, novelty };
    } catch (error) {
      // Reading the file failed: say so instead of "checking" for ever. Nothing was written.
      step.value = { kind: 'failed', reason: reasonOf(error) };
    }
  }

  async function install(makeCurrent: boolean): Promise<void> {
    const current = step.value;
    if (current.kind !== 'preview' || current.novelty !== 'new') return;
    try {
      await instruments.install(current.instrument, current.name, makeCurrent);
      step.value = { kind: 'installed', instrument: current.instrument, madeCurrent: makeCurrent };
    } catch (error) {
      step.value = { kind: 'failed', reason: reasonOf(error) };
    }
  }

  function reset(): void {
    step.value = { kind: 'idle' };
  }

  return { step, check, install, reset };
}
