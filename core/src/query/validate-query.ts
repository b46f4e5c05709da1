import type { AggregateOptions, FindOptions } from '../store/store.port';
import { normalizeFilter } from './filter.normalize';
import { normalizeLimit, normalizeSort } from './sort.normalize';
import { normalizeAggregate } from './aggregate.normalize';
import { decodeCursor } from './cursor.codec';

export interface QueryRules {
  /** The entity's field names: filters, sorts and groupings on anything else are refused (system fields always allowed). */
  knownFields?: Iterable<string>;
  /** Array-valued fields (multienum, many-relations): not sortable. */
  arrayFields?: Iterable<string>;
}

/**
 * For the API layer: checks a find or aggregate request against the entity before it reaches
 * the store (which validates again, without knowing the entity's fields). Throws
 * InvalidQueryError with a JSON-pointer `path`. The cursor is only checked for shape here.
 */
export function validateQuery(query: FindOptions & Partial<Pick<AggregateOptions, 'groupBy' | 'metrics'>>, rules: QueryRules = {}): void {
  const r = {
    knownFields: rules.knownFields ? new Set(rules.knownFields) : undefined,
    arrayFields: rules.arrayFields ? new Set(rules.arrayFields) : undefined,
  };
  normalizeFilter(query.filter, r);
  if (query.metrics !== undefined || query.groupBy !== undefined) {
    normalizeAggregate({ filter: query.filter, groupBy: query.groupBy, metrics: query.metrics ?? [] }, r);
    return;
  }
  normalizeSort(query.sort, r);
  normalizeLimit(query.limit);
  if (query.cursor !== undefined && (typeof query.cursor !== 'string' || !/^[A-Za-z0-9_-]{1,4096}$/.test(query.cursor))) {
    decodeCursor('', query.cursor, 0); // throws the same InvalidQueryError the store would
  }
}
