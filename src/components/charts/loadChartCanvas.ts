/** The chart component and Chart.js with it: one chunk, fetched once whoever asks first. */
export const loadChartCanvas = () => import('./ChartCanvas.vue');

/**
 * Fetches the chart chunk when the browser is idle, so that the first chart view draws without a
 * fetch and the page that links to it is not slowed while it starts.
 */
export function prefetchChartsWhenIdle(): void {
  const start = () => void loadChartCanvas().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 5000 });
  else setTimeout(start, 1000);
}
