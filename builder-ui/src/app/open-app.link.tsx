/**
 * "Open app": the live app as the runtime serves it (/apps/<id>/), in a new tab so the builder
 * stays open. Shown only where the app has a published version: before that the URL is a 404.
 */
import { ExportOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';

export const liveAppUrl = (appId: string): string => `/apps/${encodeURIComponent(appId)}/`;

export function OpenAppLink({
  appId,
  testId = 'open-app',
  ...button
}: { appId: string; testId?: string } & Pick<ButtonProps, 'size' | 'type'>) {
  const { t } = useTranslation();
  return (
    <Button
      {...button}
      href={liveAppUrl(appId)}
      target="_blank"
      rel="noopener"
      icon={<ExportOutlined />}
      data-testid={testId}
      // Inside a clickable card: following the link must not also open the app in the builder.
      onClick={(e) => e.stopPropagation()}
    >
      {t('apps.openLive')}
    </Button>
  );
}
