/**
 * Data binding of a component: the entity, a filter built with the query builder, sort keys and
 * a limit; or, for the types that can show one, a connector operation (connector-source.panel).
 * Other sources (workflows) are shown in the JSON view.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, InputNumber, Segmented, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStoredField } from '@tessera/core';
import { useBuilder } from '../store/builder.store';
import { connectionsOf } from '../store/commands/connection.commands';
import { labelText, type DraftComponent, type DraftSource } from '../store/draft.types';
import { CONNECTOR_KINDS } from '../connections/connector-source.hook';
import { ConnectorSourcePanel } from './connector-source.panel';
import { fromFilter, toFilter, type Group } from './filter-model';
import { QueryBuilder } from './query-builder';

export function SourcePanel({ component }: { component: DraftComponent }) {
  const { t, i18n } = useTranslation();
  const entities = useBuilder((s) => s.definition?.entities ?? []);
  const dispatch = useBuilder((s) => s.dispatch);
  const connections = useBuilder((s) => connectionsOf(s.definition));
  const source = component.source ?? { kind: 'entity', entity: '' };
  const entity = entities.find((e) => e.id === source.entity);
  // The group keeps half-built rules (no field yet) that the filter itself cannot hold; it is
  // rebuilt when the filter changes elsewhere (undo, JSON view), not on its own edits.
  const [group, setGroup] = useState<Group>(() => fromFilter(source.filter));
  const filterJson = JSON.stringify(source.filter ?? null);
  useEffect(() => {
    setGroup((g) => (JSON.stringify(toFilter(g) ?? null) === filterJson ? g : fromFilter(source.filter)));
  }, [component.id, source.entity, filterJson]); // eslint-disable-line react-hooks/exhaustive-deps

  const set = (patch: Partial<DraftSource>, coalesce?: string) => {
    const next: DraftSource = { ...source, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    dispatch(
      'setSource',
      { componentId: component.id, source: next },
      coalesce ? { coalesce: `${component.id}.source.${coalesce}` } : undefined,
    );
  };
  const kindSwitch = CONNECTOR_KINDS[component.type] && (source.kind === 'entity' || source.kind === 'connector') && (
    <Form.Item label={t('connections.sourceKind')}>
      <Segmented
        aria-label={t('connections.sourceKind')}
        value={source.kind}
        options={[
          { value: 'entity', label: t('connections.sourceEntity') },
          { value: 'connector', label: t('connections.sourceConnector') },
        ]}
        onChange={(kind) =>
          dispatch('setSource', {
            componentId: component.id,
            source:
              kind === 'entity'
                ? { kind: 'entity', entity: '' }
                : { kind: 'connector', connection: connections[0]?.id ?? '', operation: '' },
          })
        }
      />
    </Form.Item>
  );
  if (source.kind === 'connector')
    return (
      <Form layout="vertical" size="small" component="div" data-testid="source-panel">
        {kindSwitch}
        <ConnectorSourcePanel component={component} />
      </Form>
    );
  if (source.kind !== 'entity') return <Alert type="info" message={`${source.kind} source: edit it in the JSON view.`} />;
  const sortOptions = [...(entity?.fields ?? []).filter(isStoredField).map((f) => f.id), 'createdAt', 'updatedAt'].map((id) => ({
    value: id,
    label: id,
  }));

  return (
    <Form layout="vertical" size="small" component="div" data-testid="source-panel">
      {kindSwitch}
      <Form.Item label={t('source.entity')} required>
        <Select
          aria-label={t('source.entity')}
          value={source.entity || undefined}
          placeholder={t('source.entity')}
          options={entities.map((e) => ({ value: e.id, label: labelText(e.label, i18n.language, e.id) }))}
          onChange={(id) => dispatch('bindEntity', { componentId: component.id, entityId: id })}
        />
      </Form.Item>
      {entity && (
        <>
          <Form.Item label={t('source.filter')}>
            <QueryBuilder
              entity={entity}
              group={group}
              onChange={(g) => {
                setGroup(g);
                set({ filter: toFilter(g) }, 'filter');
              }}
            />
          </Form.Item>
          <Form.Item label={t('source.sort')}>
            <Space direction="vertical" style={{ width: '100%' }} size={4}>
              {(source.sort ?? []).map((key, i) => (
                <Space.Compact key={i} style={{ width: '100%' }}>
                  <Select
                    aria-label={t('source.sort')}
                    style={{ flex: 1 }}
                    value={key.field}
                    options={sortOptions}
                    onChange={(field) => set({ sort: source.sort!.map((k, j) => (j === i ? { ...k, field } : k)) })}
                  />
                  <Select
                    style={{ width: 120 }}
                    value={key.dir ?? 'asc'}
                    options={[
                      { value: 'asc', label: t('source.asc') },
                      { value: 'desc', label: t('source.desc') },
                    ]}
                    onChange={(dir) => set({ sort: source.sort!.map((k, j) => (j === i ? { ...k, dir } : k)) })}
                  />
                  <Button
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() =>
                      set({ sort: source.sort!.filter((_, j) => j !== i).length ? source.sort!.filter((_, j) => j !== i) : undefined })
                    }
                  />
                </Space.Compact>
              ))}
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => set({ sort: [...(source.sort ?? []), { field: sortOptions[0]?.value ?? 'createdAt', dir: 'asc' }] })}
              >
                {t('source.addSort')}
              </Button>
            </Space>
          </Form.Item>
          <Form.Item label={t('source.limit')}>
            <InputNumber
              min={1}
              max={1000}
              placeholder="50"
              value={source.limit}
              onChange={(v) => set({ limit: v ?? undefined }, 'limit')}
            />
          </Form.Item>
        </>
      )}
    </Form>
  );
}
