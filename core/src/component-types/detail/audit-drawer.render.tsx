import { Button, Drawer, Empty, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Entity } from '@tessera/core';
import {
  fieldOrSystem,
  useRenderer,
  type AuditEntry,
  getFieldRenderer,
  formatDateTime,
  useT,
  ErrorState,
  LoadingState,
} from '@tessera/renderer/kit';

const COLORS = { create: 'green', update: 'blue', delete: 'red' } as const;

/** The record's audit log (who changed what, when) as a timeline, newest first, paged by cursor. */
export function AuditDrawer({ entity, recordId, open, onClose }: { entity: Entity; recordId: string; open: boolean; onClose(): void }) {
  const { t, label, locale } = useT();
  const { port } = useRenderer();
  const [items, setItems] = useState<AuditEntry[]>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();

  const load = (after?: string) =>
    port
      .audit(entity.id, recordId, { limit: 20, cursor: after })
      .then((page) => {
        setItems((prev) => [...(after ? (prev ?? []) : []), ...page.items]);
        setCursor(page.nextCursor);
      })
      .catch(setError);
  useEffect(() => {
    if (open) {
      setItems(undefined);
      setError(undefined);
      void load();
    }
  }, [open, recordId]); // eslint-disable-line react-hooks/exhaustive-deps

  const change = (c: AuditEntry['changes'][number]) => {
    const field = fieldOrSystem(entity, c.field);
    const { Display } = getFieldRenderer(field?.type ?? 'text');
    return (
      <div key={c.field} style={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'baseline' }}>
        <Typography.Text type="secondary">{label(field?.label, c.field)}:</Typography.Text>
        {field ? <Display field={field} value={c.from} compact /> : String(c.from ?? '')} →{' '}
        {field ? <Display field={field} value={c.to} compact /> : String(c.to ?? '')}
      </div>
    );
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('detail.audit')} size={420} destroyOnHidden>
      {error ? (
        <ErrorState error={error} onRetry={() => void load()} />
      ) : !items ? (
        <LoadingState />
      ) : !items.length ? (
        <Empty description={t('detail.noHistory')} />
      ) : (
        <>
          <Timeline
            items={items.map((e) => ({
              color: COLORS[e.action],
              content: (
                <div>
                  <Typography.Text strong>{e.user?.name ?? e.user?.email ?? t('detail.system')}</Typography.Text>{' '}
                  <Typography.Text>
                    {t(`detail.${e.action === 'create' ? 'created' : e.action === 'delete' ? 'deleted' : 'updated'}`)}
                  </Typography.Text>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(e.at, locale)}
                    </Typography.Text>
                  </div>
                  {e.action === 'update' && e.changes.map(change)}
                </div>
              ),
            }))}
          />
          {cursor && (
            <Button block onClick={() => void load(cursor)}>
              {t('table.loadMore')}
            </Button>
          )}
        </>
      )}
    </Drawer>
  );
}
