/**
 * Entry of the end-user client. /apps/:appId/... renders that app against the HTTP API;
 * /apps/ lists the apps; a 401 anywhere shows the sign-in page.
 */
import { lazy, StrictMode, Suspense, useCallback, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider } from 'antd';
// antd's styles as one static, long-cached file: with zeroRuntime the components skip generating
// CSS in JavaScript on first render (what the first paint of a page spent most of its time on).
import 'antd/dist/antd.css';
import { AppRenderer, changeOwnPassword, createHttpDataPort, I18nProvider } from '../src';
import { AppListPage } from './app-list.page';
import { SignInPage } from './sign-in.page';

const BASE = '/apps/';

// Dev harness: /apps/demo/ renders the example app on generated data. Compiled out of builds.
const DemoApp = import.meta.env.DEV
  ? lazy(() => import('./demo-port').then(({ demoPort }) => ({ default: () => <AppRenderer port={demoPort} basePath={`${BASE}demo`} /> })))
  : undefined;

function Root() {
  const appId = decodeURIComponent(window.location.pathname.slice(BASE.length).split('/')[0] ?? '');
  const [signIn, setSignIn] = useState(false);
  const [session, setSession] = useState(0);
  const port = useMemo(() => (appId ? createHttpDataPort(appId) : undefined), [appId, session]); // eslint-disable-line react-hooks/exhaustive-deps
  const needSignIn = useCallback(() => setSignIn(true), []);
  const signOut = useCallback(() => {
    void fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' } }).finally(
      () => setSignIn(true),
    );
  }, []);

  if (DemoApp && appId === 'demo')
    return (
      <Suspense>
        <DemoApp />
      </Suspense>
    );
  if (signIn) {
    return (
      <I18nProvider>
        <SignInPage
          onSignedIn={() => {
            setSignIn(false);
            setSession((n) => n + 1);
          }}
        />
      </I18nProvider>
    );
  }
  if (!port)
    return (
      <I18nProvider>
        <AppListPage onUnauthorized={needSignIn} />
      </I18nProvider>
    );
  return (
    <AppRenderer
      key={session}
      port={port}
      basePath={`${BASE}${encodeURIComponent(appId)}`}
      onUnauthorized={needSignIn}
      onSignOut={signOut}
      onChangePassword={changeOwnPassword}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider theme={{ zeroRuntime: true }}>
      <Root />
    </ConfigProvider>
  </StrictMode>,
);
