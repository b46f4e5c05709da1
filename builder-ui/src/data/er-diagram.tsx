/**
 * The entity-relationship diagram: one node per entity, one edge per relation field. Dragging
 * from an entity's right handle onto another entity adds a relation field (one undoable command).
 * Node positions are layout only, so they live in localStorage, not in the definition; without
 * saved ones, entities are laid out in a square grid.
 * Nodes keep their identity while their entity, errors and selection are unchanged, so an edit or
 * a selection re-renders only the nodes it concerns.
 */
import { Background, Controls, ReactFlow, useNodesState, type Connection, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../store/builder.store';
import { EntityNode, type EntityFlowNode } from './entity.node';

const nodeTypes = { entity: EntityNode };
const posKey = (appId: string) => `tessera.builder.er.${appId}`;
const gridPosition = (i: number, n: number) => {
  const columns = Math.max(3, Math.ceil(Math.sqrt(n)));
  return { x: (i % columns) * 300 + 20, y: Math.floor(i / columns) * 320 + 20 };
};

export function ErDiagram({ selectedId, onSelect }: { selectedId?: string; onSelect(id: string): void }) {
  const { t, i18n } = useTranslation();
  const appId = useBuilder((s) => s.appId) ?? '';
  const entities = useBuilder((s) => s.definition?.entities ?? []);
  const byEntity = useBuilder((s) => s.issues.byEntity);
  const dispatch = useBuilder((s) => s.dispatch);
  const [nodes, setNodes, onNodesChange] = useNodesState<EntityFlowNode>([]);

  const saved = useRef<{ appId: string; positions: Record<string, { x: number; y: number }> } | null>(null);
  useEffect(() => {
    if (saved.current?.appId !== appId) saved.current = { appId, positions: JSON.parse(localStorage.getItem(posKey(appId)) ?? '{}') };
    const lang = i18n.language;
    setNodes((current) => {
      const byId = new Map(current.map((n) => [n.id, n]));
      return entities.map((entity, i) => {
        const errors = byEntity.get(entity.id)?.length ?? 0;
        const selected = entity.id === selectedId;
        const node = byId.get(entity.id);
        const d = node?.data;
        if (node && d!.entity === entity && d!.errors === errors && d!.selected === selected && d!.lang === lang) return node;
        return {
          id: entity.id,
          type: 'entity',
          position: node?.position ?? saved.current!.positions[entity.id] ?? gridPosition(i, entities.length),
          data: { entity, errors, selected, lang },
        };
      });
    });
  }, [entities, byEntity, selectedId, appId, i18n.language, setNodes]);

  const edges: Edge[] = useMemo(() => {
    const ids = new Set(entities.map((e) => e.id));
    return entities.flatMap((e) =>
      e.fields
        .filter((f) => f.type === 'relation' && ids.has(String(f.to)))
        .map((f) => ({
          id: `${e.id}.${f.id}`,
          source: e.id,
          target: String(f.to),
          label: `${f.id}${f.many ? ' (many)' : ''}`,
          animated: !!f.many,
          style: { strokeWidth: 2 },
        })),
    );
  }, [entities]);

  const onConnect = (c: Connection) => {
    if (c.source && c.target) dispatch('addRelation', { fromEntityId: c.source, toEntityId: c.target });
  };

  return (
    <div style={{ height: '100%', minHeight: 480, position: 'relative' }} data-testid="er-diagram">
      <Typography.Text type="secondary" style={{ position: 'absolute', zIndex: 5, left: 12, top: 8 }}>
        {t('data.diagramHint')}
      </Typography.Text>
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
