/**
 * One role on one entity: which records it sees (row scope, and the owner field own/team go
 * through) and, per field, whether it is visible, read-only or hidden for the role.
 */
import { Alert, Empty, Form, Radio, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { humanize } from '../forms/schema-utils';
import { permissionOf } from '../store/commands/access.commands';
import { useBuilder } from '../store/builder.store';
import { labelText, type DraftEntity, type DraftField, type FieldAccess } from '../store/draft.types';
import { permissionKey } from '../store/issue-mapping';
import { DEFAULT_ROWS, FIELD_ACCESS, needsOwner, ownerCandidates, ROW_SCOPES, rowScopeArgs } from './permission-schema';

const VISIBLE = 'visible';

export function PermissionPanel({ entity, roleId }: { entity: DraftEntity; roleId: string }) {
  const { t, i18n } = useTranslation();
  const dispatch = useBuilder((s) => s.dispatch);
  const issues = useBuilder((s) => s.issues.byPermission.get(permissionKey(entity.id, roleId)));
  const permission = permissionOf(entity, roleId);
  const entityName = labelText(entity.label, i18n.language, entity.id);
  const rows = permission?.rows ?? DEFAULT_ROWS;
  const levels = [VISIBLE, ...FIELD_ACCESS];
  return (
    <div data-testid="permission-panel">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {entityName}
      </Typography.Title>
      {issues?.map((i) => (
        <Alert key={i.pointer + i.message} type="error" showIcon message={i.message} style={{ marginBottom: 8 }} />
      ))}
      {!permission ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('access.giveActionFirst', { entity: entityName })} />
      ) : (
        <>
          <Form layout="vertical" size="small" component="div">
            <Form.Item label={t('access.rowScope')}>
              <Radio.Group
                aria-label={t('access.rowScope')}
                optionType="button"
                value={rows}
                options={ROW_SCOPES.map((r) => ({
                  value: r,
                  label: t(`rowScope.${r}`, { defaultValue: humanize(r) }),
                  title: t(`rowScope.${r}Help`, { defaultValue: '' }),
                }))}
                onChange={(e) => dispatch('setRowScope', rowScopeArgs(entity, roleId, e.target.value as string))}
              />
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`rowScope.${rows}Help`, { defaultValue: '' })}
                </Typography.Text>
              </div>
            </Form.Item>
            <Form.Item
              label={t('access.ownerField')}
              extra={t('access.ownerFieldHelp')}
              validateStatus={needsOwner(rows) && !entity.ownerField ? 'error' : undefined}
              help={needsOwner(rows) && !entity.ownerField ? t('access.needsOwner') : undefined}
            >
              <Select
                aria-label={t('access.ownerField')}
                allowClear
                value={entity.ownerField}
                options={ownerCandidates(entity).map((f) => ({
                  value: f.id,
                  label: `${labelText(f.label, i18n.language, f.id)} · ${f.type}`,
                }))}
                onChange={(ownerField: string | undefined) => dispatch('setOwnerField', { entityId: entity.id, ownerField })}
              />
            </Form.Item>
          </Form>
          <Typography.Text strong style={{ display: 'block', margin: '12px 0 4px' }}>
            {t('access.fieldAccess')}
          </Typography.Text>
          <Table<DraftField>
            data-testid="field-access"
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={entity.fields}
            columns={[
              {
                title: t('access.field'),
                key: 'field',
                render: (_, f) => (
                  <>
                    {labelText(f.label, i18n.language, f.id)}{' '}
                    <Typography.Text type="secondary" code>
                      {f.id}
                    </Typography.Text>
                  </>
                ),
              },
              {
                key: 'access',
                width: 214,
                render: (_, f) => (
                  <Radio.Group
                    size="small"
                    optionType="button"
                    style={{ whiteSpace: 'nowrap' }}
                    aria-label={`${f.id} ${t('access.fieldAccess')}`}
                    value={permission.fields?.[f.id] ?? VISIBLE}
                    options={levels.map((l) => ({ value: l, label: t(`fieldAccess.${l}`, { defaultValue: humanize(l) }) }))}
                    onChange={(e) =>
                      dispatch('setFieldAccess', {
                        entityId: entity.id,
                        roleId,
                        fieldId: f.id,
                        access: e.target.value === VISIBLE ? null : (e.target.value as FieldAccess),
                      })
                    }
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
