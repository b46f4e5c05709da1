/**
 * A component's data from a connector operation: the connection, then one of its operations of
 * a kind the component can show (a table a list operation, a detail a get operation), then the
 * operation's inputs, each a literal or an expression — a form generated from its input schema.
 */
import type { JsonSchema } from '@tessera/core';
import { Alert, Form, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CONNECTOR_KINDS, useConnectorSource } from '../connections/connector-source.hook';
import { operationRows } from '../connections/operation-groups';
import { SchemaForm } from '../forms/schema-form';
import { useAppFormContext } from '../shared/app-form-context';
import { useBuilder } from '../store/builder.store';
import { connectionsOf } from '../store/commands/connection.commands';
import { labelText, type DraftComponent, type DraftSource } from '../store/draft.types';

const NO_KINDS: string[] = [];
const EXPRESSION: JsonSchema = { type: 'object', properties: { $expr: { type: 'string' } }, required: ['$expr'] };

/** Each input property becomes "its own schema, or ƒx": the generated form then offers both. */
export function bindableInput(input: unknown): JsonSchema | undefined {
  const s = input && typeof input === 'object' ? (input as JsonSchema) : undefined;
  const props = Object.entries(s?.properties ?? {});
  if (!props.length) return undefined;
  return {
    type: 'object',
    properties: Object.fromEntries(
      props.map(([key, p]) => [
        key,
        { ...(p.description ? { description: p.description } : {}), anyOf: [p, { $ref: '#/$defs/Expression' }] },
      ]),
    ),
    ...(s?.required ? { required: s.required } : {}),
    $defs: { ...(s?.$defs ?? {}), Expression: EXPRESSION },
  };
}

export function ConnectorSourcePanel({ component }: { component: DraftComponent }) {
  const { t, i18n } = useTranslation();
  const dispatch = useBuilder((s) => s.dispatch);
  const connections = useBuilder((s) => connectionsOf(s.definition));
  const source = component.source as DraftSource;
  const { manifest, operation } = useConnectorSource(source);
  const kinds = CONNECTOR_KINDS[component.type] ?? NO_KINDS;
  const ctx = useAppFormContext();
  const inputSchema = useMemo(() => bindableInput(operation?.input), [operation]);
  const operations = useMemo(() => (manifest ? operationRows(manifest, '', kinds) : []), [manifest, kinds]);
  const set = (next: DraftSource, coalesce?: string) =>
    dispatch(
      'setSource',
      { componentId: component.id, source: next },
      coalesce ? { coalesce: `${component.id}.source.${coalesce}` } : undefined,
    );

  if (!connections.length) return <Alert type="info" showIcon message={t('connections.noConnections')} />;
  return (
    <div data-testid="connector-source">
      <Form.Item label={t('connections.connection')} required>
        <Select
          aria-label={t('connections.connection')}
          value={(source.connection as string) || undefined}
          placeholder={t('connections.connection')}
          options={connections.map((c) => ({ value: c.id, label: `${labelText(c.label, i18n.language, c.id)} (${c.connector})` }))}
          onChange={(connection: string) => set({ kind: 'connector', connection, operation: '' })}
        />
      </Form.Item>
      {manifest === null && <Alert type="error" showIcon message={t('connections.notInstalled', { ref: '' })} />}
      {manifest && (
        <Form.Item label={t('connections.operationFor', { kinds: kinds.join(', ') })} required>
          <Select
            aria-label={t('connections.operation')}
            showSearch
            optionFilterProp="label"
            value={(source.operation as string) || undefined}
            placeholder={t('connections.operation')}
            options={operations.map(({ op, group }) => ({ value: op.id, label: `${group ? `${group} · ` : ''}${op.title} (${op.id})` }))}
            onChange={(op: string) => set({ kind: 'connector', connection: source.connection, operation: op })}
          />
        </Form.Item>
      )}
      {operation && inputSchema && (
        <>
          <Typography.Text strong>{t('connections.inputs')}</Typography.Text>
          <div data-testid="connector-inputs">
            <SchemaForm
              schema={inputSchema}
              value={source.input ?? {}}
              context={ctx}
              onChange={(value, path) => {
                const input = value as Record<string, unknown> | undefined;
                const { input: _old, ...rest } = source;
                set(
                  input && Object.keys(input).length ? { ...rest, kind: 'connector', input } : { ...rest, kind: 'connector' },
                  `input.${path.join('.')}`,
                );
              }}
            />
          </div>
        </>
      )}
    </div>
  );
}
