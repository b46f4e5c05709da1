import { GlobalOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App as AntApp, Avatar, Dropdown, Flex, Select, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import type { RuntimeInfo } from '../data/data-port';
import { useLocale, useT } from '../i18n/i18n.provider';
import { ChangePasswordModal } from './change-password.modal';

const LOCALE_NAMES: Record<string, string> = { en: 'English', 'zh-CN': '简体中文' };

/** App name, language switcher and the signed-in user (change password, sign out). */
export function AppHeader({
  info,
  onSignOut,
  onChangePassword,
}: {
  info: RuntimeInfo;
  onSignOut?(): void;
  onChangePassword?(currentPassword: string, newPassword: string): Promise<void>;
}) {
  const { t } = useT();
  const { message } = AntApp.useApp();
  const { locale, setLocale } = useLocale();
  const [changing, setChanging] = useState(false);
  const locales = info.app.locales?.length ? info.app.locales : ['en'];
  const user = info.user;
  const items: MenuProps['items'] = [
    ...(onChangePassword
      ? [{ key: 'password', icon: <KeyOutlined />, label: t('account.changePassword'), onClick: () => setChanging(true) }]
      : []),
    ...(onSignOut ? [{ key: 'out', icon: <LogoutOutlined />, label: t('common.signOut'), onClick: onSignOut }] : []),
  ];
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
          <Dropdown trigger={['click']} menu={{ items }}>
            <Flex align="center" gap={6} style={{ cursor: 'pointer' }}>
              <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1677ff' }} />
              <Typography.Text className="tessera-user-name" ellipsis style={{ maxWidth: 160 }}>
                {user.name || user.email}
              </Typography.Text>
            </Flex>
          </Dropdown>
        )}
      </Flex>
      {onChangePassword && (
        <ChangePasswordModal
          open={changing}
          onClose={() => setChanging(false)}
          onChange={onChangePassword}
          onChanged={() => {
            setChanging(false);
            void message.success(t('account.passwordChanged'));
          }}
        />
      )}
    </Flex>
  );
}
