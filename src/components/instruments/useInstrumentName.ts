import { DEFAULT_INSTRUMENT_ID } from '@/instrument';
import type { LocalizedText } from '@/domain/types';
import { useI18n } from '@/i18n';

/**
 * An instrument named as what it is: the built-in one is our proposal from seed 002's five goals, never
 * "the national instrument"; a network's own is named by its title and version alone.
 */
export function useInstrumentName() {
  const { t, text } = useI18n();
  return (instrument: { readonly id: string; readonly title: LocalizedText; readonly version: string }, version = instrument.version): string =>
    instrument.id === DEFAULT_INSTRUMENT_ID
      ? t('path.builtInShort', { title: text(instrument.title), version })
      : t('report.instrumentValue', { title: text(instrument.title), version });
}
