import { Skeleton, Typography } from 'antd';
import type { RelationField } from '@tessera/core';
import {
  displayOf,
  findEntity,
  recordPageOf,
  useRenderer,
  type FieldDisplayProps,
  EmptyValue,
  isEmpty,
  LOOKUP_FAILED,
} from '@tessera/renderer/kit';
import { LookupFailed, NoAccess } from './no-access.render';
import { useRelated } from './use-related.render';

/**
 * The related record's display value, linked to the page that shows that entity's records. A
 * record the server does not return (out of the user's rows, or an entity they may not read)
 * shows as "no access".
 */
export function RelationDisplay({ field, value }: FieldDisplayProps<RelationField>) {
  const { definition, hrefOf, navigate, mode } = useRenderer();
  const ids = isEmpty(value) ? [] : (Array.isArray(value) ? value : [value]).map(String);
  const related = useRelated(field.to, ids);
  if (!ids.length) return <EmptyValue />;
  const target = findEntity(definition, field.to);
  const page = recordPageOf(definition, field.to);
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 8 }}>
      {ids.map((id) => {
        const record = related.get(id);
        if (record === undefined) return <Skeleton.Button key={id} active size="small" style={{ width: 80, height: 16 }} />;
        if (record === null) return <NoAccess key={id} entity={target} />;
        if (record === LOOKUP_FAILED) return <LookupFailed key={id} />;
        const text = displayOf(target, record);
        return page ? (
          <Typography.Link
            key={id}
            href={hrefOf(page.id, { id })}
            onClick={(e) => {
              e.preventDefault();
              e.stopPropagation();
              if (mode === 'live') navigate(page.id, { id });
            }}
          >
            {text}
          </Typography.Link>
        ) : (
          <Typography.Text key={id}>{text}</Typography.Text>
        );
      })}
    </span>
  );
}
