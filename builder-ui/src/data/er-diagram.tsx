/**
 * The entity-relationship diagram: one node per entity, one edge per relation field. Dragging
 * from an entity's right handle onto another entity adds a relation field (one undoable command).
 * Node positions are layout only, so they live in localStorage, not in the definition.
 */
import { Background, Controls, ReactFlow, useNodesState, type Connection, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../store/builder.store';
import { EntityNode, type EntityFlowNode } from './entity.node';

const nodeTypes = { entity: EntityNode };
const posKey = (appId: string) => `tessera.builder.er.${appId}`;

export function ErDiagram({ selectedId, onSelect }: { selectedId?: string; onSelect(id: string): void }) {
  const { t, i18n } = useTranslation();
  const appId = useBuilder((s) => s.appId) ?? '';
  const entities = useBuilder((s) => s.definition?.entities ?? []);
  const byEntity = useBuilder((s) => s.issues.byEntity);
  const dispatch = useBuilder((s) => s.dispatch);
  const [nodes, setNodes, onNodesChange] = useNodesState<EntityFlowNode>([]);

  useEffect(() => {
    const saved = JSON.parse(localStorage.getItem(posKey(appId)) ?? '{}') as Record<string, { x: number; y: number }>;
    setNodes((current) =>
      entities.map((entity, i) => ({
        id: entity.id,
        type: 'entity',
        position: current.find((n) => n.id === entity.id)?.position ?? saved[entity.id] ?? { x: (i % 3) * 300 + 20, y: Math.floor(i / 3) * 320 + 20 },
        data: { entity, errors: byEntity.get(entity.id)?.length ?? 0, selected: entity.id === selectedId, lang: i18n.language },
      })),
    );
  }, [entities, byEntity, selectedId, appId, i18n.language, setNodes]);

  const edges: Edge[] = useMemo(
    () =>
      entities.flatMap((e) =>
        e.fields
          .filter((f) => f.type === 'relation' && entities.some((x) => x.id === f.to))
          .map((f) => ({ id: `${e.id}.${f.id}`, source: e.id, target: String(f.to), label: `${f.id}${f.many ? ' (many)' : ''}`, animated: !!f.many, style: { strokeWidth: 2 } })),
      ),
    [entities],
  );

  const onConnect = (c: Connection) => {
    if (c.source && c.target) dispatch('addRelation', { fromEntityId: c.source, toEntityId: c.target });
  };

  return (
    <div style={{ height: '100%', minHeight: 480, position: 'relative' }} data-testid="er-diagram">
      <Typography.Text type="secondary" style={{ position: 'absolute', zIndex: 5, left: 12, top: 8 }}>{t('data.diagramHint')}</Typography.Text>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onConnect={onConnect}
        onNodeClick={(_, n) => onSelect(n.id)}
        onNodeDragStop={() => localStorage.setItem(posKey(appId), JSON.stringify(Object.fromEntries(nodes.map((n) => [n.id, n.position]))))}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
