import { useEffect, useState } from 'react';
import type { Entity, EntitySource, Filter } from '@tessera/core';
import { findEntity } from '../../context/entity-model';
import { useRenderer } from '../../context/renderer.context';
import { missingParams, resolveFilter } from '../../expressions/resolve-filter';

export interface EntitySourceState {
  source?: EntitySource;
  entity?: Entity;
  /** The source filter with route parameters and expressions replaced; undefined until ready. */
  filter?: Filter;
  ready: boolean;
  /** Why the component can't load: no entity source, unknown entity, a missing route parameter. */
  problem?: { key: string; values?: Record<string, string> };
}

/** The entity a data component is bound to, with its filter resolved against the page. */
export function useEntitySource(rawSource: unknown): EntitySourceState {
  const { definition, params, user, mode } = useRenderer();
  const source = (rawSource as { kind?: string } | undefined)?.kind === 'entity' ? (rawSource as EntitySource) : undefined;
  const entity = findEntity(definition, source?.entity);
  const [state, setState] = useState<{ filter?: Filter; ready: boolean; error?: string }>({ ready: false });
  const filterKey = JSON.stringify(source?.filter ?? null) + JSON.stringify(params);
  useEffect(() => {
    let alive = true;
    if (!source?.filter) {
      setState({ filter: undefined, ready: true });
      return;
    }
    resolveFilter(source.filter, { params, user })
      .then((filter) => alive && setState({ filter, ready: true }))
      .catch((err: Error) => alive && setState({ ready: false, error: err.message }));
    return () => {
      alive = false;
    };
  }, [filterKey]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!source) return { ready: false, problem: { key: 'app.noSource' } };
  if (!entity) return { source, ready: false, problem: { key: 'app.unknownEntity', values: { entity: source.entity } } };
  const missing = missingParams(source.filter, params);
  // A related list outside its record page has nothing to follow; on the builder canvas it just shows empty.
  if (missing.length && mode === 'live') return { source, entity, ready: false, problem: { key: 'form.noRecord' } };
  if (state.error) return { source, entity, ready: false, problem: { key: 'common.error' } };
  return { source, entity, filter: state.filter, ready: state.ready };
}
