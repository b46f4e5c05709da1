import { Alert } from 'antd';
import { useT } from '../../i18n/i18n.provider';
import type { ComponentProps } from '../component-renderer';

/** A type this renderer doesn't know (a newer definition, a typo in a draft): say so, don't crash. */
export function UnknownComponent({ component }: ComponentProps) {
  const { t } = useT();
  return <Alert type="warning" showIcon title={t('app.unknownComponent', { type: component.type })} />;
}
