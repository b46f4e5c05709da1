/**
 * Entity-level settings (label, plural, icon, display field…), generated from the Entity schema
 * minus the lists that have their own editors (fields, indexes, permissions — the Access screen)
 * and the id, which is renamed on its own so every reference follows.
 */
import { DeleteOutlined } from '@ant-design/icons';
import { allDefs, standaloneSchema, type JsonSchema, type RefSpec } from '@tessera/core';
import { Button, Popconfirm } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RenameInput, withoutId } from '../forms/rename.input';
import { SchemaForm } from '../forms/schema-form';
import { patchFrom } from '../forms/schema-utils';
import { useAppFormContext } from '../shared/app-form-context';
import { useBuilder } from '../store/builder.store';
import type { DraftEntity } from '../store/draft.types';

const OWN_EDITORS = new Set(['fields', 'indexes', 'permissions']);
const ENTITY_REFS: RefSpec[] = [
  { path: 'display', kind: 'field' },
  { path: 'ownerField', kind: 'field' },
  { path: 'searchFields.*', kind: 'field' },
];

function entitySettingsSchema(): JsonSchema {
  const entity = allDefs().Entity;
  const properties = Object.fromEntries(Object.entries(entity.properties ?? {}).filter(([k]) => !OWN_EDITORS.has(k)));
  return withoutId(standaloneSchema({ ...entity, properties, required: (entity.required ?? []).filter((k) => !OWN_EDITORS.has(k)) }));
}

export function EntitySettingsPanel({ entity }: { entity: DraftEntity }) {
  const { t } = useTranslation();
  const dispatch = useBuilder((s) => s.dispatch);
  const entityIds = useBuilder((s) => s.definition?.entities.map((e) => e.id).join(' ') ?? '');
  const schema = useMemo(entitySettingsSchema, []);
  const ctx = useAppFormContext(ENTITY_REFS, entity.id);
  const { fields: _f, indexes: _i, permissions: _p, ...settings } = entity;
  return (
    <div style={{ maxWidth: 560 }}>
      <RenameInput
        value={entity.id}
        taken={entityIds.split(' ')}
        onRename={(id) => dispatch('renameEntity', { entityId: entity.id, id })}
        warning={t('rename.storedData')}
      />
      <SchemaForm
        schema={schema}
        value={settings}
        context={ctx}
        onChange={(value, path) =>
          dispatch(
            'updateEntity',
            { entityId: entity.id, patch: patchFrom(settings, value as Record<string, unknown>) },
            { coalesce: `entity:${entity.id}.${path.join('.')}` },
          )
        }
      />
      <Popconfirm title={t('data.confirmDelete', { name: entity.id })} onConfirm={() => dispatch('removeEntity', { entityId: entity.id })}>
        <Button danger icon={<DeleteOutlined />}>
          {t('data.deleteEntity')}
        </Button>
      </Popconfirm>
    </div>
  );
}
