/**
 * The rollback button and its confirmation, which says what happens to stored data: which
 * entities and fields renamed since that version are renamed back (their records and values move
 * with them, applicableRollbackRenames), or plainly that data is not changed.
 */
import { RollbackOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isFieldEntry, type RenameEntry } from '@tessera/core/renames';
import { appsApi, type VersionInfo } from '../api/apps.api';
import { labelText, type Draft } from '../store/draft.types';
import { applicableRollbackRenames } from './rollback-renames';

interface Plan {
  renames: RenameEntry[];
  /** The version rolled back from (its labels name what moves) and the target (the names it gets back). */
  current: Draft | null;
  target: Draft | null;
}

/** Only versions after `n` that migrated renames have data to move back; the others need no fetch. */
async function planRollback(appId: string, versions: VersionInfo[], n: number): Promise<Plan> {
  if (!versions.some((v) => v.version > n && v.migrated)) return { renames: [], current: null, target: null };
  const [target, current] = await Promise.all([appsApi.version(appId, n), appsApi.version(appId, versions[0].version)]);
  return {
    renames: applicableRollbackRenames(versions, target, current.definition),
    current: current.definition,
    target: target.definition,
  };
}

function RenameLines({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const entity = (def: Draft | null, id: string) => {
    const e = def?.entities?.find((x) => x.id === id);
    return e ? labelText(e.label, i18n.language, id) : id;
  };
  const field = (def: Draft | null, entityId: string, id: string) => {
    const f = def?.entities?.find((x) => x.id === entityId)?.fields?.find((x) => x.id === id);
    return f ? labelText(f.label, i18n.language, id) : id;
  };
  // Field entries name the entity by its id after the rename, i.e. in the target.
  const targetEntityOf = (id: string) => plan.renames.find((r) => !isFieldEntry(r) && r.from === id)?.to ?? id;
  return (
    <div style={{ maxWidth: 360 }} data-testid="rollback-data">
      {t('versions.rollbackRenames')}
      <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
        {plan.renames.map((r) => (
          <li key={JSON.stringify(r)}>
            {isFieldEntry(r)
              ? t('versions.rollbackField', {
                  entity: entity(plan.target, r.entity),
                  from: field(plan.current, currentEntityOf(plan, r.entity), r.from),
                  to: field(plan.target, r.entity, r.to),
                })
              : t('versions.rollbackEntity', { from: entity(plan.current, r.from), to: entity(plan.target, targetEntityOf(r.from)) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The current id of an entity the plan names by its target id. */
const currentEntityOf = (plan: Plan, targetId: string) => plan.renames.find((r) => !isFieldEntry(r) && r.to === targetId)?.from ?? targetId;

export function RollbackConfirm({
  appId,
  versions,
  version,
  onConfirm,
}: {
  appId: string;
  versions: VersionInfo[];
  version: number;
  onConfirm(renames: RenameEntry[]): Promise<void>;
}) {
  const { t } = useTranslation();
  const [plan, setPlan] = useState<Plan | Error | null>(null);
  const description =
    plan === null ? (
      <Spin size="small" tip={t('versions.rollbackChecking')}>
        <div style={{ width: 200, height: 24 }} />
      </Spin>
    ) : plan instanceof Error ? (
      plan.message
    ) : plan.renames.length ? (
      <RenameLines plan={plan} />
    ) : (
      <span data-testid="rollback-data">{t('versions.rollbackNoData')}</span>
    );
  return (
    <Popconfirm
      // The button sits at the table's right edge and the text grows once the plan has loaded:
      // open towards the left, with a bounded width, so nothing runs off the screen.
      placement="topRight"
      title={t('versions.rollbackConfirm', { n: version })}
      description={<div style={{ maxWidth: 420 }}>{description}</div>}
      okButtonProps={{ disabled: !plan || plan instanceof Error }}
      onOpenChange={(open) => {
        if (!open) return;
        setPlan(null);
        planRollback(appId, versions, version).then(setPlan, (e: Error) => setPlan(e));
      }}
      onConfirm={() => (plan && !(plan instanceof Error) ? onConfirm(plan.renames) : undefined)}
    >
      <Button size="small" icon={<RollbackOutlined />}>
        {t('versions.rollback')}
      </Button>
    </Popconfirm>
  );
}
