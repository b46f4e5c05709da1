/**
 * "Add connection": pick a connector from the catalogue (built-ins and installed) or import an
 * OpenAPI document (the imported connector is then picked), then the connection's id, label and
 * version range (default `^<version>`).
 */
import { Alert, Form, Input, List, Modal, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../store/builder.store';
import { connectionsOf } from '../store/commands/connection.commands';
import { idProblem, uniqueId } from '../store/ids';
import { useCatalogue } from './connector-catalogue.store';
import type { ConnectorItem } from './connectors.api';
import { ImportOpenApiForm } from './import-openapi.form';
import { compareVersions } from './version-range';

const RANGE = /^[0-9A-Za-z^~<>=*|.+ -]{1,64}$/;

export function AddConnectionModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const items = useCatalogue((s) => s.items);
  const dispatch = useBuilder((s) => s.dispatch);
  const select = useBuilder((s) => s.select);
  const connections = useBuilder((s) => connectionsOf(s.definition));
  const taken = connections.map((c) => c.id);
  const [picked, setPicked] = useState<ConnectorItem | null>(null);
  const [id, setId] = useState('');
  const [label, setLabel] = useState('');
  const [range, setRange] = useState('');
  const [tab, setTab] = useState('catalogue');
  useEffect(() => {
    // Fresh when opened: another builder may have installed or imported a connector meanwhile.
    if (open)
      void useCatalogue
        .getState()
        .reload()
        .catch(() => undefined);
    else {
      setPicked(null);
      setTab('catalogue');
    }
  }, [open]);

  const pick = (item: ConnectorItem) => {
    setPicked(item);
    setId(uniqueId(item.name, taken));
    setLabel(item.title);
    setRange(`^${item.version}`);
  };
  const problem = picked ? idProblem(id, taken) : null;
  const badRange = picked && !RANGE.test(range);
  const add = () => {
    if (!picked || problem || badRange) return;
    dispatch('addConnection', {
      connection: { id, ...(label.trim() ? { label: label.trim() } : {}), connector: `${picked.name}@${range.trim()}`, config: {} },
    });
    select({ kind: 'connection', connectionId: id });
    onClose();
  };
  // Newest version of each name first; deprecated versions stay listed (an app may pin one) but marked.
  const list = [...(items ?? [])].sort((a, b) => a.name.localeCompare(b.name) || compareVersions(b.version, a.version));

  return (
    <Modal
      open={open}
      title={t('connections.add')}
      width={720}
      onCancel={onClose}
      onOk={add}
      okText={t('connections.addOk')}
      okButtonProps={{ disabled: !picked || !!problem || !!badRange }}
      destroyOnHidden
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'catalogue',
            label: t('connections.catalogue'),
            children: (
              <List
                size="small"
                bordered
                loading={!items}
                style={{ maxHeight: 280, overflow: 'auto' }}
                dataSource={list}
                data-testid="connector-catalogue"
                renderItem={(item) => (
                  <List.Item
                    onClick={() => pick(item)}
                    style={{
                      cursor: 'pointer',
                      background: picked?.name === item.name && picked.version === item.version ? '#e6f4ff' : undefined,
                    }}
                    aria-label={`${item.title} ${item.version}`}
                  >
                    <List.Item.Meta
                      title={
                        <>
                          {item.title} <Typography.Text type="secondary">{`${item.name}@${item.version}`}</Typography.Text>
                        </>
                      }
                      description={item.description}
                    />
                    <Space size={8} style={{ flexShrink: 0, marginInlineStart: 12 }}>
                      <Tag>{t(`connections.source.${item.source}`)}</Tag>
                      <Typography.Text type="secondary">{t('connections.operationsCount', { count: item.operations })}</Typography.Text>
                      {item.deprecated && <Tag color="orange">{t('connections.deprecated')}</Tag>}
                    </Space>
                  </List.Item>
                )}
              />
            ),
          },
          {
            key: 'import',
            label: t('connections.importOpenApi'),
            children: (
              <ImportOpenApiForm
                // The import's warnings stay in view; the connection's settings appear below.
                onImported={pick}
              />
            ),
          },
        ]}
      />
      {picked && (
        <Form layout="vertical" size="small" component="div" style={{ marginTop: 12 }} data-testid="new-connection">
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('connections.picked', { title: picked.title, version: picked.version })}
          />
          <Form.Item
            label={t('connections.id')}
            validateStatus={problem ? 'error' : undefined}
            help={problem ? t(`rename.${problem}`, { id }) : undefined}
          >
            <Input aria-label={t('connections.id')} value={id} onChange={(e) => setId(e.target.value)} />
          </Form.Item>
          <Form.Item label={t('connections.label')}>
            <Input aria-label={t('connections.label')} value={label} onChange={(e) => setLabel(e.target.value)} />
          </Form.Item>
          <Form.Item
            label={t('connections.range')}
            help={badRange ? t('connections.badRange') : t('connections.rangeHelp')}
            validateStatus={badRange ? 'error' : undefined}
          >
            <Input aria-label={t('connections.range')} value={range} onChange={(e) => setRange(e.target.value)} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
