/** Builder entry: Ant Design theme and locale, i18n, the shell. */
import { App as AntApp, ConfigProvider } from 'antd';
// antd's component styles as one static, cached stylesheet: with zeroRuntime, components skip
// generating their CSS in JavaScript on first render and looking it up on every render (about a
// sixth of the main thread's work while the editor and a big canvas load). Tokens stay CSS
// variables set at run time, so the theme below and the renderer's nested providers still apply.
import 'antd/dist/antd.css';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { AppShell } from './app/app.shell';
import builderI18n from './i18n/i18n.setup';

function Root() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'zh-CN' ? zhCN : enUS} theme={{ token: { borderRadius: 6 }, zeroRuntime: true }}>
      <AntApp>
        <AppShell />
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Explicit provider: the runtime renderer registers its own i18next instance globally. */}
    <I18nextProvider i18n={builderI18n}>
      <Root />
    </I18nextProvider>
  </StrictMode>,
);
