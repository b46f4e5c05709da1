/**
 * Field references inside filters and sort keys, checked against the entity they query: the
 * field must exist and be stored (computed and rollup fields are worked out on read), a path may
 * only go into a json field, an enum's values must be among its options, and a route parameter
 * (`":id"`) must be one the page's route has.
 */
import type { Filter, SortKey } from '../../generated/app-definition';
import { joinPointer } from '../validation-issue';
import { storedProblem } from './field-usage';
import { checkFieldRef, type SemanticContext } from './semantic.context';

/** `routeParams`: the parameters of the page the filter is on; undefined when it is not on a page. */
export function checkFilter(ctx: SemanticContext, filter: Filter, entityId: string, pointer: string, routeParams?: Set<string>): void {
  for (const [key, value] of Object.entries(filter)) {
    if ((key === '$and' || key === '$or') && Array.isArray(value)) {
      value.forEach((sub, i) => checkFilter(ctx, sub, entityId, joinPointer(pointer, key, i), routeParams));
      continue;
    }
    if (key.startsWith('$')) continue;
    const at = joinPointer(pointer, key);
    const field = checkFieldRef(ctx, entityId, key, at);
    if (!field) continue;
    const problem = storedProblem(field, key.includes('.'), key);
    if (problem) {
      ctx.report(at, problem);
      continue;
    }
    for (const { value: v, pointer: where } of literals(value, at)) {
      if (typeof v === 'string' && /^:[A-Za-z_]\w*$/.test(v)) {
        if (routeParams && !routeParams.has(v.slice(1)))
          ctx.report(
            where,
            `"${v}" is a route parameter, but the page's route has ${routeParams.size ? [...routeParams].map((p) => `:${p}`).join(', ') : 'none'}`,
          );
        continue;
      }
      if ('options' in field && field.type === 'enum' && v !== null && !field.options.some((o) => o.value === v))
        ctx.report(where, `${JSON.stringify(v)} is not an option of "${field.id}" (${field.options.map((o) => o.value).join(', ')})`);
    }
  }
}

/** The values a field condition compares with: `v`, `{ $eq: v }`, `{ $in: [v…] }` (not expressions or regexes). */
function literals(condition: unknown, at: string): Array<{ value: unknown; pointer: string }> {
  if (condition === null || typeof condition !== 'object') return [{ value: condition, pointer: at }];
  const out: Array<{ value: unknown; pointer: string }> = [];
  for (const [op, v] of Object.entries(condition as Record<string, unknown>)) {
    if (op === '$eq' || op === '$ne') out.push({ value: v, pointer: joinPointer(at, op) });
    if ((op === '$in' || op === '$nin') && Array.isArray(v)) v.forEach((x, i) => out.push({ value: x, pointer: joinPointer(at, op, i) }));
  }
  return out;
}

export function checkSort(ctx: SemanticContext, sort: SortKey[], entityId: string, pointer: string): void {
  sort.forEach((s, i) => {
    const at = joinPointer(pointer, i, 'field');
    const field = checkFieldRef(ctx, entityId, s.field, at);
    const problem = field && storedProblem(field, s.field.includes('.'), s.field);
    if (problem) ctx.report(at, problem);
  });
}
