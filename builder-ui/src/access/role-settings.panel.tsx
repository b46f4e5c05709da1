/** A role's own settings (label, description) generated from the Role schema; its id is renamed on its own. */
import { DeleteOutlined } from '@ant-design/icons';
import { allDefs, standaloneSchema } from '@tessera/core';
import { Button, Popconfirm } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RenameInput, withoutId } from '../forms/rename.input';
import { SchemaForm } from '../forms/schema-form';
import { patchFrom } from '../forms/schema-utils';
import { useAppFormContext } from '../shared/app-form-context';
import { useBuilder } from '../store/builder.store';
import type { DraftRole } from '../store/draft.types';

export function RoleSettingsPanel({ role, declared, permissionCount }: { role: DraftRole; declared: string[]; permissionCount: number }) {
  const { t } = useTranslation();
  const dispatch = useBuilder((s) => s.dispatch);
  const schema = useMemo(() => withoutId(standaloneSchema(allDefs().Role)), []);
  const ctx = useAppFormContext();
  return (
    <div style={{ maxWidth: 560 }} data-testid="role-settings">
      <RenameInput value={role.id} taken={declared} onRename={(id) => dispatch('renameRole', { roleId: role.id, id })} />
      <SchemaForm
        schema={schema}
        value={role}
        context={ctx}
        onChange={(value, path) =>
          dispatch(
            'updateRole',
            { roleId: role.id, patch: patchFrom(role, value as Record<string, unknown>) },
            { coalesce: `role:${role.id}.${path.join('.')}` },
          )
        }
      />
      <Popconfirm
        title={t('access.confirmDeleteRole', { name: role.id, count: permissionCount })}
        onConfirm={() => dispatch('removeRole', { roleId: role.id })}
      >
        <Button danger icon={<DeleteOutlined />}>
          {t('access.deleteRole')}
        </Button>
      </Popconfirm>
    </div>
  );
}
