/** A problem's detail and its per-pointer issues (import errors, call warnings), capped so a huge list stays readable. */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const SHOWN = 50;

export function ProblemList({ issues = [], detail }: { issues?: Array<{ pointer: string; message: string }>; detail?: string }) {
  const { t } = useTranslation();
  return (
    <div style={{ maxHeight: 220, overflow: 'auto' }}>
      {detail && <Typography.Paragraph style={{ marginBottom: 4 }}>{detail}</Typography.Paragraph>}
      {issues.slice(0, SHOWN).map((i, n) => (
        <div key={n}>
          <Typography.Text code>{i.pointer || '/'}</Typography.Text> {i.message}
        </div>
      ))}
      {issues.length > SHOWN && (
        <Typography.Text type="secondary">{t('connections.more', { count: issues.length - SHOWN })}</Typography.Text>
      )}
    </div>
  );
}
