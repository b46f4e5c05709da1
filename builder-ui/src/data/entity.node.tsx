/** An entity on the ER diagram: its fields listed, relation fields marked, handles to connect. */
import { Handle, Position, useConnection, type Node, type NodeProps } from '@xyflow/react';
import { Badge, Typography } from 'antd';
import { TypeIcon } from '../shared/icon';
import { fieldTypes } from '@tessera/schemas';
import { labelText, type DraftEntity } from '../store/draft.types';

export type EntityNodeData = { entity: DraftEntity; errors: number; selected: boolean; lang: string };
export type EntityFlowNode = Node<EntityNodeData, 'entity'>;

export function EntityNode({ id, data }: NodeProps<EntityFlowNode>) {
  const { entity, errors, selected, lang } = data;
  const connection = useConnection();
  // While a relation is being drawn, the whole entity is the drop target (not just its small
  // handle); otherwise the overlay would block dragging the node.
  const dropTarget = connection.inProgress && connection.fromNode?.id !== id;
  return (
    <div style={{ position: 'relative', background: '#fff', border: `2px solid ${errors ? '#ff4d4f' : selected ? '#1677ff' : '#d9d9d9'}`, borderRadius: 8, minWidth: 200, boxShadow: '0 1px 4px rgba(0,0,0,.08)' }}>
      <Handle type="target" position={Position.Left} style={{ width: 10, height: 10, background: '#1677ff' }} />
      {dropTarget && (
        <Handle id="whole" type="target" position={Position.Left} isConnectableStart={false}
          style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', transform: 'none', borderRadius: 8, opacity: 0.15, background: '#1677ff', border: 0 }} />
      )}
      <div style={{ padding: '6px 10px', background: '#f0f5ff', borderRadius: '6px 6px 0 0', display: 'flex', justifyContent: 'space-between' }}>
        <Typography.Text strong>{labelText(entity.label, lang, entity.id)}</Typography.Text>
        <Badge count={errors} size="small" />
      </div>
      {entity.fields.map((f) => (
        <div key={f.id} style={{ padding: '2px 10px', fontSize: 12, display: 'flex', gap: 6, borderTop: '1px solid #f5f5f5' }}>
          <TypeIcon name={fieldTypes.get(f.type)?.icon} style={{ color: '#8c8c8c' }} />
          <span style={{ flex: 1 }}>{f.id}</span>
          <span style={{ color: f.type === 'relation' ? '#1677ff' : '#8c8c8c' }}>{f.type === 'relation' ? `→ ${String(f.to)}` : f.type}</span>
        </div>
      ))}
      <Handle type="source" position={Position.Right} style={{ width: 12, height: 12, background: '#52c41a' }} />
    </div>
  );
}
