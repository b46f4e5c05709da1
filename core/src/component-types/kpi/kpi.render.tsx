import { Card, Progress, Skeleton, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { KpiProps, Label } from '@tessera/core';
import {
  useRenderer,
  formatMoney,
  formatNumber,
  useT,
  type ComponentProps,
  ErrorState,
  ProblemState,
  useEntitySource,
  useLive,
} from '@tessera/renderer/kit';

/** One number from the aggregate API, formatted as number, money or percent, with optional target progress. */
export function KpiComponent({ component }: ComponentProps<KpiProps>) {
  const { t, label, locale } = useT();
  const { port } = useRenderer();
  const props = component.props ?? ({} as KpiProps);
  const { entity, filter, ready, problem } = useEntitySource(component.source);
  const [value, setValue] = useState<number | null>();
  const [error, setError] = useState<unknown>();
  const [reloads, setReloads] = useState(0);
  const metric = props.metric ?? { op: 'count' as const };

  useEffect(() => {
    if (!entity || !ready) return;
    let alive = true;
    port
      .aggregate(entity.id, { filter, metrics: [{ op: metric.op ?? 'count', field: metric.field, as: 'value' }] })
      .then((r) => alive && setValue((r.rows[0]?.value as number | null) ?? (metric.op === 'count' || metric.op === 'sum' ? 0 : null)))
      .catch((e) => alive && setError(e));
    return () => {
      alive = false;
    };
  }, [entity, ready, JSON.stringify([filter, metric]), reloads]); // eslint-disable-line react-hooks/exhaustive-deps
  useLive(entity?.id, () => setReloads((n) => n + 1));

  if (problem || !entity) return <ProblemState problem={problem ?? { key: 'app.noSource' }} />;
  const format = (v: number) =>
    props.format === 'money'
      ? formatMoney(v, props.currency, locale)
      : props.format === 'percent'
        ? formatNumber(v / 100, locale, { style: 'percent', maximumFractionDigits: 1 })
        : formatNumber(v, locale);
  const title = label(props.title as Label, component.id);
  return (
    <Card size="small" style={{ height: '100%' }}>
      {error ? (
        <ErrorState error={error} />
      ) : (
        <>
          <Statistic
            title={
              <Typography.Text type="secondary" ellipsis={{ tooltip: title }}>
                {title}
              </Typography.Text>
            }
            loading={value === undefined}
            value={value ?? undefined}
            formatter={(v) => (value === null ? '—' : format(Number(v)))}
          />
          {props.target ? (
            value === undefined ? (
              <Skeleton.Input active size="small" block />
            ) : (
              <>
                <Progress percent={Math.round(((value ?? 0) / props.target) * 100)} size="small" showInfo={false} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('component.kpi.ofTarget', { percent: Math.round(((value ?? 0) / props.target) * 100), target: format(props.target) })}
                </Typography.Text>
              </>
            )
          ) : null}
        </>
      )}
    </Card>
  );
}
