/**
 * ECharts is the biggest dependency and only dashboards need it: loaded on first use, as a
 * separate chunk (see echarts.setup.render.tsx for what is in it).
 */
export type ECharts = (typeof import('./echarts.setup.render.js'))['echarts'];
let loading: Promise<ECharts> | undefined;

export const loadECharts = (): Promise<ECharts> => (loading ??= import('./echarts.setup.render.js').then((m) => m.echarts));
