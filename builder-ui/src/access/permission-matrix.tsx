/**
 * One role's permissions as a matrix: a row per entity, a column per action of the Permission
 * schema, then the row scope and a summary of field rules. Ticking the first action opens the
 * entity to the role; clearing the last one closes it. Clicking a row opens its details.
 */
import { ExclamationCircleFilled } from '@ant-design/icons';
import { Checkbox, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { humanize } from '../forms/schema-utils';
import { permissionOf } from '../store/commands/access.commands';
import { useBuilder } from '../store/builder.store';
import { labelText, type DraftEntity } from '../store/draft.types';
import { permissionKey } from '../store/issue-mapping';
import { ACTIONS, DEFAULT_ROWS, ROW_SCOPES, rowScopeArgs } from './permission-schema';

export function PermissionMatrix({
  roleId,
  entities,
  selectedEntityId,
}: {
  roleId: string;
  entities: DraftEntity[];
  selectedEntityId?: string;
}) {
  const { t, i18n } = useTranslation();
  const dispatch = useBuilder((s) => s.dispatch);
  const select = useBuilder((s) => s.select);
  const byPermission = useBuilder((s) => s.issues.byPermission);
  const toggle = (entity: DraftEntity, action: string, on: boolean) => {
    const current = permissionOf(entity, roleId)?.actions ?? [];
    // Kept in the schema's order, so the JSON reads the same whatever was clicked first.
    const actions = ACTIONS.filter((a) => (a === action ? on : current.includes(a)));
    dispatch('setPermissionActions', { entityId: entity.id, roleId, actions });
  };
  const columns = [
    {
      title: t('access.entity'),
      key: 'entity',
      width: 170,
      onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }),
      render: (_: unknown, e: DraftEntity) => {
        const issues = byPermission.get(permissionKey(e.id, roleId));
        return (
          <Space>
            <Typography.Text strong>{labelText(e.label, i18n.language, e.id)}</Typography.Text>
            {issues && (
              <Tooltip title={issues.map((i) => i.message).join('\n')}>
                <ExclamationCircleFilled style={{ color: '#ff4d4f' }} data-testid={`permission-error-${e.id}`} />
              </Tooltip>
            )}
          </Space>
        );
      },
    },
    ...ACTIONS.map((action) => ({
      title: t(`action.${action}`, { defaultValue: humanize(action) }),
      key: action,
      width: 76,
      align: 'center' as const,
      render: (_: unknown, e: DraftEntity) => (
        <Checkbox
          aria-label={`${e.id} ${action}`}
          checked={!!permissionOf(e, roleId)?.actions.includes(action)}
          onClick={(ev) => ev.stopPropagation()}
          onChange={(ev) => toggle(e, action, ev.target.checked)}
        />
      ),
    })),
    {
      title: t('access.rows'),
      key: 'rows',
      width: 126,
      render: (_: unknown, e: DraftEntity) => {
        const p = permissionOf(e, roleId);
        if (!p) return <Typography.Text type="secondary">{t('access.noAccess')}</Typography.Text>;
        return (
          <span onClick={(ev) => ev.stopPropagation()}>
            <Select
              size="small"
              aria-label={`${e.id} ${t('access.rows')}`}
              style={{ width: 110 }}
              value={p.rows ?? DEFAULT_ROWS}
              options={ROW_SCOPES.map((r) => ({ value: r, label: t(`rowScope.${r}`, { defaultValue: humanize(r) }) }))}
              onChange={(rows) => dispatch('setRowScope', rowScopeArgs(e, roleId, rows))}
            />
          </span>
        );
      },
    },
    {
      title: t('access.fields'),
      key: 'fields',
      render: (_: unknown, e: DraftEntity) => {
        const rules = Object.values(permissionOf(e, roleId)?.fields ?? {});
        const hidden = rules.filter((r) => r === 'hidden').length;
        const readonly = rules.filter((r) => r === 'readonly').length;
        return (
          <>
            {hidden > 0 && <Tag color="red">{t('access.hiddenCount', { count: hidden })}</Tag>}
            {readonly > 0 && <Tag color="gold">{t('access.readonlyCount', { count: readonly })}</Tag>}
          </>
        );
      },
    },
  ];
  return (
    <Table<DraftEntity>
      data-testid="permission-matrix"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={entities}
      columns={columns}
      rowClassName={(e) => (e.id === selectedEntityId ? 'ant-table-row-selected' : '')}
      onRow={(e) => ({ onClick: () => select({ kind: 'access', roleId, entityId: e.id }), style: { cursor: 'pointer' } })}
    />
  );
}
