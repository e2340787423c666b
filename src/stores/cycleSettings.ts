import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed } from 'vue';
import { useLiveQuery } from '@/composables/useLiveQuery';
import { settingRepository } from '@/db/settings';
import { checkDeadlines, DEFAULT_DEADLINES, type Deadline } from '@/domain/cycle/deadlines';
import { DEADLINES_SETTING, ownDeadlines as parseDeadlines, ownTemplate as parseTemplate, TEMPLATE_SETTING } from '@/domain/cycle/settings';
import { DEFAULT_CHECK_IN_TEMPLATE, type CheckInTemplate } from '@/domain/cycle/template';
import { useSaveStatusStore } from './saveStatus';

/** Settings keys: the network's own deadlines and check-in template, as JSON; '' is the default. */
export const DEADLINES_KEY = DEADLINES_SETTING;
export const TEMPLATE_KEY = TEMPLATE_SETTING;

/**
 * The cycle's dates and the written check-in's template as data a network can change, kept on the
 * device in the settings table (live, so another tab's change shows here too). Only values that
 * pass the domain's schemas are stored, and a stored value is checked again when read.
 */
export const useCycleSettingsStore = defineStore('cycleSettings', () => {
  const stored = useLiveQuery(async () => Promise.all([settingRepository.getSetting(DEADLINES_KEY), settingRepository.getSetting(TEMPLATE_KEY)]));

  const ownDeadlines = computed(() => parseDeadlines(stored.data.value?.[0]));
  const ownTemplate = computed(() => parseTemplate(stored.data.value?.[1]));

  const loaded = computed(() => !stored.loading.value);
  const deadlines = computed<readonly Deadline[]>(() => ownDeadlines.value ?? DEFAULT_DEADLINES);
  const template = computed<CheckInTemplate>(() => ownTemplate.value ?? DEFAULT_CHECK_IN_TEMPLATE);
  const customDeadlines = computed(() => ownDeadlines.value !== undefined);
  const customTemplate = computed(() => ownTemplate.value !== undefined);

  const save = (key: string, value: string) => useSaveStatusStore().track(() => settingRepository.setSetting(key, value));

  /** Stores the deadlines when they pass the schema; returns the paths of the problems otherwise. */
  async function setDeadlines(next: readonly Deadline[]): Promise<string[]> {
    const result = checkDeadlines(next);
    if (!result.ok) return result.paths;
    await save(DEADLINES_KEY, JSON.stringify(result.deadlines));
    return [];
  }

  const resetDeadlines = () => save(DEADLINES_KEY, '');

  async function setTemplate(next: CheckInTemplate): Promise<void> {
    await save(TEMPLATE_KEY, JSON.stringify(next));
  }

  const resetTemplate = () => save(TEMPLATE_KEY, '');

  return { loaded, deadlines, template, customDeadlines, customTemplate, setDeadlines, resetDeadlines, setTemplate, resetTemplate };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCycleSettingsStore, import.meta.hot));
