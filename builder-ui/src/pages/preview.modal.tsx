/** Full-page preview with demo data, through the runtime's PageView when available. */
import { Empty, Modal, Select, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../store/builder.store';
import { labelText } from '../store/draft.types';
import { ComponentPreview } from './component-preview';
import { RendererSurface } from './renderer-bridge';

export function PreviewModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t, i18n } = useTranslation();
  // Subscribed only while open (kept mounted after the first preview, it would otherwise re-render
  // on every edit); while closing it shows what it last had.
  const live = useBuilder((s) => (open ? s.definition : null));
  const last = useRef(live);
  if (live) last.current = live;
  const draft = live ?? last.current;
  const selection = useBuilder((s) => (open ? s.selection : null));
  const [pageId, setPageId] = useState<string | undefined>();
  if (!draft) return null;
  const current = pageId ?? (selection?.kind === 'page' ? selection.pageId : draft.pages[0]?.id);
  const page = draft.pages.find((p) => p.id === current);
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      width="90vw"
      title={
        <Space>
          {t('toolbar.preview')}
          <Select
            size="small"
            style={{ width: 220 }}
            value={current}
            onChange={setPageId}
            options={draft.pages.map((p) => ({ value: p.id, label: labelText(p.title, i18n.language, p.id) }))}
          />
        </Space>
      }
      destroyOnHidden
    >
      <div style={{ background: '#f5f5f5', padding: 16, minHeight: '60vh', maxHeight: '75vh', overflow: 'auto' }} data-testid="preview">
        {page ? (
          <RendererSurface draft={draft}>
            <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
              {page.components.map((c) => (
                <ComponentPreview key={c.id} component={c} live />
              ))}
            </div>
          </RendererSurface>
        ) : (
          <Empty description={t('pages.noPages')} />
        )}
      </div>
    </Modal>
  );
}
