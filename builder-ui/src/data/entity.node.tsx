/**
 * An entity on the ER diagram: its fields listed, relation fields marked, handles to connect.
 * Plain elements (no antd components) and memoized: a model of 100 entities draws ~1,000 field
 * rows, and React Flow re-renders nodes whenever its store changes (a drag, a selection).
 */
import { Handle, Position, useConnection, type Node, type NodeProps } from '@xyflow/react';
import { fieldTypes } from '@tessera/core';
import { memo } from 'react';
import { TypeIcon } from '../shared/icon';
import { labelText, type DraftEntity } from '../store/draft.types';

export type EntityNodeData = { entity: DraftEntity; errors: number; selected: boolean; lang: string };
export type EntityFlowNode = Node<EntityNodeData, 'entity'>;

const ROW: React.CSSProperties = {
  padding: '2px 10px',
  fontSize: 12,
  display: 'flex',
  gap: 6,
  borderTop: '1px solid #f5f5f5',
  alignItems: 'center',
};
const BADGE: React.CSSProperties = {
  minWidth: 16,
  height: 16,
  lineHeight: '16px',
  padding: '0 5px',
  borderRadius: 8,
  background: '#ff4d4f',
  color: '#fff',
  fontSize: 11,
  textAlign: 'center',
};

/** Drop target for a relation being drawn from another entity: only rendered meanwhile. */
function WholeNodeTarget({ id }: { id: string }) {
  const dropTarget = useConnection((c) => c.inProgress && c.fromNode?.id !== id);
  // The whole entity is the target (not just its small handle); otherwise it would block dragging the node.
  return dropTarget ? (
    <Handle
      id="whole"
      type="target"
      position={Position.Left}
      isConnectableStart={false}
      style={{
        position: 'absolute',
        inset: 0,
        width: '100%',
        height: '100%',
        transform: 'none',
        borderRadius: 8,
        opacity: 0.15,
        background: '#1677ff',
        border: 0,
      }}
    />
  ) : null;
}

export const EntityNode = memo(function EntityNode({ id, data }: NodeProps<EntityFlowNode>) {
  const { entity, errors, selected, lang } = data;
  return (
    <div
      style={{
        position: 'relative',
        background: '#fff',
        border: `2px solid ${errors ? '#ff4d4f' : selected ? '#1677ff' : '#d9d9d9'}`,
        borderRadius: 8,
        minWidth: 200,
        boxShadow: '0 1px 4px rgba(0,0,0,.08)',
      }}
    >
      <Handle type="target" position={Position.Left} style={{ width: 10, height: 10, background: '#1677ff' }} />
      <WholeNodeTarget id={id} />
      <div
        style={{
          padding: '6px 10px',
          background: '#f0f5ff',
          borderRadius: '6px 6px 0 0',
          display: 'flex',
          justifyContent: 'space-between',
          fontWeight: 600,
          color: 'rgba(0,0,0,0.88)',
        }}
      >
        <span>{labelText(entity.label, lang, entity.id)}</span>
        {errors > 0 && <span style={BADGE}>{errors}</span>}
      </div>
      {entity.fields.map((f) => (
        <div key={f.id} style={ROW}>
          <TypeIcon name={fieldTypes.get(f.type)?.icon} style={{ color: '#8c8c8c' }} />
          <span style={{ flex: 1 }}>{f.id}</span>
          <span style={{ color: f.type === 'relation' ? '#1677ff' : '#8c8c8c' }}>
            {f.type === 'relation' ? `→ ${String(f.to)}` : f.type}
          </span>
        </div>
      ))}
      <Handle type="source" position={Position.Right} style={{ width: 12, height: 12, background: '#52c41a' }} />
    </div>
  );
});
