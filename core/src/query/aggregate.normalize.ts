import type { AggregateOp, AggregateOptions } from '../store/store.port';
import { InvalidQueryError } from '../store/store.errors';
import type { FilterNode } from './filter.ast';
import { normalizeFilter } from './filter.normalize';
import { checkFieldPath, IDENT, ptr, type PathRules } from './field-path';
import { LIMITS } from './query.limits';

export interface NormalizedAggregate {
  filter: FilterNode;
  groupBy: string[];
  metrics: Array<{ op: AggregateOp; field: string | null; as: string }>;
}

const OPS: ReadonlySet<string> = new Set(['count', 'sum', 'avg', 'min', 'max']);

/** Output rows are keyed by group path and metric `as`; a clash would silently drop a value, so it is refused. */
export function normalizeAggregate(options: AggregateOptions, rules: PathRules = {}): NormalizedAggregate {
  if (typeof options !== 'object' || options === null) throw new InvalidQueryError('aggregate options required');
  const filter = normalizeFilter(options.filter, rules);
  const groupBy = options.groupBy ?? [];
  if (!Array.isArray(groupBy) || groupBy.length > LIMITS.maxGroupBy) {
    throw new InvalidQueryError(`groupBy must be an array of at most ${LIMITS.maxGroupBy} fields`, '/groupBy');
  }
  const names = new Set<string>();
  groupBy.forEach((f, i) => {
    checkFieldPath(f, ptr('/groupBy', i), rules);
    if (names.has(f)) throw new InvalidQueryError(`"${f}" appears twice in groupBy`, ptr('/groupBy', i));
    names.add(f);
  });
  const metrics = options.metrics;
  if (!Array.isArray(metrics) || metrics.length === 0 || metrics.length > LIMITS.maxMetrics) {
    throw new InvalidQueryError(`metrics must be an array of 1..${LIMITS.maxMetrics} entries`, '/metrics');
  }
  const out = metrics.map((m, i) => {
    const at = ptr('/metrics', i);
    if (typeof m !== 'object' || m === null || !OPS.has(m.op))
      throw new InvalidQueryError(`unknown metric op ${JSON.stringify(m?.op)}`, ptr(at, 'op'));
    if (typeof m.as !== 'string' || !IDENT.test(m.as)) throw new InvalidQueryError('metric "as" must be an identifier', ptr(at, 'as'));
    if (names.has(m.as)) throw new InvalidQueryError(`metric name "${m.as}" is used twice`, ptr(at, 'as'));
    names.add(m.as);
    if (m.op === 'count') {
      if (m.field !== undefined) throw new InvalidQueryError('count takes no field', ptr(at, 'field'));
      return { op: m.op, field: null, as: m.as };
    }
    return { op: m.op, field: checkFieldPath(m.field as string, ptr(at, 'field'), rules), as: m.as };
  });
  return { filter, groupBy, metrics: out };
}
