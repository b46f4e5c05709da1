/**
 * Commands of the Connections screen: the draft's `connections` (connection.schema.json), each
 * a connector `name@range`, its config, credential reference, per-operation role access and cache.
 */
import type { Draft } from '../draft.types';
import { applyPatch, replaceWhere, type Command } from './command.types';

export interface DraftConnection {
  id: string;
  label?: unknown;
  connector: string;
  config?: Record<string, unknown>;
  credential?: string;
  access?: Record<string, string[]>;
  cacheSeconds?: number;
  [key: string]: unknown;
}

const NONE: DraftConnection[] = [];
/** The draft's connections; one shared empty list when there are none (a stable store selector). */
export const connectionsOf = (def: Draft | null | undefined): DraftConnection[] =>
  (def?.connections as DraftConnection[] | undefined) ?? NONE;

const withConnection = (def: Draft, id: string, fn: (c: DraftConnection) => DraftConnection): Draft => ({
  ...def,
  connections: replaceWhere(connectionsOf(def), (c) => c.id === id, fn, `connection "${id}"`),
});

const addConnection: Command<{ connection: DraftConnection }> = (def, { connection }) => {
  if (connectionsOf(def).some((c) => c.id === connection.id)) throw new Error(`connection "${connection.id}" exists`);
  return { ...def, connections: [...connectionsOf(def), connection] };
};

/** Label, connector range, config, credential, cacheSeconds; `undefined` removes a key. */
const updateConnection: Command<{ connectionId: string; patch: Record<string, unknown> }> = (def, { connectionId, patch }) => {
  const { id: _id, ...rest } = patch;
  return withConnection(def, connectionId, (c) => applyPatch(c, rest));
};

/** The id is what sources name: components bound to the connection follow it. */
const renameConnection: Command<{ connectionId: string; id: string }> = (def, { connectionId, id }) => {
  if (id === connectionId) return def;
  const next = withConnection(def, connectionId, (c) => ({ ...c, id }));
  const follow = (list: unknown[]): unknown[] =>
    list.map((c) => {
      const comp = c as { source?: { kind?: string; connection?: string }; children?: unknown[] };
      let out = comp;
      if (comp.source?.kind === 'connector' && comp.source.connection === connectionId)
        out = { ...out, source: { ...comp.source, connection: id } };
      if (comp.children) out = { ...out, children: follow(comp.children) };
      return out;
    });
  return { ...next, pages: (next.pages ?? []).map((p) => ({ ...p, components: follow(p.components ?? []) as typeof p.components })) };
};

const removeConnection: Command<{ connectionId: string }> = (def, { connectionId }) => {
  const connections = connectionsOf(def).filter((c) => c.id !== connectionId);
  const { connections: _old, ...rest } = def;
  return connections.length ? { ...def, connections } : (rest as Draft);
};

/** The roles that may call one operation (`*`: every operation); no roles removes the entry. */
const setConnectionAccess: Command<{ connectionId: string; operation: string; roles: string[] }> = (
  def,
  { connectionId, operation, roles },
) =>
  withConnection(def, connectionId, (c) => {
    const access = { ...(c.access ?? {}) };
    if (roles.length) access[operation] = roles;
    else delete access[operation];
    return applyPatch(c, { access: Object.keys(access).length ? access : undefined });
  });

export const connectionCommands = { addConnection, updateConnection, renameConnection, removeConnection, setConnectionAccess };
