/**
 * Compares two versions, or a version and the draft: first what changed in words (semantic-diff.ts),
 * then the side-by-side JSON. The draft is compared in its normal form (the form a publish stores),
 * so right after a publish the draft and its version read "No changes".
 */
import { DiffOutlined } from '@ant-design/icons';
import { Alert, Select, Space, Spin, Switch, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eventOf, logRename, type RenameEntry } from '@tessera/core/renames';
import { appsApi, type VersionInfo } from '../api/apps.api';
import { useBuilder } from '../store/builder.store';
import type { Draft } from '../store/draft.types';
import { normalForm } from '../store/normal-form';
import { validateDraft } from '../store/validate-draft';
import { ChangeList } from './change.list';
import { invertRenames, renamesBetween } from './rollback-renames';
import { semanticDiff, type Change } from './semantic-diff';

const JsonDiff = lazy(() => import('../json/json.editor').then((m) => ({ default: m.JsonDiff })));
const DRAFT = 'draft';
/** Numbers each pair of texts shown (the diff editor's key). */
let diffs = 0;

interface Compared {
  key: string;
  left: string;
  right: string;
  changes: Change[];
}

export function DiffPanel({ versions }: { versions: VersionInfo[] }) {
  const { t, i18n } = useTranslation();
  const appId = useBuilder((s) => s.appId)!;
  const draft = useBuilder((s) => s.definition);
  const log = useBuilder((s) => s.renames);
  const live = useBuilder((s) => s.live?.version ?? versions[0]?.version);
  const [left, setLeft] = useState<string | undefined>();
  const [right, setRight] = useState<string>(DRAFT);
  const [json, setJson] = useState(true);
  const [compared, setCompared] = useState<Compared | null>(null);

  // From the live version, and again after each publish or rollback: "what would publishing change".
  useEffect(() => {
    if (live !== undefined) setLeft(String(live));
  }, [live]);

  useEffect(() => {
    if (!left || !draft || live === undefined) return;
    let cancelled = false;
    const load = async (key: string): Promise<Draft> =>
      key === DRAFT ? normalForm(draft) : (await appsApi.version(appId, Number(key))).definition;
    // The draft stands at the live version plus its rename log.
    const toDraft = (from: number) => log.map(eventOf).reduce(logRename, renamesBetween(versions, from, live));
    const renames = (from: string, to: string): RenameEntry[] =>
      from === to
        ? []
        : to === DRAFT
          ? toDraft(Number(from))
          : from === DRAFT
            ? invertRenames(toDraft(Number(to)))
            : renamesBetween(versions, Number(from), Number(to));
    void Promise.all([load(left), load(right)]).then(
      ([l, r]) =>
        !cancelled &&
        setCompared({
          key: String(++diffs),
          left: JSON.stringify(l, null, 2),
          right: JSON.stringify(r, null, 2),
          changes: semanticDiff(l, r, renames(left, right), i18n.language),
        }),
    );
    return () => {
      cancelled = true;
    };
  }, [left, right, appId, draft, log, live, versions, i18n.language]);

  if (!versions.length) return null;
  const options = [
    { value: DRAFT, label: t('versions.draft') },
    ...versions.map((v) => ({ value: String(v.version), label: `v${v.version}${v.note ? ` — ${v.note}` : ''}` })),
  ];
  const draftInvalid = (left === DRAFT || right === DRAFT) && !!draft && !validateDraft(draft).ok;
  const same = compared && compared.left === compared.right;
  return (
    <div style={{ marginTop: 24 }}>
      <Space style={{ marginBottom: 8 }} wrap>
        <DiffOutlined />
        <Typography.Text strong>{t('versions.diff')}</Typography.Text>
        <Select aria-label={t('versions.left')} style={{ width: 220 }} value={left} options={options} onChange={setLeft} />
        →
        <Select aria-label={t('versions.right')} style={{ width: 220 }} value={right} options={options} onChange={setRight} />
        <Switch checked={json} onChange={setJson} aria-label={t('versions.showJson')} data-testid="show-json" />
        <Typography.Text type="secondary">{t('versions.showJson')}</Typography.Text>
      </Space>
      {draftInvalid && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t('versions.unnormalised')} />}
      <div style={{ marginBottom: 12 }}>{compared ? <ChangeList changes={compared.changes} /> : <Spin style={{ margin: 16 }} />}</div>
      {json && compared && !same && (
        <div style={{ height: 480, border: '1px solid #d9d9d9', borderRadius: 6, overflow: 'hidden' }} data-testid="diff">
          <Suspense fallback={<Spin style={{ margin: 32 }} />}>
            {/* One diff editor per pair: reusing it for another pair applied the old diff to the new texts (Monaco threw "startLineNumber … cannot be after endLineNumberExclusive"). */}
            <JsonDiff key={compared.key} original={compared.left} modified={compared.right} />
          </Suspense>
        </div>
      )}
    </div>
  );
}
