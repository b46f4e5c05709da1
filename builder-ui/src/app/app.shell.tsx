/**
 * Top level: who is signed in, then the app list or the editor. The open app is in the URL hash
 * (#/apps/<id>) so a reload or a shared link reopens it.
 */
import { Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/api.client';
import { appsApi, type User } from '../api/apps.api';
import { ExpressionHost } from '../expressions/expression-host';
import { AppListPage } from './app-list.page';
import { closeApp, openApp } from './editor-session';
import { EditorLayout } from './editor.layout';
import { LoginPage } from './login.page';

const appFromHash = () => /^#\/apps\/([a-z][a-z0-9-]{1,62})$/.exec(location.hash)?.[1] ?? null;

export function AppShell() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [appId, setAppId] = useState<string | null>(appFromHash);

  const refreshUser = useCallback(() => {
    appsApi.me().then(setUser, (e) => setUser(e instanceof ApiError && e.status === 401 ? null : null));
  }, []);
  useEffect(refreshUser, [refreshUser]);
  useEffect(() => {
    const onHash = () => setAppId(appFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (!user || !appId) return closeApp();
    openApp(appId).catch(() => { location.hash = ''; });
  }, [user, appId]);

  if (user === undefined) return <Spin size="large" style={{ margin: 96 }} />;
  if (!user) return <LoginPage onSignedIn={refreshUser} />;
  if (!appId) {
    return <AppListPage onOpen={(id) => { location.hash = `#/apps/${id}`; }} onSignOut={() => { void appsApi.logout().finally(() => setUser(null)); }} />;
  }
  return (
    <ExpressionHost>
      <EditorLayout onBack={() => { location.hash = ''; }} />
    </ExpressionHost>
  );
}
