/** "Add field": every registered field type, grouped as the registry groups them. */
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { fieldTypes } from '@tessera/core';
import { useTranslation } from 'react-i18next';
import { groupName, typeDescription, typeTitle } from '../i18n/type-texts';
import { TypeIcon } from '../shared/icon';
import { useBuilder } from '../store/builder.store';

export function AddFieldMenu({ entityId }: { entityId: string }) {
  const { t } = useTranslation();
  const dispatch = useBuilder((s) => s.dispatch);
  const groups = new Map<string, ReturnType<typeof fieldTypes.list>>();
  for (const d of fieldTypes.list()) groups.set(d.group, [...(groups.get(d.group) ?? []), d]);
  const items = [...groups].map(([group, list]) => ({
    type: 'group' as const,
    key: group,
    label: groupName(t, 'field', group),
    children: list.map((d) => ({
      key: d.type,
      icon: <TypeIcon name={d.icon} />,
      label: typeTitle(t, 'field', d),
      title: typeDescription(t, 'field', d),
    })),
  }));
  return (
    <Dropdown menu={{ items, onClick: ({ key }) => dispatch('addField', { entityId, type: key }) }} trigger={['click']}>
      <Button type="primary" icon={<PlusOutlined />}>
        {t('data.addField')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
