/** Side-by-side diff of two versions, or of a version and the draft, on pretty-printed JSON. */
import { DiffOutlined } from '@ant-design/icons';
import { Select, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appsApi, type VersionInfo } from '../api/apps.api';
import { useBuilder } from '../store/builder.store';

const JsonDiff = lazy(() => import('../json/json.editor').then((m) => ({ default: m.JsonDiff })));
const DRAFT = 'draft';
/** Numbers each pair of texts shown (the diff editor's key). */
let diffs = 0;

export function DiffPanel({ versions }: { versions: VersionInfo[] }) {
  const { t } = useTranslation();
  const appId = useBuilder((s) => s.appId)!;
  const draft = useBuilder((s) => s.definition);
  const [left, setLeft] = useState<string | undefined>();
  const [right, setRight] = useState<string>(DRAFT);
  const [texts, setTexts] = useState<{ key: string; left: string; right: string } | null>(null);

  useEffect(() => {
    if (!left && versions[0]) setLeft(String(versions[0].version));
  }, [versions, left]);

  useEffect(() => {
    if (!left) return;
    let cancelled = false;
    const load = async (key: string) =>
      JSON.stringify(key === DRAFT ? draft : (await appsApi.version(appId, Number(key))).definition, null, 2);
    void Promise.all([load(left), load(right)]).then(([l, r]) => !cancelled && setTexts({ key: String(++diffs), left: l, right: r }));
    return () => {
      cancelled = true;
    };
  }, [left, right, appId, draft]);

  if (!versions.length) return null;
  const options = [
    { value: DRAFT, label: t('versions.draft') },
    ...versions.map((v) => ({ value: String(v.version), label: `v${v.version}${v.note ? ` — ${v.note}` : ''}` })),
  ];
  return (
    <div style={{ marginTop: 24 }}>
      <Space style={{ marginBottom: 8 }}>
        <DiffOutlined />
        <Typography.Text strong>{t('versions.diff')}</Typography.Text>
        <Select aria-label={t('versions.left')} style={{ width: 220 }} value={left} options={options} onChange={setLeft} />
        →
        <Select aria-label={t('versions.right')} style={{ width: 220 }} value={right} options={options} onChange={setRight} />
      </Space>
      <div style={{ height: 480, border: '1px solid #d9d9d9', borderRadius: 6, overflow: 'hidden' }} data-testid="diff">
        <Suspense fallback={<Spin style={{ margin: 32 }} />}>
          {/* One diff editor per pair: reusing it for another pair applied the old diff to the new texts (Monaco threw "startLineNumber … cannot be after endLineNumberExclusive"). */}
          {texts ? <JsonDiff key={texts.key} original={texts.left} modified={texts.right} /> : <Spin style={{ margin: 32 }} />}
        </Suspense>
      </div>
    </div>
  );
}
