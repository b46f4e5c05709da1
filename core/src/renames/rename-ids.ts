/**
 * Renames as pure edits of a draft: the id changes and every reference to it follows
 * (field-rename.ts, id-rename.ts), so the definition stays valid. A bad or taken id, or a missing
 * target, throws with a message and nothing changes. The builder's rename commands call these;
 * so do the server's tests, to build exactly the definition a consultant's rename leaves.
 */
import { allComponentIds, mapAllComponents } from '../definition/draft-components';
import type { Draft } from '../definition/draft.types';
import { renameFieldRefs } from './field-rename';
import { renameIdRefs } from './id-rename';
import { assertNewId } from './new-id';

function replaceOne<T>(list: T[], pred: (x: T) => boolean, fn: (x: T) => T, what: string): T[] {
  const i = list.findIndex(pred);
  if (i < 0) throw new Error(`${what} not found`);
  return list.map((x, j) => (j === i ? fn(x) : x));
}

export function withRenamedField<D extends Draft>(def: D, entityId: string, fieldId: string, id: string): D {
  const entity = (def.entities ?? []).find((e) => e.id === entityId);
  if (!entity) throw new Error(`entity "${entityId}" not found`);
  if (id === fieldId) return def;
  assertNewId(
    id,
    entity.fields.map((f) => f.id),
    'field',
  );
  const entities = def.entities.map((e) =>
    e !== entity
      ? e
      : {
          ...e,
          fields: replaceOne(
            e.fields,
            (f) => f.id === fieldId,
            (f) => ({ ...f, id }),
            `field "${fieldId}"`,
          ),
        },
  );
  return renameFieldRefs({ ...def, entities }, entityId, fieldId, id);
}

export function withRenamedEntity<D extends Draft>(def: D, entityId: string, id: string): D {
  if (id === entityId) return def;
  assertNewId(
    id,
    (def.entities ?? []).map((e) => e.id),
    'entity',
  );
  const renamed = {
    ...def,
    entities: replaceOne(
      def.entities ?? [],
      (e) => e.id === entityId,
      (e) => ({ ...e, id }),
      `entity "${entityId}"`,
    ),
  };
  return renameIdRefs(renamed, 'entity', entityId, id);
}

/** Declared roles and roles only named by permissions can both be renamed (the latter fixes a typo). */
export function withRenamedRole<D extends Draft>(def: D, roleId: string, id: string): D {
  if (id === roleId) return def;
  assertNewId(
    id,
    (def.roles ?? []).map((r) => r.id),
    'role',
  );
  const roles = (def.roles ?? []).map((r) => (r.id === roleId ? { ...r, id } : r));
  return renameIdRefs({ ...def, roles }, 'role', roleId, id);
}

export function withRenamedPage<D extends Draft>(def: D, pageId: string, id: string): D {
  if (id === pageId) return def;
  assertNewId(
    id,
    (def.pages ?? []).map((p) => p.id),
    'page',
  );
  const pages = replaceOne(
    def.pages ?? [],
    (p) => p.id === pageId,
    (p) => ({ ...p, id }),
    `page "${pageId}"`,
  );
  return renameIdRefs({ ...def, pages }, 'page', pageId, id);
}

/** Component ids are referenced by form-submit triggers (and any type declaring a component ref). */
export function withRenamedComponent<D extends Draft>(def: D, componentId: string, id: string): D {
  const ids = allComponentIds(def);
  if (!ids.has(componentId)) throw new Error(`component "${componentId}" not found`);
  if (id === componentId) return def;
  assertNewId(id, ids, 'component');
  return renameIdRefs(
    mapAllComponents(def, (c) => (c.id === componentId ? { ...c, id } : c)),
    'component',
    componentId,
    id,
  );
}
