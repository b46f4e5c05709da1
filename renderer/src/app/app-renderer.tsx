import { MenuOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Drawer, Grid, Layout, Result, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Label } from '@tessera/core';
import { RendererProvider } from '../context/renderer.context';
import { isApiError } from '../data/api-error';
import type { DataPort, RuntimeInfo } from '../data/data-port';
import { I18nProvider, preferredLocale, useT } from '../i18n/i18n.provider';
import { AppHeader } from './app-header';
import { AppMenu } from './app-menu';
import { PageView } from './page-view';
import { buildPath, matchRoute } from './routes';
import { useAppRouter } from './use-app-router';

export interface AppRendererProps {
  port: DataPort;
  /** URL prefix of the app (`/apps/b2b-sales`); routes of the definition are below it. */
  basePath?: string;
  /** 'memory' keeps navigation inside the component (builder preview). */
  history?: 'browser' | 'memory';
  onSignOut?(): void;
  /** Offered in the user menu when given (the host knows the account API: `changeOwnPassword`); rejects with an ApiError. */
  onChangePassword?(currentPassword: string, newPassword: string): Promise<void>;
  /** Called on a 401 (session expired): the host shows its sign-in page. */
  onUnauthorized?(): void;
  locale?: string;
}

/** A whole end-user app: loads the published definition, then header, menu and the routed page. */
export function AppRenderer(props: AppRendererProps) {
  return (
    <I18nProvider locale={props.locale ?? preferredLocale()}>
      <AppShell {...props} />
    </I18nProvider>
  );
}

function AppShell({ port, basePath = '', history = 'browser', onSignOut, onChangePassword, onUnauthorized }: AppRendererProps) {
  const { t, label } = useT();
  const { notification } = AntApp.useApp();
  const [info, setInfo] = useState<RuntimeInfo>();
  const [error, setError] = useState<unknown>();
  const { path, go } = useAppRouter(basePath, history);
  const screens = Grid.useBreakpoint();
  const [menuOpen, setMenuOpen] = useState(false);

  const load = useCallback(() => {
    setError(undefined);
    port
      .runtime()
      .then(setInfo)
      .catch((err) => {
        if (isApiError(err, 401) && onUnauthorized) onUnauthorized();
        else setError(err);
      });
  }, [port, onUnauthorized]);
  useEffect(load, [load]);

  // A new publish: tell the user and reload the definition (their current page stays).
  // Subscribed once the app has loaded (not before the sign-in check answered).
  const loaded = !!info;
  useEffect(
    () =>
      loaded
        ? port.subscribe((e) => {
            if (e.kind !== 'published') return;
            notification.info({ title: t('app.published'), placement: 'bottomRight' });
            load();
          })
        : undefined,
    [port, load, notification, t, loaded],
  );

  const def = info?.definition;
  const match = useMemo(() => (def ? matchRoute(def.pages ?? [], path) : undefined), [def, path]);
  // Values handed to the next page's create form; kept for that page only, until it is left.
  const [prefill, setPrefill] = useState<{ path: string; values: Record<string, unknown> }>();
  const navigate = useCallback(
    (pageId: string, params?: Record<string, string>, values?: Record<string, unknown>) => {
      const page = def?.pages?.find((p) => p.id === pageId);
      if (!page) return;
      const to = buildPath(page, params);
      setPrefill(values ? { path: to, values } : undefined);
      go(to);
    },
    [def, go],
  );
  const hrefOf = useCallback(
    (pageId: string, params?: Record<string, string>) => {
      const page = def?.pages?.find((p) => p.id === pageId);
      return page ? `${basePath}${buildPath(page, params)}` : undefined;
    },
    [def, basePath],
  );

  useEffect(() => {
    if (info && typeof document !== 'undefined')
      document.title = match ? `${label(match.page.title as Label)} · ${info.app.name}` : info.app.name;
  }, [info, match, label]);

  if (error) {
    return (
      <Result
        status={isApiError(error, 403) ? '403' : isApiError(error, 404) ? '404' : 'error'}
        title={t('app.loadFailed')}
        subTitle={(error as Error).message}
        extra={
          <Button type="primary" onClick={load}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!info || !def)
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <Spin size="large" />
      </div>
    );

  const body = match ? (
    <RendererProvider
      definition={def}
      port={port}
      permissions={info.permissions}
      user={info.user}
      operations={info.operations ?? {}}
      params={match.params}
      prefill={prefill?.path === path ? prefill.values : undefined}
      navigate={navigate}
      hrefOf={hrefOf}
    >
      <PageView key={`${match.page.id}:${JSON.stringify(match.params)}`} page={match.page} />
    </RendererProvider>
  ) : (
    <Result
      status="404"
      title={(def.pages ?? []).length ? t('app.notFound') : t('app.noPages')}
      subTitle={(def.pages ?? []).length ? t('app.notFoundHint') : undefined}
      extra={
        (def.pages ?? []).length ? (
          <Button type="primary" onClick={() => go(def.pages![0].route.includes(':') ? '/' : buildPath(def.pages![0]))}>
            {t('app.home')}
          </Button>
        ) : undefined
      }
    />
  );
  // Narrow screens: the menu is a drawer opened from the header, so it never covers the page.
  const narrow = screens.lg === false;
  const menu = (
    <AppMenu
      definition={def}
      permissions={info?.permissions}
      selected={match?.page.id}
      onOpen={(id) => {
        setMenuOpen(false);
        navigate(id);
      }}
    />
  );
  const brand = (
    <div
      style={{ height: 56, display: 'flex', alignItems: 'center', padding: '0 20px', color: '#fff', fontWeight: 600, letterSpacing: 0.3 }}
    >
      Tessera
    </div>
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!narrow && (
        <Layout.Sider width={220} style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
          {brand}
          {menu}
        </Layout.Sider>
      )}
      {narrow && (
        <Drawer
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          placement="left"
          size={260}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          {brand}
          {menu}
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: '#fff',
            padding: narrow ? '0 12px' : '0 24px',
            height: 56,
            lineHeight: '56px',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {narrow && <Button type="text" icon={<MenuOutlined />} onClick={() => setMenuOpen(true)} aria-label="menu" />}
          <AppHeader info={info} onSignOut={onSignOut} onChangePassword={onChangePassword} />
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>{body}</Layout.Content>
      </Layout>
    </Layout>
  );
}
