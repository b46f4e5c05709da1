import { AppstoreOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Result, Spin, Typography } from 'antd';
import type { AppSummary } from '@tessera/core/wire';
import { useEffect, useState } from 'react';

/** /apps/: the published apps the signed-in user can open. */
export function AppListPage({ onUnauthorized }: { onUnauthorized(): void }) {
  const [apps, setApps] = useState<AppSummary[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    fetch('/api/apps', { credentials: 'same-origin' })
      .then(async (res) => {
        if (res.status === 401) return onUnauthorized();
        if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
        const body = (await res.json()) as { items?: AppSummary[] } | AppSummary[];
        setApps(Array.isArray(body) ? body : (body.items ?? []));
      })
      .catch((err: Error) => setError(err.message));
  }, [onUnauthorized]);
  if (error)
    return <Result status="warning" title="Apps could not be listed" subTitle={`${error}. Open an app directly at /apps/<app id>.`} />;
  if (!apps)
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <Spin size="large" />
      </div>
    );
  return (
    <div style={{ maxWidth: 960, margin: '0 auto', padding: 24 }}>
      <Typography.Title level={2}>Apps</Typography.Title>
      {!apps.length ? (
        <Empty description="No apps yet" />
      ) : (
        <Flex wrap gap={16}>
          {apps.map((a) => (
            <a key={a.id} href={`/apps/${encodeURIComponent(a.id)}/`} style={{ flex: '1 1 280px', maxWidth: 440 }}>
              <Card hoverable>
                <Card.Meta avatar={<AppstoreOutlined style={{ fontSize: 24, color: '#1677ff' }} />} title={a.name} description={a.id} />
              </Card>
            </a>
          ))}
        </Flex>
      )}
    </div>
  );
}
