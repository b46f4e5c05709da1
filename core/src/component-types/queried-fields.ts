/**
 * The fields of its entity a component's query is built on: the refs its type marks as shaping
 * the query (RefSpec `accepts`: groups, lanes, metrics), the keys of its filters and sorts, and its
 * source's filter and sort. The app client uses it to leave out a widget that needs a field the
 * caller's role cannot see (its definition has no such field) instead of sending a query the
 * server refuses. Fields a component only shows (form inputs, table columns) are not among them:
 * those components leave such fields out and work.
 */
import type { RefSpec } from '../ref-spec';
import { resolvePath } from '../validate/semantic/ref-paths';

type Loose = { props?: unknown; source?: { kind?: string; filter?: unknown; sort?: unknown } };

function filterFields(filter: unknown, out: Set<string>): void {
  if (!filter || typeof filter !== 'object') return;
  for (const [key, value] of Object.entries(filter)) {
    if ((key === '$and' || key === '$or') && Array.isArray(value)) value.forEach((f) => filterFields(f, out));
    else if (!key.startsWith('$')) out.add(key.split('.')[0]);
  }
}

const sortFields = (sort: unknown, out: Set<string>) =>
  Array.isArray(sort) && sort.forEach((s) => typeof s?.field === 'string' && out.add(s.field.split('.')[0]));

export function queriedFields(refs: readonly RefSpec[], component: Loose): string[] {
  const out = new Set<string>();
  for (const spec of refs) {
    for (const { value } of resolvePath(component.props, spec.path, '')) {
      if (spec.kind === 'field' && spec.accepts && typeof value === 'string' && value) out.add(value.split('.')[0]);
      if (spec.kind === 'filter') filterFields(value, out);
      if (spec.kind === 'sort') sortFields(value, out);
    }
  }
  const source = component.source;
  if (source?.kind === 'entity') {
    filterFields(source.filter, out);
    sortFields(source.sort, out);
  }
  return [...out];
}
