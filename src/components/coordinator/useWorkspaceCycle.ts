import { computed, ref, type Ref } from 'vue';
import { DEFAULT_DEADLINES, type Deadline } from '@/domain/cycle/deadlines';
import type { ExportFile } from '@/domain/exchange/format';
import { centreCycles, cycleYears, deadlineTable, defaultCycleYear } from '@/domain/exchange/handInsAcross';
import type { Instrument } from '@/domain/types';

/**
 * The cycle across the workspace's files: each centre's hand-ins and changed rounds, the years to
 * choose from and the centres × deadlines table of the chosen year on today. `chosenYear` is the
 * coordinator's pick (the page keeps it in the URL); unset or unknown, the default year is shown.
 */
export function useWorkspaceCycle(
  files: Ref<ReadonlyMap<string, ExportFile>>,
  instruments: Ref<readonly Instrument[]>,
  chosenYear: Ref<number | undefined>,
  deadlines: readonly Deadline[] = DEFAULT_DEADLINES,
) {
  /** Today as a moment; set once per page, like the centre's cycle panel. */
  const today = ref(new Date().toISOString());
  const cycles = computed(() => centreCycles([...files.value.values()], instruments.value));
  const years = computed(() => cycleYears(cycles.value, today.value));
  const year = computed(() => {
    const chosen = chosenYear.value;
    return chosen !== undefined && years.value.includes(chosen) ? chosen : defaultCycleYear(cycles.value, today.value);
  });
  const table = computed(() => deadlineTable(cycles.value, year.value, today.value, deadlines));
  return { today, cycles, years, year, table };
}
