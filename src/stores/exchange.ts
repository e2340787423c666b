import { acceptHMRUpdate, defineStore } from 'pinia';
import { toValue, type MaybeRefOrGetter } from 'vue';
import { exchangeRepository } from '@/db/exchange';
import { settingRepository } from '@/db/settings';
import { useLiveQuery } from '@/composables/useLiveQuery';
import { answersCsv, summaryCsv, type CsvLabels } from '@/domain/exchange/csv';
import { forCoordinator } from '@/domain/exchange/coordinator';
import { buildExport, exportFileName, MAX_IMPORT_BYTES, type ExportFile } from '@/domain/exchange/format';
import type { ImportPlan } from '@/domain/exchange/merge';
import type { ImportParseResult } from '@/domain/exchange/schema';
import { nowIso } from '@/domain/ids';
import { lastExportKey } from '@/domain/settingKeys';
import { instrumentKey } from '@/domain/instruments';
import type { Locale } from '@/domain/types';
import { useInstrumentStore } from './instrument';
import { useSaveStatusStore } from './saveStatus';

export { lastExportKey };

export interface ExportedText {
  fileName: string;
  content: string;
  type: string;
}

/**
 * The words a CSV file is written in (headers, answer words, the file name's suffix) and its
 * language: given by the view, in the language shown, since the store speaks in keys, not sentences.
 */
export interface CsvWords {
  readonly locale: Locale;
  readonly labels: CsvLabels;
  readonly suffix: string;
}

/** Export, CSV and import of a centre's data; the files themselves are saved by the view. */
export const useExchangeStore = defineStore('exchange', () => {
  async function buildFile(centreId: string, roundIds?: readonly string[]): Promise<ExportFile | undefined> {
    const source = await exchangeRepository.exportSource(centreId);
    return source ? buildExport(source, __APP_VERSION__, nowIso(), roundIds) : undefined;
  }

  /** The JSON export; remembers when this centre was last exported, for the backup reminder. */
  async function exportJson(centreId: string, roundIds?: readonly string[]): Promise<ExportedText | undefined> {
    const file = await buildFile(centreId, roundIds);
    if (!file) return undefined;
    // Only a whole-centre export counts as a backup for the reminder.
    if (roundIds === undefined) await useSaveStatusStore().track(() => settingRepository.setSetting(lastExportKey(centreId), file.exportedAt));
    return { fileName: exportFileName(file), content: `${JSON.stringify(file, null, 2)}\n`, type: 'application/json' };
  }

  /** The file "Till samordnaren": roles, not names; the spread of the ratings, not each one. Not a backup. */
  async function exportForCoordinator(centreId: string, suffix: string): Promise<ExportedText | undefined> {
    const built = await buildFile(centreId);
    if (!built) return undefined;
    const file = forCoordinator(built);
    return { fileName: exportFileName(file, 'json', suffix), content: `${JSON.stringify(file, null, 2)}\n`, type: 'application/json' };
  }

  async function exportCsv(centreId: string, kind: 'answers' | 'summary', words: CsvWords): Promise<ExportedText | undefined> {
    const instruments = useInstrumentStore();
    const [file] = await Promise.all([buildFile(centreId), instruments.load()]);
    if (!file) return undefined;
    const { locale, labels, suffix } = words;
    const content = kind === 'answers' ? answersCsv(file, instruments.all, locale, labels) : summaryCsv(file, instruments.all, locale, labels);
    return { fileName: exportFileName(file, 'csv', suffix.toLowerCase()), content, type: 'text/csv;charset=utf-8' };
  }

  /** Validates a picked file; the validator (and valibot) is loaded only now. */
  async function validate(file: File): Promise<ImportParseResult> {
    const instruments = useInstrumentStore();
    const [{ parseExportBytes }] = await Promise.all([import('@/domain/exchange/schema'), instruments.load()]);
    // Measured before reading, so a 50 MB file is refused without being read into memory.
    if (file.size > MAX_IMPORT_BYTES) {
      return parseExportBytes(new Uint8Array(), instruments.all, file.size);
    }
    // Bytes, not file.text(): that would turn a Latin-1 "ö" into U+FFFD without a word.
    return parseExportBytes(new Uint8Array(await file.arrayBuffer()), instruments.all, file.size);
  }

  /** Every shipped instrument version is known without being stored; the plan must not install one. */
  function builtIn(): string[] {
    return useInstrumentStore().builtIn.map(instrumentKey);
  }

  function preview(file: ExportFile): Promise<ImportPlan> {
    return exchangeRepository.previewImport(file, builtIn());
  }

  async function apply(file: ExportFile): Promise<ImportPlan> {
    // A file that collides with another centre writes nothing: checked first, so that the header does
    // not report a save for it. The transaction checks again, in case a record arrived since.
    const plan = await exchangeRepository.previewImport(file, builtIn());
    if (plan.collisions.length > 0) return plan;
    return useSaveStatusStore().track(() => exchangeRepository.importFile(file, builtIn()), { wrote: (result) => result.collisions.length === 0 });
  }

  /** When the centre was last exported in full, live, for the caller's scope (the export panel). */
  function watchLastExport(centreId: MaybeRefOrGetter<string>) {
    return useLiveQuery((id) => settingRepository.getSetting(lastExportKey(id)), () => toValue(centreId));
  }

  return { exportJson, exportForCoordinator, exportCsv, validate, preview, apply, watchLastExport };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useExchangeStore, import.meta.hot));
