/**
 * Builds a generated form's context from the current draft: the choices for each reference kind
 * (entities, the fields of the entity in context, pages, roles…) and the expression editor.
 */
import { SYSTEM_FIELDS, type RefSpec } from '@tessera/schemas';
import { useMemo } from 'react';
import type { FormContextValue, RefOption } from '../forms/form-context';
import { allComponentIds } from '../store/component-tree';
import { useBuilder } from '../store/builder.store';
import { labelText, type Draft } from '../store/draft.types';
import { useExpressionEditor } from '../expressions/expression-host';

const WRITE_ONLY_EXCLUDED = new Set(['computed', 'rollup']);

export function refOptions(def: Draft | null, kind: string, entityId?: string): RefOption[] {
  if (!def) return [];
  const entity = def.entities?.find((e) => e.id === entityId);
  switch (kind) {
    case 'entity':
      return (def.entities ?? []).map((e) => ({ value: e.id, label: `${labelText(e.label, 'en', e.id)} (${e.id})` }));
    case 'field':
    case 'filter':
    case 'sort':
      return [...(entity?.fields ?? []).map((f) => ({ value: f.id, label: `${labelText(f.label, 'en', f.id)} · ${f.type}` })), ...(SYSTEM_FIELDS as readonly string[]).map((id) => ({ value: id, label: `${id} · system` }))];
    case 'input':
      return (entity?.fields ?? []).filter((f) => !WRITE_ONLY_EXCLUDED.has(f.type)).map((f) => ({ value: f.id, label: `${labelText(f.label, 'en', f.id)} · ${f.type}` }));
    case 'page':
      return (def.pages ?? []).map((p) => ({ value: p.id, label: `${labelText(p.title, 'en', p.id)} (${p.route})` }));
    case 'component':
      return [...allComponentIds(def)].map((id) => ({ value: id, label: id }));
    default: {
      const list = (def[`${kind}s`] as Array<{ id: string; label?: unknown }> | undefined) ?? [];
      return list.map((x) => ({ value: x.id, label: labelText(x.label, 'en', x.id) }));
    }
  }
}

export function useAppFormContext(refs: RefSpec[], entityId?: string): Partial<FormContextValue> {
  const def = useBuilder((s) => s.definition);
  const openExpression = useExpressionEditor(entityId);
  return useMemo(
    () => ({
      refs,
      entityId,
      locales: ((def?.locales as string[] | undefined) ?? ['en']),
      options: (kind: string) => refOptions(def, kind, entityId),
      openExpression,
    }),
    [refs, entityId, def, openExpression],
  );
}
