/**
 * What the app client learns about connector operations: for each operation a component of the
 * app is bound to and the caller may call, its title, kind and schemas — nothing about the
 * connection's configuration or credential, and nothing about operations the app does not use.
 * Cached per definition and role set (definitions are immutable once published).
 */
import type { AppDefinition, Pagination } from '@tessera/core';
import type { OperationInfo } from '@tessera/core/wire';
import type { Caller } from '../policy/policy.types';
import { mayCall } from './connection-access';
import type { ConnectorCatalogue } from './connector-catalogue';

const cache = new WeakMap<AppDefinition, Map<string, Record<string, Record<string, OperationInfo>>>>();

/** Connection and operation of every component bound to one (any depth). */
export function boundOperations(def: AppDefinition): Array<{ connection: string; operation: string }> {
  const out: Array<{ connection: string; operation: string }> = [];
  const walk = (components: unknown[]) => {
    for (const c of components as Array<{
      source?: { kind?: string; connection?: string; operation?: string };
      children?: unknown[];
      props?: { actions?: unknown[] };
    }>) {
      if (c.source?.kind === 'connector' && c.source.connection && c.source.operation)
        out.push({ connection: c.source.connection, operation: c.source.operation });
      if (c.children) walk(c.children);
    }
  };
  for (const page of def.pages) walk(page.components);
  return out;
}

function pagingParams(p: Pagination): string[] {
  return [p.cursorParam, p.limitParam, p.offsetParam, p.pageParam].filter((x): x is string => typeof x === 'string');
}

export function operationsFor(
  def: AppDefinition,
  caller: Caller,
  catalogue: ConnectorCatalogue,
): Record<string, Record<string, OperationInfo>> {
  const key = caller.bypass ? '*' : caller.roles.join('\u0000');
  let perDef = cache.get(def);
  if (!perDef) cache.set(def, (perDef = new Map()));
  const hit = perDef.get(key);
  if (hit) return hit;
  const out: Record<string, Record<string, OperationInfo>> = {};
  for (const { connection, operation } of boundOperations(def)) {
    const conn = def.connections.find((c) => c.id === connection);
    const manifest = conn ? catalogue.resolve(conn.connector) : undefined;
    const op = manifest?.operations.find((o) => o.id === operation);
    if (!conn || !op || !mayCall(caller, conn, operation)) continue;
    (out[connection] ??= {})[operation] = {
      title: op.title,
      kind: op.kind ?? 'action',
      input: op.input,
      output: op.output,
      ...(op.http?.pagination ? { paged: true, pagingParams: pagingParams(op.http.pagination) } : {}),
    };
  }
  if (perDef.size > 1000) perDef.clear();
  perDef.set(key, out);
  return out;
}
