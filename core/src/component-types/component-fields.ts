/**
 * The fields of its entity a component reads: its type's field refs (RefSpec), the keys of its
 * filters and sorts, and its source's filter, sort and fields. The app client uses it to leave
 * out a widget that needs a field the caller's role cannot see (its definition has no such field)
 * instead of sending a query the server refuses.
 */
import type { RefSpec } from '../ref-spec';
import { resolvePath } from '../validate/semantic/ref-paths';

type Loose = { props?: unknown; source?: { kind?: string; filter?: unknown; sort?: unknown; fields?: unknown } };

function filterFields(filter: unknown, out: Set<string>): void {
  if (!filter || typeof filter !== 'object') return;
  for (const [key, value] of Object.entries(filter)) {
    if ((key === '$and' || key === '$or') && Array.isArray(value)) value.forEach((f) => filterFields(f, out));
    else if (!key.startsWith('$')) out.add(key.split('.')[0]);
  }
}

const sortFields = (sort: unknown, out: Set<string>) =>
  Array.isArray(sort) && sort.forEach((s) => typeof s?.field === 'string' && out.add(s.field.split('.')[0]));

export function componentFields(refs: readonly RefSpec[], component: Loose): string[] {
  const out = new Set<string>();
  for (const spec of refs) {
    for (const { value } of resolvePath(component.props, spec.path, '')) {
      if ((spec.kind === 'field' || spec.kind === 'input') && typeof value === 'string' && value) out.add(value.split('.')[0]);
      if (spec.kind === 'filter') filterFields(value, out);
      if (spec.kind === 'sort') sortFields(value, out);
    }
  }
  const source = component.source;
  if (source?.kind === 'entity') {
    filterFields(source.filter, out);
    sortFields(source.sort, out);
    if (Array.isArray(source.fields)) source.fields.forEach((f) => typeof f === 'string' && out.add(f.split('.')[0]));
  }
  return [...out];
}
