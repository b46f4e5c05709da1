import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex } from 'antd';
import { useState } from 'react';
import type { DetailProps, Label } from '@tessera/core';
import {
  displayOf,
  editPageOf,
  fieldOrSystem,
  pageOfComponent,
  usePermissions,
  useRenderer,
  getFieldRenderer,
  useT,
  type ComponentProps,
  Section,
  ErrorState,
  LoadingState,
  ProblemState,
  useEntitySource,
} from '@tessera/renderer/kit';
import { AuditDrawer } from './audit-drawer.render';
import { useRecord } from './use-record.render';
import { ConnectorDetail } from './connector-detail.render';

/**
 * The fields of the page's record as a description list. The first detail of an entity on a
 * page also carries the record's actions (edit, audit log), so a page of several detail cards
 * shows them once.
 */
export function DetailComponent({ component }: ComponentProps<DetailProps>) {
  if ((component.source as { kind?: string } | undefined)?.kind === 'connector') return <ConnectorDetail component={component} />;
  return <RecordDetail component={component} />;
}

function RecordDetail({ component }: ComponentProps<DetailProps>) {
  const { t, label } = useT();
  const { definition, navigate, mode } = useRenderer();
  const props = component.props ?? ({} as DetailProps);
  const { entity, ready, problem } = useEntitySource(component.source);
  const perms = usePermissions(entity?.id);
  const { record, error, loading, reload } = useRecord(entity, ready);
  const [auditOpen, setAuditOpen] = useState(false);

  if (problem || !entity) return <ProblemState problem={problem ?? { key: 'app.noSource' }} />;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading) return <LoadingState rows={3} />;
  if (!record) return <ErrorState error={{ status: 404 }} />;

  const page = pageOfComponent(definition, component.id);
  const first =
    page?.all.find((c) => c.type === 'detail' && (c.source as { entity?: string })?.entity === entity.id)?.id === component.id || !page;
  const edit = perms.update ? editPageOf(definition, entity.id) : undefined;
  const actions = first && (
    <Flex gap={8}>
      {edit && edit.id !== page?.page.id && (
        <Button icon={<EditOutlined />} onClick={() => mode === 'live' && navigate(edit.id, { id: record.id })}>
          {t('detail.edit')}
        </Button>
      )}
      <Button icon={<HistoryOutlined />} onClick={() => setAuditOpen(true)}>
        {t('detail.history')}
      </Button>
    </Flex>
  );
  const title = props.title ? label(props.title as Label) : first ? displayOf(entity, record) : undefined;
  const items = (props.fields ?? [])
    .filter((f) => !perms.hidden.includes(f.field))
    .map((f) => {
      const field = fieldOrSystem(entity, f.field);
      const { Display } = getFieldRenderer(field?.type ?? 'text');
      return {
        key: f.field,
        label: label(f.label ?? field?.label, f.field),
        children: field ? <Display field={field} value={record[f.field]} record={record} /> : String(record[f.field] ?? ''),
      };
    });

  return (
    <Section title={title} extra={actions}>
      <Descriptions
        items={items}
        column={{ xs: 1, sm: Math.min(props.columns ?? 2, 2), md: props.columns ?? 2 }}
        size="middle"
        styles={{ label: { width: 160 } }}
      />
      {first && <AuditDrawer entity={entity} recordId={record.id} open={auditOpen} onClose={() => setAuditOpen(false)} />}
    </Section>
  );
}
