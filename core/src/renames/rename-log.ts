/**
 * The rename log: the renames made since the last publish, stored with the draft on the server
 * (docs/api.md): field renames `{ entity, from, to }` (entity = its id now, from = the id at the
 * last publish) and entity renames `{ from, to }`. Publishing moves stored data for the entries
 * `renamesToPublish` keeps. The log is composed as renames happen (a -> b -> c is a -> c; b -> a
 * again is no rename), and anything renamed then deleted drops out. The builder, the server and
 * the CLI all use these rules, so every client publishes the same moves.
 */
import type { EntityRenameEntry, FieldRenameEntry, RenameEntry } from '../wire/api-types';

export type { EntityRenameEntry, FieldRenameEntry, RenameEntry };

/** The entities and field ids of a definition: all the log rules look at (drafts and published definitions alike). */
export interface EntityIds {
  entities?: ReadonlyArray<{ id: string; fields: ReadonlyArray<{ id: string }> }>;
}

/** What a command reports when it changed an id (commands stay pure; the store keeps the log). */
export type RenameEvent = { kind: 'field'; entity: string; from: string; to: string } | { kind: 'entity'; from: string; to: string };

/** The entities and field ids of any document, keeping only what is well-formed (a saved draft may be invalid). */
export function entityIdsOf(def: unknown): EntityIds {
  const entities = (def as { entities?: unknown } | null)?.entities;
  if (!Array.isArray(entities)) return { entities: [] };
  const ids = (list: unknown) =>
    Array.isArray(list) ? list.filter((x): x is { id: string } => typeof (x as { id?: unknown } | null)?.id === 'string') : [];
  return { entities: ids(entities).map((e) => ({ id: e.id, fields: ids((e as { fields?: unknown }).fields) })) };
}

export const sameRename = (a: RenameEntry, b: RenameEntry): boolean =>
  a.from === b.from && a.to === b.to && (isFieldEntry(a) ? isFieldEntry(b) && a.entity === b.entity : !isFieldEntry(b));

export const isFieldEntry = (r: RenameEntry): r is FieldRenameEntry => 'entity' in r;

export const eventOf = (r: RenameEntry): RenameEvent =>
  isFieldEntry(r) ? { kind: 'field', entity: r.entity, from: r.from, to: r.to } : { kind: 'entity', from: r.from, to: r.to };

/**
 * A list of renames in the order they were made, composed into a log. A composed log composes to
 * itself, so a client may send the whole log it holds, or the log it read plus a new entry.
 */
export const composeRenames = (renames: readonly RenameEntry[]): RenameEntry[] =>
  renames.reduce((log, r) => logRename(log, eventOf(r)), [] as RenameEntry[]);

export function logRename(log: RenameEntry[], event: RenameEvent): RenameEntry[] {
  if (event.from === event.to) return log;
  if (event.kind === 'field') {
    const i = log.findIndex((r) => isFieldEntry(r) && r.entity === event.entity && r.to === event.from);
    if (i < 0) return [...log, { entity: event.entity, from: event.from, to: event.to }];
    const earlier = log[i] as FieldRenameEntry;
    return earlier.from === event.to ? log.filter((_, j) => j !== i) : log.map((r, j) => (j === i ? { ...earlier, to: event.to } : r));
  }
  // The field entries name their entity by its current id: they follow the entity.
  const moved = log.map((r) => (isFieldEntry(r) && r.entity === event.from ? { ...r, entity: event.to } : r));
  const i = moved.findIndex((r) => !isFieldEntry(r) && r.to === event.from);
  if (i < 0) return [...moved, { from: event.from, to: event.to }];
  return moved[i].from === event.to ? moved.filter((_, j) => j !== i) : moved.map((r, j) => (j === i ? { ...r, to: event.to } : r));
}

/** Drops entries whose new id is gone from the draft (deleted after the rename). Same array when nothing drops. */
export function reconcileRenames(log: RenameEntry[], def: EntityIds): RenameEntry[] {
  if (log.length === 0) return log;
  const entities = new Map((def.entities ?? []).map((e) => [e.id, e]));
  const kept = log.filter((r) =>
    isFieldEntry(r) ? Boolean(entities.get(r.entity)?.fields.some((f) => f.id === r.to)) : entities.has(r.to),
  );
  return kept.length === log.length ? log : kept;
}

/**
 * The entries that move stored data, given the published definition: the old id must exist
 * there (a field or entity added since the last publish has nothing stored). Entity renames first.
 */
export function renamesToPublish(log: RenameEntry[], published: EntityIds | null): RenameEntry[] {
  if (!published) return [];
  const base = new Map((published.entities ?? []).map((e) => [e.id, e]));
  const entities = log.filter((r): r is EntityRenameEntry => !isFieldEntry(r) && base.has(r.from));
  const oldIdOf = new Map(entities.map((r) => [r.to, r.from]));
  const fields = log.filter(isFieldEntry).filter((r) => base.get(oldIdOf.get(r.entity) ?? r.entity)?.fields.some((f) => f.id === r.from));
  return [...entities, ...fields];
}
