/** Every registered component type, grouped, as draggable tiles (generated from the registry). */
import { useDraggable } from '@dnd-kit/core';
import { componentTypes, type ComponentTypeDescriptor } from '@tessera/core';
import { Tooltip, Typography } from 'antd';
import { memo, useCallback, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { groupName, typeDescription, typeTitle } from '../i18n/type-texts';
import { TypeIcon } from '../shared/icon';
import { paletteId } from './drop-target';

/**
 * The draggable tile: dnd-kit re-renders it on every drag change, so it is one plain element and
 * the Tooltip around it (which passes its ref and hover handlers in) does not re-render.
 */
function PaletteTile({ d, title, ref, ...tooltip }: { d: ComponentTypeDescriptor; title: string; ref?: Ref<HTMLDivElement> }) {
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({ id: paletteId(d.type) });
  const setRefs = useCallback(
    (el: HTMLDivElement | null) => {
      setNodeRef(el);
      if (typeof ref === 'function') ref(el);
      else if (ref) ref.current = el;
    },
    [setNodeRef, ref],
  );
  return (
    <div
      ref={setRefs}
      {...tooltip}
      {...listeners}
      {...attributes}
      data-testid={`palette-${d.type}`}
      style={{
        border: '1px solid #e8e8e8',
        borderRadius: 6,
        padding: '6px 8px',
        cursor: 'grab',
        background: isDragging ? '#e6f4ff' : '#fff',
        display: 'flex',
        gap: 6,
        alignItems: 'center',
        fontSize: 13,
      }}
    >
      <TypeIcon name={d.icon} style={{ color: '#1677ff' }} />
      {title}
    </div>
  );
}

/** Memoized (no props): the palette only changes with the registry, not with the draft. */
export const PalettePanel = memo(function PalettePanel() {
  const { t } = useTranslation();
  const groups = new Map<string, ComponentTypeDescriptor[]>();
  for (const d of componentTypes.list()) groups.set(d.group, [...(groups.get(d.group) ?? []), d]);
  return (
    <div style={{ padding: 12 }}>
      <Typography.Text strong>{t('pages.palette')}</Typography.Text>
      {[...groups].map(([group, list]) => (
        <div key={group} style={{ marginTop: 10 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12, textTransform: 'uppercase' }}>
            {groupName(t, 'component', group)}
          </Typography.Text>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 6, marginTop: 4 }}>
            {list.map((d) => (
              <Tooltip key={d.type} title={typeDescription(t, 'component', d)} placement="right">
                <PaletteTile d={d} title={typeTitle(t, 'component', d)} />
              </Tooltip>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
});
