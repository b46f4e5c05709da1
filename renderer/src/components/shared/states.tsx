/** Loading, empty, error and "can't load" views shared by the data components. */
import { Alert, Button, Empty, Skeleton } from 'antd';
import { useT } from '../../i18n/i18n.provider';

export const LoadingState = ({ rows = 4 }: { rows?: number }) => <Skeleton active paragraph={{ rows }} title={false} />;

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useT();
  const status = (error as { status?: number })?.status;
  const message = status === 403 ? t('common.noPermission') : status === 404 ? t('form.notFound') : t('common.error');
  return (
    <Alert
      type={status === 403 || status === 404 ? 'warning' : 'error'}
      showIcon
      title={message}
      description={status === 403 || status === 404 ? undefined : (error as Error)?.message}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

export function ProblemState({ problem }: { problem: { key: string; values?: Record<string, string> } }) {
  const { t } = useT();
  return <Alert type="info" showIcon title={t(problem.key, problem.values)} />;
}

export const EmptyState = ({ description }: { description?: string }) => {
  const { t } = useT();
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t('common.empty')} />;
};
