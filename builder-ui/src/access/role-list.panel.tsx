/** The app's roles with their problem counts (and roles only permissions name, marked); adding one asks for its name. */
import { PlusOutlined, SafetyOutlined, WarningOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Input, Menu, Popover, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../store/builder.store';
import { labelText, type DraftRole } from '../store/draft.types';

export function RoleListPanel({ roles, undeclared, selectedId }: { roles: DraftRole[]; undeclared: string[]; selectedId?: string }) {
  const { t, i18n } = useTranslation();
  const byRole = useBuilder((s) => s.issues.byRole);
  const dispatch = useBuilder((s) => s.dispatch);
  const select = useBuilder((s) => s.select);
  const [name, setName] = useState('');
  const [open, setOpen] = useState(false);
  const add = () => {
    if (!name.trim()) return;
    dispatch('addRole', { label: name.trim() });
    setName('');
    setOpen(false);
  };
  const item = (id: string, label: React.ReactNode, icon: React.ReactNode) => ({
    key: id,
    icon,
    label: (
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <span>{label}</span>
        <Badge count={byRole.get(id)?.length ?? 0} size="small" />
      </Space>
    ),
  });
  return (
    <div data-testid="role-list">
      <Space style={{ padding: '12px 12px 8px', justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong>{t('access.roles')}</Typography.Text>
        <Popover
          open={open}
          onOpenChange={setOpen}
          trigger="click"
          title={t('access.addRole')}
          content={
            <Space.Compact>
              <Input
                autoFocus
                aria-label={t('access.roleName')}
                placeholder="Sales rep"
                value={name}
                onChange={(e) => setName(e.target.value)}
                onPressEnter={add}
              />
              <Button type="primary" onClick={add}>
                {t('common.create')}
              </Button>
            </Space.Compact>
          }
        >
          <Button size="small" type="primary" icon={<PlusOutlined />}>
            {t('access.addRole')}
          </Button>
        </Popover>
      </Space>
      {roles.length + undeclared.length === 0 ? (
        <Empty
          image={<SafetyOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />}
          description={
            <>
              <div>{t('access.noRoles')}</div>
              <Typography.Text type="secondary">{t('access.noRolesHint')}</Typography.Text>
            </>
          }
        />
      ) : (
        <Menu
          mode="inline"
          style={{ borderInlineEnd: 0 }}
          selectedKeys={selectedId ? [selectedId] : []}
          onClick={({ key }) => select({ kind: 'access', roleId: key })}
          items={[
            ...roles.map((r) => item(r.id, labelText(r.label, i18n.language, r.id), <SafetyOutlined />)),
            ...undeclared.map((id) =>
              item(
                id,
                <Typography.Text type="danger">
                  {id} <small>({t('access.undeclared')})</small>
                </Typography.Text>,
                <WarningOutlined style={{ color: '#ff4d4f' }} />,
              ),
            ),
          ]}
        />
      )}
    </div>
  );
}
