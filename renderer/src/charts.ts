/** `@tessera/renderer/charts`: ECharts, loaded on demand (the builder preloads it for drafts with charts). */
export { loadECharts, type ECharts } from '@tessera/core/component-types/chart/echarts.load.render';
