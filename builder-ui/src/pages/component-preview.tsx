/**
 * What a leaf component looks like on the canvas: the runtime component with demo data, or —
 * without the renderer — a card summarising its binding, built only from descriptor and props.
 * On the canvas the runtime component is only mounted while it is in view (a
 * page of hundreds of tables and charts would otherwise render all of them on load and keep them
 * all alive); elsewhere an empty box stands in, at the height it last had. The summary card
 * shows while the renderer is not loaded, and for components fed by a connector operation.
 */
import { componentTypes } from '@tessera/core';
import { memo, useEffect, useRef } from 'react';
import { TypeIcon } from '../shared/icon';
import type { DraftComponent } from '../store/draft.types';
import { useInView } from './in-view';
import { RuntimeComponent, useSurfaceReady } from './renderer-bridge';

function fieldsOf(component: DraftComponent): string[] {
  const out: string[] = [];
  for (const value of Object.values(component.props ?? {})) {
    if (Array.isArray(value))
      for (const v of value) if (v && typeof v === 'object' && 'field' in v) out.push(String((v as { field: unknown }).field));
  }
  return out;
}

const PLACEHOLDER: React.CSSProperties = { background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 8 };
const TAG: React.CSSProperties = {
  display: 'inline-block',
  padding: '0 6px',
  marginRight: 4,
  fontSize: 12,
  lineHeight: '20px',
  border: '1px solid #d9d9d9',
  borderRadius: 4,
  background: '#fafafa',
};

/**
 * The summary card: the type, title, bound entity and fields. Plain elements rather than antd
 * components, since a big page shows hundreds of them.
 */
function SummaryCard({ component }: { component: DraftComponent }) {
  const d = componentTypes.get(component.type);
  const title = component.props?.title;
  const fields = fieldsOf(component);
  return (
    <div style={{ ...PLACEHOLDER, padding: '8px 12px' }} data-testid="preview-placeholder">
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', fontWeight: 600 }}>
        <TypeIcon name={d?.icon} style={{ fontSize: 18, color: '#1677ff' }} />
        <span>{typeof title === 'string' ? title : (d?.title ?? component.type)}</span>
        {component.source?.entity && (
          <span style={{ ...TAG, color: '#0958d9', background: '#e6f4ff', borderColor: '#91caff' }}>{component.source.entity}</span>
        )}
        {component.source?.kind === 'connector' && (
          <span style={{ ...TAG, color: '#531dab', background: '#f9f0ff', borderColor: '#d3adf7' }} data-testid="preview-connector">
            {`${String(component.source.connection || '?')} · ${String(component.source.operation || '?')}`}
          </span>
        )}
        {component.source?.filter && <span style={TAG}>filtered</span>}
      </div>
      {fields.length > 0 && (
        <div style={{ marginTop: 4 }}>
          {fields.map((f, i) => (
            <span key={i} style={TAG}>
              {f}
            </span>
          ))}
        </div>
      )}
      {typeof component.props?.content === 'string' && <p style={{ margin: '4px 0 0' }}>{component.props.content}</p>}
    </div>
  );
}

/** `live`: interactive and always rendered (preview); otherwise clicks go to the canvas for selection. */
export const ComponentPreview = memo(function ComponentPreview({ component, live }: { component: DraftComponent; live?: boolean }) {
  const ready = useSurfaceReady();
  const box = useRef<HTMLDivElement>(null);
  const near = useInView(box, ready && !live);
  const height = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (near && box.current) height.current = box.current.offsetHeight;
  });
  // Demo data exists for entities only, and the canvas never calls the customer's API: a
  // component fed by a connector operation shows its binding instead.
  if (!ready || component.source?.kind === 'connector') return <SummaryCard component={component} />;
  // On the canvas a long table is cut off: the page's structure matters more than every row.
  return (
    <div ref={box} style={live ? undefined : { pointerEvents: 'none', maxHeight: 340, overflow: 'hidden' }}>
      {near ? (
        <RuntimeComponent component={component} />
      ) : (
        <div data-testid="preview-placeholder" style={{ ...PLACEHOLDER, height: height.current ?? 64 }} />
      )}
    </div>
  );
});
