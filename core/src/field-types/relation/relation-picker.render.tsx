import { Select, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { RelationField } from '@tessera/core';
import {
  type RecordData,
  displayOf,
  findEntity,
  isStored,
  searchFilter,
  usePermissions,
  useRenderer,
  type FieldInputProps,
  LOOKUP_FAILED,
} from '@tessera/renderer/kit';
import { LookupFailed, NoAccess } from './no-access.render';
import { useRelated } from './use-related.render';

/**
 * Picks related records with a server-side search on the target's text fields (the whole
 * target table is never loaded); selected values show their display text even when they are
 * not in the current search results, and "no access" when the user may not read them (the value
 * is kept as it is unless they pick another).
 */
export function RelationPicker({ field, value, onChange, disabled, placeholder, status, id }: FieldInputProps<RelationField>) {
  const { definition, port } = useRenderer();
  const target = findEntity(definition, field.to);
  const [options, setOptions] = useState<RecordData[]>([]);
  const [loading, setLoading] = useState(false);
  const [term, setTerm] = useState('');
  const seq = useRef(0);
  const selected = value == null || value === '' ? [] : (Array.isArray(value) ? value : [value]).map(String);
  const selectedRecords = useRelated(field.to, selected);
  const targetHidden = usePermissions(field.to).hidden;

  useEffect(() => {
    if (!target) return;
    const mine = ++seq.current;
    setLoading(true);
    const display = target.display && target.fields.find((f) => f.id === target.display);
    const timer = setTimeout(
      () => {
        port
          .list(field.to, {
            filter: searchFilter(target, term, targetHidden) as never,
            limit: 20,
            sort: display && isStored(display) ? [{ field: display.id, dir: 'asc' }] : undefined,
          })
          .then((page) => mine === seq.current && setOptions(page.items))
          .catch(() => mine === seq.current && setOptions([]))
          .finally(() => mine === seq.current && setLoading(false));
      },
      term ? 250 : 0,
    );
    return () => clearTimeout(timer);
  }, [term, field.to, port, target]); // eslint-disable-line react-hooks/exhaustive-deps -- targetHidden is a new [] per render without permissions; it changes only with the definition (target)

  const items = useMemo(() => {
    const byId = new Map<string, ReactNode>(options.map((r) => [r.id, displayOf(target, r)]));
    for (const sid of selected) {
      if (byId.has(sid)) continue;
      const record = selectedRecords.get(sid);
      // Still loading: nothing rather than the id; not readable (another rep's record) or not loaded: say so.
      byId.set(
        sid,
        record === null ? (
          <NoAccess entity={target} />
        ) : record === LOOKUP_FAILED ? (
          <LookupFailed />
        ) : record ? (
          displayOf(target, record)
        ) : (
          ''
        ),
      );
    }
    return [...byId].map(([value, label]) => ({ value, label }));
  }, [options, selected.join(','), selectedRecords, target]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Select
      id={id}
      mode={field.many ? 'multiple' : undefined}
      value={field.many ? selected : selected[0]}
      disabled={disabled}
      placeholder={placeholder}
      status={status}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      allowClear
      options={items}
      style={{ width: '100%' }}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      loading={loading}
      onChange={(v) => onChange(v === undefined || v === null ? undefined : v)}
      onOpenChange={(open) => !open && setTerm('')}
    />
  );
}
