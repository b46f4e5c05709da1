/**
 * A component bound to a connector operation: the operation as the runtime describes it (title,
 * kind, schemas), its input with route parameters and expressions resolved against the page, and
 * the call through the DataPort (the server calls the customer's API). One page at a time for
 * lists that page (`cursor` from the previous answer), all of it otherwise.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ConnectorSource } from '@tessera/core';
import { useRenderer } from '../../context/renderer.context';
import type { OperationAnswer, OperationInfo } from '../../data/data-port';
import { evaluate } from '../../expressions/expression.evaluate';
import { missingParams, resolveFilter } from '../../expressions/resolve-filter';

export interface ConnectorSourceState {
  source?: ConnectorSource;
  operation?: OperationInfo;
  answer?: OperationAnswer;
  loading: boolean;
  error?: unknown;
  /** Why nothing loads: not bound to an operation, not callable by this user, a missing route parameter, the builder canvas. */
  problem?: { key: string; values?: Record<string, string> };
  reload(): void;
}

export function useConnectorSource(
  rawSource: unknown,
  options: { extraInput?: Record<string, unknown>; page?: { size: number; cursor?: string } } = {},
): ConnectorSourceState {
  const { port, params, user, operations, mode } = useRenderer();
  const source = (rawSource as { kind?: string } | undefined)?.kind === 'connector' ? (rawSource as ConnectorSource) : undefined;
  const operation = source ? operations?.[source.connection]?.[source.operation] : undefined;
  const [state, setState] = useState<{ answer?: OperationAnswer; loading: boolean; error?: unknown }>({ loading: true });
  const [reloads, setReloads] = useState(0);
  const key = JSON.stringify([source, options.extraInput ?? null, options.page ?? null, params, reloads]);
  const missing = useMemo(() => [...missingParams(source?.input, params), ...(source?.record && !params.id ? ['id'] : [])], [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const callable = Boolean(source && operation && missing.length === 0 && mode === 'live');

  useEffect(() => {
    if (!callable || !source) return;
    let alive = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    (async () => {
      // The page's record (`source.record`, by the route's id) is `$record` for the input and the map.
      const record = source.record && params.id ? await port.get(source.record, params.id) : undefined;
      const input = await resolveFilter(source.input ?? {}, { params, user, record });
      const merged = { ...(input as Record<string, unknown>), ...dropEmpty(options.extraInput ?? {}) };
      const answer = await port.callOperation(source.connection, source.operation, {
        input: merged,
        ...(options.page ? { page: options.page } : {}),
      });
      if (!source.map) return answer;
      const output = await evaluate(source.map.$expr, { params, user, record, output: answer.output });
      return { ...answer, output };
    })()
      .then((answer) => alive && setState({ answer, loading: false }))
      .catch((error) => alive && setState({ loading: false, error }));
    return () => {
      alive = false;
    };
  }, [callable, key]); // eslint-disable-line react-hooks/exhaustive-deps

  const reload = () => setReloads((n) => n + 1);
  if (!source) return { loading: false, problem: { key: 'app.noSource' }, reload };
  if (mode === 'design') return { source, operation, loading: false, problem: { key: 'app.connectorPreview' }, reload };
  if (!operation) return { source, loading: false, problem: { key: 'app.notAvailable' }, reload };
  if (missing.length) return { source, operation, loading: false, problem: { key: 'form.noRecord' }, reload };
  return { source, operation, ...state, reload };
}

/** Filters the user left empty are not sent (the API's own default applies). */
function dropEmpty(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}
