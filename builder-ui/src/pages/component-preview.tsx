/**
 * What a leaf component looks like on the canvas: the runtime component with demo data, or —
 * without the renderer — a card summarising its binding, built only from descriptor and props.
 */
import { componentTypes } from '@tessera/schemas';
import { Card, Space, Tag, Typography } from 'antd';
import { TypeIcon } from '../shared/icon';
import type { DraftComponent } from '../store/draft.types';
import { RuntimeComponent, useSurfaceReady } from './renderer-bridge';

function fieldsOf(component: DraftComponent): string[] {
  const out: string[] = [];
  for (const value of Object.values(component.props ?? {})) {
    if (Array.isArray(value)) for (const v of value) if (v && typeof v === 'object' && 'field' in v) out.push(String((v as { field: unknown }).field));
  }
  return out;
}

/** `live`: interactive (preview); otherwise clicks go to the canvas for selection. */
export function ComponentPreview({ component, live }: { component: DraftComponent; live?: boolean }) {
  const ready = useSurfaceReady();
    // On the canvas a long table is cut off: the page's structure matters more than every row.
  if (ready) return <div style={live ? undefined : { pointerEvents: 'none', maxHeight: 340, overflow: 'hidden' }}><RuntimeComponent component={component} /></div>;
  const d = componentTypes.get(component.type);
  const title = component.props?.title;
  return (
    <Card size="small" style={{ background: '#fafafa' }}>
      <Space direction="vertical" size={4}>
        <Space>
          <TypeIcon name={d?.icon} style={{ fontSize: 18, color: '#1677ff' }} />
          <Typography.Text strong>{typeof title === 'string' ? title : d?.title ?? component.type}</Typography.Text>
          {component.source?.entity && <Tag color="blue">{component.source.entity}</Tag>}
          {component.source?.filter && <Tag>filtered</Tag>}
        </Space>
        {fieldsOf(component).length > 0 && <Space wrap size={2}>{fieldsOf(component).map((f, i) => <Tag key={i}>{f}</Tag>)}</Space>}
        {typeof component.props?.content === 'string' && <Typography.Paragraph style={{ margin: 0 }}>{component.props.content}</Typography.Paragraph>}
      </Space>
    </Card>
  );
}
