import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../i18n/i18n.setup';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Select
      aria-label={t('app.language')}
      size="small"
      suffixIcon={<GlobalOutlined />}
      value={i18n.language}
      onChange={setLanguage}
      options={LANGUAGES}
      style={{ width: 110 }}
    />
  );
}
