import { ExclamationCircleOutlined, LockOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import type { Entity, Label } from '@tessera/core';
import { useT } from '@tessera/renderer/kit';

/**
 * Stands for a related record the user may not read (another rep's company): the server answers
 * as if it did not exist, so there is no name to show, and its id is no name either.
 */
export function NoAccess({ entity }: { entity: Entity | undefined }) {
  const { t, label } = useT();
  return (
    <Tooltip title={t('field.relation.noAccessHint', { entity: label(entity?.label as Label | undefined, entity?.id ?? '') })}>
      <Typography.Text type="secondary" data-testid="relation-no-access">
        <LockOutlined /> {t('field.relation.noAccess')}
      </Typography.Text>
    </Tooltip>
  );
}

/** A related record whose lookup failed (offline, server error): said as such, not as "no access". */
export function LookupFailed() {
  const { t } = useT();
  return (
    <Tooltip title={t('field.relation.lookupFailedHint')}>
      <Typography.Text type="warning" data-testid="relation-lookup-failed">
        <ExclamationCircleOutlined /> {t('field.relation.lookupFailed')}
      </Typography.Text>
    </Tooltip>
  );
}
