import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Input, Modal, Select, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useRenderer, type SavedView, type ViewState, useT } from '@tessera/renderer/kit';

interface Props {
  componentId: string;
  current(): ViewState;
  onApply(state: ViewState | undefined): void;
}

/** Saved views of one table (contract's views API): pick one, save the current state as a new one, delete. */
export function TableViews({ componentId, current, onApply }: Props) {
  const { t } = useT();
  const { port, mode } = useRenderer();
  const { message } = App.useApp();
  const [views, setViews] = useState<SavedView[]>([]);
  const [selected, setSelected] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);

  useEffect(() => {
    if (mode !== 'live') return;
    port.views
      .list(componentId)
      .then(setViews)
      .catch(() => setViews([])); // no views API yet = no views
  }, [port, componentId, mode]);

  const save = async () => {
    try {
      const view = await port.views.create({ name: name.trim(), component: componentId, state: current(), shared });
      setViews((v) => [...v, view]);
      setSelected(view.id);
      setSaving(false);
      setName('');
      void message.success(t('table.viewSaved'));
    } catch (err) {
      void message.error((err as Error).message);
    }
  };
  const remove = async () => {
    if (!selected) return;
    await port.views.remove(selected).catch(() => undefined);
    setViews((v) => v.filter((x) => x.id !== selected));
    setSelected(undefined);
    onApply(undefined);
  };

  return (
    <Flex gap={4} align="center">
      <Select
        size="middle"
        value={selected ?? ''}
        style={{ minWidth: 140 }}
        aria-label={t('table.views')}
        options={[
          { value: '', label: t('table.defaultView') },
          ...views.map((v) => ({ value: v.id, label: v.shared ? `${v.name} ·` : v.name })),
        ]}
        onChange={(id) => {
          setSelected(id || undefined);
          onApply(views.find((v) => v.id === id)?.state);
        }}
      />
      <Tooltip title={t('table.saveView')}>
        <Button icon={<SaveOutlined />} onClick={() => setSaving(true)} aria-label={t('table.saveView')} />
      </Tooltip>
      {selected && (
        <Tooltip title={t('table.deleteView')}>
          <Button icon={<DeleteOutlined />} onClick={remove} aria-label={t('table.deleteView')} />
        </Tooltip>
      )}
      <Modal
        open={saving}
        title={t('table.saveView')}
        onCancel={() => setSaving(false)}
        onOk={save}
        okButtonProps={{ disabled: !name.trim() }}
        destroyOnHidden
      >
        <Flex vertical gap={12}>
          <Input
            autoFocus
            placeholder={t('table.viewName')}
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            onPressEnter={() => name.trim() && save()}
          />
          <Checkbox checked={shared} onChange={(e) => setShared(e.target.checked)}>
            {t('table.shared')}
          </Checkbox>
        </Flex>
      </Modal>
    </Flex>
  );
}
