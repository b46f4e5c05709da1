/** The Data screen: entities on the left, the selected entity's editors in the middle, field settings on the right. */
import { Empty, Layout, Spin, Tabs, Typography } from 'antd';
import { memo, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../store/builder.store';
import { labelText } from '../store/draft.types';
import { EntityListPanel } from './entity-list.panel';
import { EntitySettingsPanel } from './entity-settings.panel';
import { preloadErDiagram, useErDiagramModule } from './er-diagram.load';
import { FieldSettingsPanel } from './field-settings.panel';
import { FieldTablePanel } from './field-table.panel';
import { IndexesPanel } from './indexes.panel';

/** React Flow and its styles load with the Diagram tab (or ahead, see er-diagram.load.ts), not with the editor. */
const Diagram = memo(function Diagram(props: { selectedId?: string; onSelect(id: string): void }) {
  const mod = useErDiagramModule();
  return mod ? <mod.ErDiagram {...props} /> : <Spin style={{ margin: 48 }} />;
});

// Memoized: switching tabs re-renders this screen, and the panels (a 100-entity list, the field
// table in a hidden tab) would otherwise re-render with it.
const EntityList = memo(EntityListPanel);
const FieldTable = memo(FieldTablePanel);
const Indexes = memo(IndexesPanel);
const EntitySettings = memo(EntitySettingsPanel);

export function DataDesigner() {
  const { t, i18n } = useTranslation();
  const selection = useBuilder((s) => s.selection);
  const select = useBuilder((s) => s.select);
  const entities = useBuilder((s) => s.definition?.entities ?? []);
  const [tab, setTab] = useState('fields');
  const entityId = selection?.kind === 'entity' ? selection.entityId : entities[0]?.id;
  const fieldId = selection?.kind === 'entity' ? selection.fieldId : undefined;
  const entity = entities.find((e) => e.id === entityId);
  const pick = useCallback((id: string) => select({ kind: 'entity', entityId: id }), [select]);
  // The Diagram tab is one click away.
  useEffect(() => void preloadErDiagram(), []);

  return (
    <Layout style={{ height: '100%', background: '#fff' }}>
      <Layout.Sider width={230} theme="light" style={{ borderRight: '1px solid #f0f0f0', overflow: 'auto' }}>
        <EntityList selectedId={entity?.id} onSelect={pick} />
      </Layout.Sider>
      <Layout.Content style={{ padding: '8px 16px', overflow: 'auto', display: 'flex', flexDirection: 'column' }}>
        {!entity && tab !== 'diagram' ? (
          <Empty style={{ marginTop: 96 }} description={t('data.selectEntity')} />
        ) : (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            style={{ flex: 1 }}
            tabBarExtraContent={
              entity && (
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {labelText(entity.label, i18n.language, entity.id)}
                </Typography.Title>
              )
            }
            items={[
              { key: 'fields', label: t('data.fields'), children: entity && <FieldTable entity={entity} selectedFieldId={fieldId} /> },
              {
                key: 'diagram',
                label: t('data.diagram'),
                children: (
                  <div style={{ height: 'calc(100vh - 190px)' }}>
                    <Diagram selectedId={entity?.id} onSelect={pick} />
                  </div>
                ),
              },
              { key: 'indexes', label: t('data.indexes'), children: entity && <Indexes entity={entity} /> },
              { key: 'settings', label: t('data.settings'), children: entity && <EntitySettings entity={entity} /> },
            ]}
          />
        )}
      </Layout.Content>
      {entity && tab === 'fields' && (
        <Layout.Sider width={340} theme="light" style={{ borderLeft: '1px solid #f0f0f0', padding: 16, overflow: 'auto' }}>
          <FieldSettingsPanel entityId={entity.id} fieldId={fieldId} />
        </Layout.Sider>
      )}
    </Layout>
  );
}
