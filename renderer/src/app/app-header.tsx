import { GlobalOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Flex, Select, Typography } from 'antd';
import type { RuntimeInfo } from '../data/data-port';
import { useLocale, useT } from '../i18n/i18n.provider';

const LOCALE_NAMES: Record<string, string> = { en: 'English', 'zh-CN': '简体中文' };

/** App name, language switcher and the signed-in user (sign out). */
export function AppHeader({ info, onSignOut }: { info: RuntimeInfo; onSignOut?(): void }) {
  const { t } = useT();
  const { locale, setLocale } = useLocale();
  const locales = info.app.locales?.length ? info.app.locales : ['en'];
  const user = info.user;
  return (
    <Flex align="center" justify="space-between" gap={12} style={{ width: '100%', minWidth: 0 }}>
      <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 }}>
        {info.app.name}
      </Typography.Title>
      <Flex align="center" gap={8} style={{ flexShrink: 0 }}>
        {locales.length > 1 && (
          <Select
            size="small"
            value={locale}
            onChange={setLocale}
            aria-label={t('common.language')}
            suffixIcon={<GlobalOutlined />}
            variant="borderless"
            options={locales.map((l) => ({ value: l, label: LOCALE_NAMES[l] ?? l }))}
            popupMatchSelectWidth={false}
          />
        )}
        {user && (
          <Dropdown
            trigger={['click']}
            menu={{ items: onSignOut ? [{ key: 'out', icon: <LogoutOutlined />, label: t('common.signOut'), onClick: onSignOut }] : [] }}
          >
            <Flex align="center" gap={6} style={{ cursor: 'pointer' }}>
              <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1677ff' }} />
              <Typography.Text className="tessera-user-name" ellipsis style={{ maxWidth: 160 }}>
                {user.name || user.email}
              </Typography.Text>
            </Flex>
          </Dropdown>
        )}
      </Flex>
    </Flex>
  );
}
