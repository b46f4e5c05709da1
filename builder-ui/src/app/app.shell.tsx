/**
 * Top level: who is signed in, then the app list or the editor. The open app is in the URL hash
 * (#/apps/<id>) so a reload or a shared link reopens it.
 */
import { provideDefinitionSchemaValidator } from '@tessera/core';
import { Spin } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api.client';
import { appsApi, type User } from '../api/apps.api';
import { ExpressionHost } from '../expressions/expression-host';
import { preloadRenderer } from '../pages/renderer-bridge';
import { AppListPage } from './app-list.page';
import { closeApp, openApp } from './editor-session';
import { EditorLayout } from './editor.layout';
import { LoginPage } from './login.page';

/**
 * What the editor needs next, loaded while the draft is on its way rather than after it: the
 * first screens, the definition validator and the renderer the canvas and preview draw with. (The Data screen starts the ER
 * diagram's chunk.)
 */
function preloadEditor(): void {
  // The validator compiled at build time: without it, the first validation compiles the schema.
  void import('virtual:tessera/definition-validator').then(
    (m) => provideDefinitionSchemaValidator(m.default),
    () => {},
  );
  void import('../data/data.designer');
  void import('../pages/page.designer');
  preloadRenderer();
}

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
  // The app opens while /auth/me is still on its way (one round trip instead of two before the
  // editor shows); a 401 just means the sign-in page comes first, then the app opens again.
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (user === null || !appId) {
      opened.current = null;
      return closeApp();
    }
    if (opened.current === appId) return;
    opened.current = appId;
    preloadEditor();
    openApp(appId).catch((e) => {
      opened.current = null;
      if (!(e instanceof ApiError && e.status === 401)) location.hash = '';
    });
  }, [user, appId]);

  if (user === undefined) return <Spin size="large" style={{ margin: 96 }} />;
  if (!user) return <LoginPage onSignedIn={refreshUser} />;
  if (!appId) {
    return (
      <AppListPage
        onOpen={(id) => {
          location.hash = `#/apps/${id}`;
        }}
        onSignOut={() => {
          void appsApi.logout().finally(() => setUser(null));
        }}
      />
    );
  }
  return (
    <ExpressionHost>
      <EditorLayout
        onBack={() => {
          location.hash = '';
        }}
      />
    </ExpressionHost>
  );
}
