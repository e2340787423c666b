/** The chart component and Chart.js with it: one chunk, fetched once whoever asks first. */
export const loadChartCanvas = () => import('./ChartCanvas.vue');
