import { Card } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ChartProps, Label, MoneyField } from '@tessera/core';
import {
  findField,
  useRenderer,
  type AggregateResult,
  type Bucket,
  formatMoney,
  formatNumber,
  useT,
  type ComponentProps,
  EmptyState,
  ErrorState,
  LoadingState,
  ProblemState,
  useEntitySource,
  useLive,
} from '@tessera/renderer/kit';
import { toChartData } from './chart-data.render';
import { CHART_OPTIONS } from './chart-options.render';
import { loadECharts } from './echarts.load.render';

/** A chart of grouped records (aggregate API), drawn by ECharts loaded on demand. */
export function ChartComponent({ component }: ComponentProps<ChartProps & { bucket?: Bucket }>) {
  const { t, label, locale } = useT();
  const { port } = useRenderer();
  const props = component.props ?? ({} as ChartProps);
  const { entity, filter, ready, problem } = useEntitySource(component.source);
  const [result, setResult] = useState<AggregateResult>();
  const [error, setError] = useState<unknown>();
  const [reloads, setReloads] = useState(0);
  const el = useRef<HTMLDivElement>(null);
  const xField = findField(entity, props.x ?? '');
  // A date axis by day is unreadable on a dashboard: month unless the definition says otherwise.
  const bucket = props.bucket ?? (xField && ['date', 'datetime'].includes(xField.type) ? 'month' : undefined);
  const metric = props.metric ?? { op: 'count' as const };

  useEffect(() => {
    if (!entity || !ready || !props.x) return;
    let alive = true;
    const groupBy = [props.x, ...(props.y ? [props.y] : props.series ? [props.series] : [])];
    port
      .aggregate(entity.id, { filter, groupBy, metrics: [{ op: metric.op ?? 'count', field: metric.field, as: 'value' }], bucket })
      .then((r) => alive && setResult(r))
      .catch((e) => alive && setError(e));
    return () => {
      alive = false;
    };
  }, [entity, ready, JSON.stringify([filter, props.x, props.y, props.series, metric, bucket]), reloads]); // eslint-disable-line react-hooks/exhaustive-deps
  useLive(entity?.id, () => setReloads((n) => n + 1));

  const moneyField = metric.field ? findField(entity, metric.field) : undefined;
  const fmt = (v: number) =>
    moneyField?.type === 'money'
      ? formatMoney(v, (moneyField as MoneyField).currency, locale, true)
      : formatNumber(v, locale, { notation: 'compact' });
  const empty = result && result.rows.length === 0;

  useEffect(() => {
    if (!result || empty || !el.current || !entity) return;
    let chart: { setOption(o: unknown): void; resize(): void; dispose(): void } | undefined;
    let observer: ResizeObserver | undefined;
    let alive = true;
    void loadECharts().then((echarts) => {
      if (!alive || !el.current) return;
      chart = echarts.init(el.current, undefined, { renderer: 'canvas' });
      const data = toChartData(result.rows, entity, props.x, locale, { y: props.y, series: props.series, bucket });
      chart.setOption((CHART_OPTIONS[props.chartType] ?? CHART_OPTIONS.bar)(data, fmt));
      observer = new ResizeObserver(() => chart?.resize());
      observer.observe(el.current);
    });
    return () => {
      alive = false;
      observer?.disconnect();
      chart?.dispose();
    };
  }, [result, locale, props.chartType]); // eslint-disable-line react-hooks/exhaustive-deps

  if (problem || !entity) return <ProblemState problem={problem ?? { key: 'app.noSource' }} />;
  const height = props.height ?? 300;
  return (
    <Card size="small" title={props.title ? label(props.title as Label) : undefined} styles={{ body: { padding: 12 } }}>
      {error ? (
        <ErrorState
          error={error}
          onRetry={() => {
            setError(undefined);
            setReloads((n) => n + 1);
          }}
        />
      ) : !result ? (
        <div style={{ height }}>
          <LoadingState rows={5} />
        </div>
      ) : empty ? (
        <div style={{ height, display: 'grid', placeItems: 'center' }}>
          <EmptyState description={t('component.chart.noData')} />
        </div>
      ) : (
        <div
          ref={el}
          style={{ height, width: '100%' }}
          role="img"
          aria-label={props.title ? label(props.title as Label) : props.chartType}
        />
      )}
    </Card>
  );
}
