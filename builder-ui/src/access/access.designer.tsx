/**
 * The Access screen: roles on the left; the selected role's permissions as a matrix (entities ×
 * the schema's actions, row scope, field rules) and its settings in the middle; one entity's row
 * scope and field access on the right. Every change is a store command, undoable.
 */
import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Layout, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RenameInput } from '../forms/rename.input';
import { useBuilder } from '../store/builder.store';
import { labelText, type DraftEntity, type DraftRole } from '../store/draft.types';
import { PermissionMatrix } from './permission-matrix';
import { roleIdsOf } from './permission-schema';
import { PermissionPanel } from './permission.panel';
import { RoleListPanel } from './role-list.panel';
import { RoleSettingsPanel } from './role-settings.panel';

const NO_ROLES: DraftRole[] = [];
const NO_ENTITIES: DraftEntity[] = [];

/** A role permissions name but the app does not declare: declare it, rename it (a typo) or remove it. */
function UndeclaredRole({ roleId, declared, permissionCount }: { roleId: string; declared: string[]; permissionCount: number }) {
  const { t } = useTranslation();
  const dispatch = useBuilder((s) => s.dispatch);
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      message={t('access.undeclaredHint')}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <RenameInput value={roleId} taken={declared} onRename={(id) => dispatch('renameRole', { roleId, id })} />
          <Space>
            <Button type="primary" onClick={() => dispatch('addRole', { id: roleId, label: roleId })}>
              {t('access.declare')}
            </Button>
            <Popconfirm
              title={t('access.confirmDeleteRole', { name: roleId, count: permissionCount })}
              onConfirm={() => dispatch('removeRole', { roleId })}
            >
              <Button danger icon={<DeleteOutlined />}>
                {t('access.deleteRole')}
              </Button>
            </Popconfirm>
          </Space>
        </Space>
      }
    />
  );
}

export function AccessDesigner() {
  const { t, i18n } = useTranslation();
  const roles = useBuilder((s) => s.definition?.roles ?? NO_ROLES);
  const entities = useBuilder((s) => s.definition?.entities ?? NO_ENTITIES);
  const selection = useBuilder((s) => s.selection);
  const { declared, undeclared } = roleIdsOf(roles, entities);
  const picked = selection?.kind === 'access' ? selection : undefined;
  const roleId = picked?.roleId && [...declared, ...undeclared].includes(picked.roleId) ? picked.roleId : (declared[0] ?? undeclared[0]);
  const role = roles.find((r) => r.id === roleId);
  const entity = picked?.roleId === roleId ? entities.find((e) => e.id === picked?.entityId) : undefined;
  const permissionCount = entities.filter((e) => e.permissions?.some((p) => p.role === roleId)).length;

  return (
    <Layout style={{ height: '100%', background: '#fff' }} data-testid="access-designer">
      <Layout.Sider width={230} theme="light" style={{ borderRight: '1px solid #f0f0f0', overflow: 'auto' }}>
        <RoleListPanel roles={roles} undeclared={undeclared} selectedId={roleId} />
      </Layout.Sider>
      <Layout.Content style={{ padding: '12px 16px', overflow: 'auto' }}>
        {!roleId ? (
          <Empty style={{ marginTop: 96 }} description={t('access.selectRole')} />
        ) : (
          <>
            <Space align="baseline" style={{ marginBottom: 4 }}>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {role ? labelText(role.label, i18n.language, role.id) : roleId}
              </Typography.Title>
              <Typography.Text type="secondary" code>
                {roleId}
              </Typography.Text>
              {!role && <Tag color="red">{t('access.undeclared')}</Tag>}
            </Space>
            {!role && <UndeclaredRole roleId={roleId} declared={declared} permissionCount={permissionCount} />}
            <Tabs
              items={[
                {
                  key: 'permissions',
                  label: t('access.permissions'),
                  children: (
                    <>
                      <Typography.Paragraph type="secondary">{t('access.matrixHint')}</Typography.Paragraph>
                      <PermissionMatrix roleId={roleId} entities={entities} selectedEntityId={entity?.id} />
                    </>
                  ),
                },
                ...(role
                  ? [
                      {
                        key: 'settings',
                        label: t('access.settings'),
                        children: <RoleSettingsPanel role={role} declared={declared} permissionCount={permissionCount} />,
                      },
                    ]
                  : []),
              ]}
            />
          </>
        )}
      </Layout.Content>
      {roleId && (
        <Layout.Sider width={420} theme="light" style={{ borderLeft: '1px solid #f0f0f0', padding: 16, overflow: 'auto' }}>
          {entity ? (
            <PermissionPanel entity={entity} roleId={roleId} />
          ) : (
            <Empty style={{ marginTop: 48 }} description={t('access.selectEntity')} />
          )}
        </Layout.Sider>
      )}
    </Layout>
  );
}
