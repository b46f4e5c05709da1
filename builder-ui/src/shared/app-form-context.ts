/**
 * Builds a generated form's context from the current draft: the choices for each reference kind
 * (entities, the fields of the entity in context, pages, roles…) and the expression editor.
 */
import { isStoredField, SYSTEM_FIELDS, type RefSpec } from '@tessera/core';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FormContextValue, RefOption } from '../forms/form-context';
import { allComponentIds } from '../store/component-tree';
import { builderStore, useBuilder } from '../store/builder.store';
import { labelText, type Draft } from '../store/draft.types';
import { useExpressionEditor } from '../expressions/expression-host';

/** `kind` may say what a field ref accepts (`field:options`, see RefSpec.accepts): only such fields are offered. */
export function refOptions(def: Draft | null, key: string, entityId?: string): RefOption[] {
  if (!def) return [];
  const [kind, accepts] = key.split(':');
  const entity = def.entities?.find((e) => e.id === entityId);
  const fieldOption = (f: { id: string; label?: unknown; type: string }) => ({
    value: f.id,
    label: `${labelText(f.label, 'en', f.id)} · ${f.type}`,
  });
  const system = (SYSTEM_FIELDS as readonly string[]).map((id) => ({ value: id, label: `${id} · system` }));
  switch (kind) {
    case 'entity':
      return (def.entities ?? []).map((e) => ({ value: e.id, label: `${labelText(e.label, 'en', e.id)} (${e.id})` }));
    case 'field':
      if (accepts === 'options') return (entity?.fields ?? []).filter((f) => 'options' in f).map(fieldOption);
      // What the store groups, sorts, filters and aggregates: stored values (the validator refuses the rest).
      if (accepts) return [...(entity?.fields ?? []).filter(isStoredField).map(fieldOption), ...system];
      return [...(entity?.fields ?? []).map(fieldOption), ...system];
    case 'filter':
    case 'sort':
      return [...(entity?.fields ?? []).filter(isStoredField).map(fieldOption), ...system];
    case 'input':
      return (entity?.fields ?? [])
        .filter(isStoredField)
        .map((f) => ({ value: f.id, label: `${labelText(f.label, 'en', f.id)} · ${f.type}` }));
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

/**
 * What the reference choices depend on: every top-level part of the draft by identity, except
 * pages, whose components change with every property edit — of those only the ids, titles and
 * routes count. Keeping the context stable while typing is what lets memoised fields skip.
 */
function optionDeps(def: Draft | null): unknown[] {
  if (!def) return [];
  const deps = Object.entries(def)
    .filter(([key]) => key !== 'pages')
    .map(([, v]) => v);
  deps.push(JSON.stringify((def.pages ?? []).map((p) => [p.id, p.title, p.route])), [...allComponentIds(def)].join(' '));
  return deps;
}

const NO_REFS: RefSpec[] = [];

export function useAppFormContext(refs: RefSpec[] = NO_REFS, entityId?: string): Partial<FormContextValue> {
  const deps = useBuilder(useShallow((s) => optionDeps(s.definition)));
  const openExpression = useExpressionEditor(entityId);
  return useMemo(() => {
    // Read when the choices' inputs changed (deps), so it is the draft they were computed from.
    const def = builderStore.getState().definition;
    return {
      refs,
      entityId,
      locales: (def?.locales as string[] | undefined) ?? ['en'],
      options: (kind: string) => refOptions(def, kind, entityId),
      openExpression,
    };
  }, [refs, entityId, deps, openExpression]); // eslint-disable-line react-hooks/exhaustive-deps -- deps is the trigger: the draft is read from the store when the choices' inputs change
}
