import {
  liveRecord,
  fieldOrSystem,
  useRenderer,
  type RecordData,
  getFieldRenderer,
  useT,
  type ComponentProps,
  EmptyState,
  ErrorState,
  LoadingState,
  ProblemState,
  useEntitySource,
  useLive,
} from '@tessera/renderer/kit';
import { RightOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { matchesEntityFilter, type Label, type ListProps } from '@tessera/core';
import type { Filter as StoreFilter } from '@tessera/core/store';

/** A compact list (timelines, to-dos): title and subtitle per record, "load more" paging, live. */
export function ListComponent({ component }: ComponentProps<ListProps>) {
  const { t, label } = useT();
  const { port, navigate, mode } = useRenderer();
  const props = component.props ?? ({} as ListProps);
  const { entity, source, filter, ready, problem } = useEntitySource(component.source);
  const [items, setItems] = useState<RecordData[]>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [reloads, setReloads] = useState(0);
  const sort = source?.sort?.map((s) => ({ field: s.field, dir: s.dir ?? 'asc' }));

  const load = (after?: string) => {
    if (!entity) return Promise.resolve();
    return port
      .list(entity.id, { filter, sort, limit: props.pageSize ?? 25, cursor: after })
      .then((page) => {
        setItems((prev) => [...(after ? (prev ?? []) : []), ...page.items]);
        setCursor(page.nextCursor);
      })
      .catch(setError);
  };
  useEffect(() => {
    if (!ready || !entity) return;
    setItems(undefined);
    setError(undefined);
    void load();
  }, [ready, entity, JSON.stringify(filter), reloads]); // eslint-disable-line react-hooks/exhaustive-deps

  useLive(entity?.id, (e) => {
    if (e.kind === 'reset') return setReloads((n) => n + 1);
    if (e.kind !== 'change') return;
    setItems((prev) => {
      if (!prev) return prev;
      if (e.type === 'deleted') return prev.filter((r) => r.id !== e.id);
      if (!e.record) return prev;
      const inList = matchesEntityFilter(entity!, e.record, filter as StoreFilter | undefined);
      if (prev.some((r) => r.id === e.id))
        return inList ? prev.map((r) => (r.id === e.id ? liveRecord(r, e) : r)) : prev.filter((r) => r.id !== e.id);
      return inList ? [e.record, ...prev] : prev;
    });
  });

  if (problem || !entity) return <ProblemState problem={problem ?? { key: 'app.noSource' }} />;
  const titleField = fieldOrSystem(entity, props.titleField);
  const subtitleField = props.subtitleField ? fieldOrSystem(entity, props.subtitleField) : undefined;
  const TitleDisplay = getFieldRenderer(titleField?.type ?? 'text').Display;
  const SubDisplay = getFieldRenderer(subtitleField?.type ?? 'text').Display;

  const body = error ? (
    <ErrorState error={error} onRetry={() => setReloads((n) => n + 1)} />
  ) : !items ? (
    <LoadingState rows={3} />
  ) : !items.length ? (
    <EmptyState />
  ) : (
    <div role="list">
      {items.map((r) => (
        <Flex
          key={r.id}
          role="listitem"
          align="center"
          gap={8}
          className="tessera-list-item"
          onClick={props.itemLink && mode === 'live' ? () => navigate(props.itemLink!, { id: r.id }) : undefined}
          style={{ padding: '10px 4px', borderBottom: '1px solid rgba(5,5,5,0.06)', cursor: props.itemLink ? 'pointer' : undefined }}
        >
          <div style={{ flex: 1, minWidth: 0 }}>
            <div>
              {titleField ? (
                <TitleDisplay field={titleField} value={r[props.titleField]} record={r} compact />
              ) : (
                String(r[props.titleField] ?? '')
              )}
            </div>
            {subtitleField && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <SubDisplay field={subtitleField} value={r[props.subtitleField!]} record={r} compact />
              </Typography.Text>
            )}
          </div>
          {props.itemLink && <RightOutlined style={{ color: '#bfbfbf' }} />}
        </Flex>
      ))}
      {cursor && (
        <Button
          block
          type="text"
          loading={loadingMore}
          style={{ marginTop: 8 }}
          onClick={() => {
            setLoadingMore(true);
            void load(cursor).finally(() => setLoadingMore(false));
          }}
        >
          {t('table.loadMore')}
        </Button>
      )}
    </div>
  );
  return (
    <Card size="small" title={props.title ? label(props.title as Label) : undefined}>
      {body}
    </Card>
  );
}
