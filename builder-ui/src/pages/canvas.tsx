/** The page being designed: its components top to bottom, rendered on the runtime's own surface. */
import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../store/builder.store';
import { labelText, type DraftPage } from '../store/draft.types';
import { CanvasNode, DropZone } from './canvas-node';
import { RendererSurface } from './renderer-bridge';

export function Canvas({ page }: { page: DraftPage }) {
  const { t, i18n } = useTranslation();
  const draft = useBuilder((s) => s.definition)!;
  const select = useBuilder((s) => s.select);
  return (
    <RendererSurface draft={draft}>
      <div onClick={() => select({ kind: 'page', pageId: page.id })} style={{ minHeight: '100%', padding: 16 }} data-testid="canvas">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {labelText(page.title, i18n.language, page.id)}{' '}
          <Typography.Text type="secondary" code>
            {page.route}
          </Typography.Text>
        </Typography.Title>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          {page.components.map((c, i) => (
            <CanvasNode key={c.id} component={c} parentId={null} index={i} pageId={page.id} />
          ))}
          {page.components.length === 0 && <Empty description={t('pages.emptyCanvas')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          <DropZone parentId={null} index={page.components.length} empty={page.components.length === 0} />
        </div>
      </div>
    </RendererSurface>
  );
}
