/**
 * What changed between two definitions, in the consultant's terms: entities, fields, pages,
 * components, workflows and roles added, removed, renamed or changed, named by their labels.
 * Pure: the Versions screen words the list (change.list.tsx); the JSON diff stays for detail.
 *
 * Things are matched by id. A field or entity whose id was renamed is matched through the renames
 * (the draft's rename log, or the renames the versions in between migrated), so it reads as one
 * rename rather than a removal and an addition. Defaults must be on both sides or neither
 * (compare normal forms, store/normal-form.ts), else every default reads as a change.
 */
import { isFieldEntry, type RenameEntry } from '@tessera/core/renames';
import type { Draft } from '../store/draft.types';
import { labelText } from '../store/draft.types';
import { sameJson } from '../store/normal-form';

export type ChangeKind = 'added' | 'removed' | 'renamed' | 'changed';
export type ChangeThing = 'entity' | 'field' | 'page' | 'component' | 'workflow' | 'role' | 'menu' | 'app';

export interface Change {
  kind: ChangeKind;
  thing: ChangeThing;
  /** Its label after the change (before it, for a removal); a component's title, '' when it has none. */
  name: string;
  /** A rename's old label (its old id when only the id changed). */
  from?: string;
  /** Where it is: a field's entity, a component's page (labels). */
  in?: string;
  /** A component's type. */
  type?: string;
}

type Obj = Record<string, unknown> & { id?: string };
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((x): x is Obj => !!x && typeof x === 'object') : []);
const without = (o: Obj, ...keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

/** Components of a page, nested ones too, by id. */
function componentsOf(page: Obj): Map<string, Obj> {
  const out = new Map<string, Obj>();
  const walk = (items: unknown) =>
    list(items).forEach((c) => {
      if (typeof c.id === 'string') out.set(c.id, c);
      walk(c.children);
    });
  walk(page.components);
  return out;
}

interface Side<T> {
  before: T;
  after: T;
}

/**
 * Pairs the items of two lists by id (`renamed` maps an old id to its new one) and reports each
 * pair through `pair`, each unpaired item as added or removed.
 */
function compareLists(
  side: Side<Obj[]>,
  renamed: (oldId: string) => string,
  report: { added(o: Obj): void; removed(o: Obj): void; pair(b: Obj, a: Obj): void },
): void {
  const after = new Map(side.after.map((o) => [o.id, o]));
  const paired = new Set<unknown>();
  for (const b of side.before) {
    const a = after.get(renamed(String(b.id)));
    if (a) {
      paired.add(a.id);
      report.pair(b, a);
    } else report.removed(b);
  }
  for (const a of side.after) if (!paired.has(a.id)) report.added(a);
}

export function semanticDiff(before: Draft, after: Draft, renames: readonly RenameEntry[] = [], lang = 'en'): Change[] {
  const changes: Change[] = [];
  const label = (o: Obj, key = 'label') => labelText(o[key], lang, String(o.id ?? ''));
  const entityTo = new Map(renames.filter((r) => !isFieldEntry(r)).map((r) => [r.from, r.to]));
  const fieldTo = new Map(renames.filter(isFieldEntry).map((r) => [`${r.entity}.${r.from}`, r.to]));

  /** Same id and label, or a rename (label first: the consultant's name for it), then anything else. */
  const pairChanges = (thing: ChangeThing, b: Obj, a: Obj, own: Obj, ownBefore: Obj, where?: string, key = 'label') => {
    const nameB = label(b, key);
    const nameA = label(a, key);
    if (nameB !== nameA) changes.push({ thing, kind: 'renamed', name: nameA, from: nameB, ...(where ? { in: where } : {}) });
    else if (b.id !== a.id)
      changes.push({ thing, kind: 'renamed', name: String(a.id), from: String(b.id), ...(where ? { in: where } : {}) });
    if (!sameJson(without(ownBefore, 'id', key), without(own, 'id', key)))
      changes.push({ thing, kind: 'changed', name: nameA, ...(where ? { in: where } : {}) });
  };

  // Entities, and the fields of each.
  compareLists({ before: list(before.entities), after: list(after.entities) }, (id) => entityTo.get(id) ?? id, {
    added: (e) => changes.push({ thing: 'entity', kind: 'added', name: label(e) }),
    removed: (e) => changes.push({ thing: 'entity', kind: 'removed', name: label(e) }),
    pair: (b, a) => {
      pairChanges('entity', b, a, without(a, 'fields'), without(b, 'fields'));
      const where = label(a);
      compareLists({ before: list(b.fields), after: list(a.fields) }, (id) => fieldTo.get(`${a.id}.${id}`) ?? id, {
        added: (f) => changes.push({ thing: 'field', kind: 'added', name: label(f), in: where }),
        removed: (f) => changes.push({ thing: 'field', kind: 'removed', name: label(f), in: where }),
        pair: (fb, fa) => pairChanges('field', fb, fa, fa, fb, where),
      });
    },
  });

  // Pages, and their components wherever they sit in the tree.
  compareLists({ before: list(before.pages), after: list(after.pages) }, (id) => id, {
    added: (p) => changes.push({ thing: 'page', kind: 'added', name: label(p, 'title') }),
    removed: (p) => changes.push({ thing: 'page', kind: 'removed', name: label(p, 'title') }),
    pair: (b, a) => {
      pairChanges('page', b, a, without(a, 'components'), without(b, 'components'), undefined, 'title');
      const where = label(a, 'title');
      const title = (c: Obj) => labelText((c.props as Obj | undefined)?.title, lang, '');
      const component = (kind: ChangeKind, c: Obj): Change => ({
        thing: 'component',
        kind,
        name: title(c),
        in: where,
        type: String(c.type),
      });
      const cb = componentsOf(b);
      const ca = componentsOf(a);
      compareLists({ before: [...cb.values()], after: [...ca.values()] }, (id) => id, {
        added: (c) => changes.push(component('added', c)),
        removed: (c) => changes.push(component('removed', c)),
        // Only the component's own settings: a child's change is the child's.
        pair: (x, y) => !sameJson(without(x, 'children'), without(y, 'children')) && changes.push(component('changed', y)),
      });
    },
  });

  for (const [key, thing, nameKey] of [
    ['workflows', 'workflow', 'name'],
    ['roles', 'role', 'label'],
  ] as const) {
    compareLists({ before: list(before[key]), after: list(after[key]) }, (id) => id, {
      added: (o) => changes.push({ thing, kind: 'added', name: label(o, nameKey) }),
      removed: (o) => changes.push({ thing, kind: 'removed', name: label(o, nameKey) }),
      pair: (b, a) => pairChanges(thing, b, a, a, b, undefined, nameKey),
    });
  }

  if (!sameJson(before.navigation ?? [], after.navigation ?? [])) changes.push({ thing: 'menu', kind: 'changed', name: '' });
  const rest = ['entities', 'pages', 'workflows', 'roles', 'navigation', 'id'];
  if (labelText(before.name, lang) !== labelText(after.name, lang))
    changes.push({ thing: 'app', kind: 'renamed', name: labelText(after.name, lang), from: labelText(before.name, lang) });
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
    if (!rest.includes(key) && key !== 'name' && !sameJson((before as Obj)[key], (after as Obj)[key]))
      changes.push({ thing: 'app', kind: 'changed', name: key });
  return changes;
}
