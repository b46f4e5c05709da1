/**
 * The selected component's panel: id, errors, its props form generated from the component
 * type's JSON Schema (refs from the descriptor give field/page pickers) and its data binding.
 * Nothing here is specific to one component type.
 */
import { DeleteOutlined, FunctionOutlined } from '@ant-design/icons';
import { componentTypes, standaloneSchema } from '@tessera/core';
import { Alert, Button, Popconfirm, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useConnectorSource } from '../connections/connector-source.hook';
import { recordFieldOptions } from '../connections/connector-output';
import { useTranslation } from 'react-i18next';
import { useOpenExpression } from '../expressions/expression-host';
import { RenameInput } from '../forms/rename.input';
import { SchemaForm } from '../forms/schema-form';
import { resolve } from '../forms/schema-utils';
import { useAppFormContext } from '../shared/app-form-context';
import { typeTitle } from '../i18n/type-texts';
import { TypeIcon } from '../shared/icon';
import { useBuilder } from '../store/builder.store';
import { allComponentIds } from '../store/component-tree';
import type { DraftComponent } from '../store/draft.types';
import { ComputedColumnModal } from './computed-column.modal';
import { SourcePanel } from './source.panel';

export function PropertyPanel({ component }: { component: DraftComponent }) {
  const { t } = useTranslation();
  const dispatch = useBuilder((s) => s.dispatch);
  const issues = useBuilder((s) => s.issues.byComponent.get(component.id));
  const descriptor = componentTypes.get(component.type);
  const schema = useMemo(() => (descriptor ? standaloneSchema(descriptor.schema) : undefined), [descriptor]);
  const entityId = component.source?.entity;
  const appCtx = useAppFormContext(descriptor?.refs, entityId);
  // A connector source: field references (table columns…) offer the operation output's record properties.
  const { operation } = useConnectorSource(component.source);
  const ctx = useMemo(() => {
    if (component.source?.kind !== 'connector') return appCtx;
    const fields = recordFieldOptions(operation?.output);
    return { ...appCtx, options: (kind: string) => (kind.split(':')[0] === 'field' ? fields : (appCtx.options?.(kind) ?? [])) };
  }, [appCtx, component.source?.kind, operation]);
  const openExpression = useOpenExpression();
  const entity = useBuilder((s) => s.definition?.entities.find((e) => e.id === entityId));
  // Joined to a string so that edits elsewhere in the draft do not re-render this panel.
  const componentIds = useBuilder((s) => (s.definition ? [...allComponentIds(s.definition)].join(' ') : ''));
  // A computed column: the expression first (Monaco, with completion), then its name.
  const [computed, setComputed] = useState<{ listKey: string; expression: string | null }>({ listKey: '', expression: null });
  const writeExpression = (listKey: string, value?: string) =>
    openExpression?.({
      value: value ? { $expr: value } : undefined,
      entityId,
      onChange: (v) => setComputed({ listKey, expression: v.$expr }),
    });
  if (!descriptor || !schema) return <Alert type="error" message={`Unknown component type "${component.type}"`} />;

  // Array props whose items carry a `field` reference (table columns…) can get a computed column.
  const fieldLists = Object.entries(schema.properties ?? {}).filter(
    ([key, s]) =>
      resolve(s, schema).items?.properties?.field && descriptor.refs.some((r) => r.path === `${key}.*.field` && r.kind === 'field'),
  );
  const props = (
    <>
      <SchemaForm
        schema={schema}
        value={component.props ?? {}}
        context={ctx}
        onChange={(value, path) =>
          dispatch(
            'setProps',
            { componentId: component.id, props: value as Record<string, unknown> },
            { coalesce: `${component.id}.props.${path.join('.')}` },
          )
        }
      />
      {entityId &&
        openExpression &&
        fieldLists.map(([key]) => (
          <Button key={key} block icon={<FunctionOutlined />} onClick={() => writeExpression(key)}>
            {t('source.computedColumn')}
          </Button>
        ))}
      <ComputedColumnModal
        expression={computed.expression}
        entity={entity}
        onEdit={() => writeExpression(computed.listKey, computed.expression ?? undefined)}
        onCancel={() => setComputed({ listKey: '', expression: null })}
        onAdd={({ label, resultType }) => {
          dispatch('addComputedColumn', {
            componentId: component.id,
            listKey: computed.listKey,
            expression: computed.expression!,
            label,
            resultType,
          });
          setComputed({ listKey: '', expression: null });
        }}
      />
    </>
  );

  return (
    <div data-testid="property-panel">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Space>
          <TypeIcon name={descriptor.icon} />
          <Typography.Text strong>{typeTitle(t, 'component', descriptor)}</Typography.Text>
        </Space>
        <Popconfirm
          title={t('data.confirmDelete', { name: component.id })}
          onConfirm={() => dispatch('removeComponent', { componentId: component.id })}
        >
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('pages.deleteComponent')} />
        </Popconfirm>
      </Space>
      <RenameInput
        label={t('pages.componentId')}
        value={component.id}
        taken={componentIds.split(' ')}
        onRename={(id) => dispatch('renameComponent', { componentId: component.id, id })}
      />
      {issues?.map((i) => (
        <Alert
          key={i.pointer + i.message}
          type="error"
          showIcon
          message={i.message}
          description={<code>{i.pointer}</code>}
          style={{ marginBottom: 8 }}
        />
      ))}
      {descriptor.source === 'none' ? (
        props
      ) : (
        <Tabs
          size="small"
          items={[
            { key: 'data', label: t('pages.data'), children: <SourcePanel component={component} /> },
            { key: 'props', label: t('pages.properties'), children: props },
          ]}
        />
      )}
    </div>
  );
}
