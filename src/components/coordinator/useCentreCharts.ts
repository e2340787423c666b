import { ref, type Ref } from 'vue';
import { useChartCommon } from '@/components/charts/useChartCommon';
import type { Instrument } from '@/domain/types';

/** At most this many centres are drawn at once: more series than this cannot be told apart. */
export const MAX_CHART_CENTRES = 8;

/** The settings every coordinator chart shares, in the current language. */
export function useCentreCharts(instrument: Ref<Instrument | undefined>) {
  return useChartCommon(instrument, ref(false));
}
