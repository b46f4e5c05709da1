import type { AppDefinition, Entity, Field } from '@tessera/core';
import { analyze } from '@tessera/core/expressions';

type ComputedField = Extract<Field, { type: 'computed' }>;
type RollupField = Extract<Field, { type: 'rollup' }>;

/** What a caller's roles let them read of an entity, before derived fields are considered. */
export type ReadRules = (entity: Entity) => { read: boolean; hidden: ReadonlySet<string> };

/** Field ids a stored filter names (`{ $or: [{ "meta.k": 1 }] }` names `meta`). */
function filterFields(filter: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(filter)) filter.forEach((f) => filterFields(f, out));
  else if (filter && typeof filter === 'object') {
    for (const [key, value] of Object.entries(filter)) {
      if (key.startsWith('$')) filterFields(value, out);
      else out.add(key.split('.')[0]);
    }
  }
  return out;
}

/**
 * A rollup reveals what it aggregates: hidden when the caller may not read the entity it runs
 * over, or when the relation it follows, the field it aggregates or a field of its filter is
 * hidden there.
 */
function rollupRevealsHidden(definition: AppDefinition | null, rollup: RollupField, readRules: ReadRules): boolean {
  const target = definition?.entities.find((e) => e.id === rollup.entity);
  if (!target) return true; // cannot tell: do not show
  const rules = readRules(target);
  if (!rules.read) return true;
  const used = filterFields(rollup.filter, new Set([rollup.via, ...(rollup.field ? [rollup.field] : [])]));
  return [...used].some((f) => rules.hidden.has(f));
}

/**
 * Computed fields and rollups the caller must not see because they would reveal hidden data (the
 * rule of docs/end-user-api.md): a rollup as above; a computed field that reads a hidden field,
 * directly or through another computed field or rollup, or that can reach the whole record
 * (`$keys($)`, `$eval(…)`…) while anything of it is hidden. Computed values are evaluated on the full record
 * once and shared (lists, exports, live events), so hiding them is what keeps every path safe.
 */
export function derivedHidden(
  definition: AppDefinition | null,
  entity: Entity,
  hidden: ReadonlySet<string>,
  readRules: ReadRules,
): Set<string> {
  const out = new Set<string>();
  for (const field of entity.fields) {
    if (field.type === 'rollup' && !hidden.has(field.id) && rollupRevealsHidden(definition, field, readRules)) out.add(field.id);
  }
  const computed = entity.fields.filter((f): f is ComputedField => f.type === 'computed' && !hidden.has(f.id));
  const isHidden = (id: string) => hidden.has(id) || out.has(id);
  // analyze() is sound: what it cannot follow (`$eval`, `$keys($)`, `*`…) is `readsAll`.
  const reads = new Map(computed.map((f) => [f.id, analyze(f.expression.$expr)]));
  // Until nothing changes: a computed field may read one declared after it.
  for (let changed = true; changed;) {
    changed = false;
    for (const field of computed) {
      if (out.has(field.id)) continue;
      const r = reads.get(field.id)!;
      const anyHidden = hidden.size > 0 || out.size > 0;
      if ((r.readsAll && anyHidden) || r.fields.some(isHidden)) {
        out.add(field.id);
        changed = true;
      }
    }
  }
  return out;
}
