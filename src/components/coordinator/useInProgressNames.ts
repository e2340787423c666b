import type { CentreRow } from '@/domain/exchange/centres';
import { useI18n } from '@/i18n';

/**
 * The rows as charts name them: a centre whose round of the period is still in progress (counted
 * only when the coordinator chose so) is "Fittja (pågår)" in the legend, the summary and the data,
 * so that a round not yet finished never passes for handed-in work.
 */
export function useInProgressNames(): (rows: readonly CentreRow[]) => CentreRow[] {
  const { t } = useI18n();
  return (rows) => rows.map((row) => (row.round?.inProgress ? { ...row, name: t('coordinator.charts.inProgressSeries', { name: row.name }) } : row));
}
