import { aggregateByBucket, BUCKETS, getFieldType, type Bucket } from '@tessera/core';
import type { AggregateOptions, AggregateRow, Filter } from '@tessera/core/store';
import { Invalid, type Issue } from '../../domain-errors';
import type { Records, RecordScope } from '../../records/records';
import { queryErrors } from '../../records/store-errors';

type Metric = AggregateOptions['metrics'][number];

export interface AggregateRequest {
  filter?: Filter;
  groupBy: string[];
  metrics: Metric[];
  bucket?: Bucket;
}

const DATE_SYSTEM_FIELDS = new Set(['createdAt', 'updatedAt']);
const MAX_GROUPS = 100_000;

/** Checks grouping and metric fields against the entity as the caller sees it (hidden fields are unknown). */
export function checkAggregate(s: RecordScope, req: AggregateRequest): void {
  const { entity } = s.target;
  const issues: Issue[] = [];
  const fieldOf = (id: string) => entity.fields.find((f) => f.id === id && !s.policy.hidden.has(f.id));
  const check = (id: string | undefined, pointer: string) => {
    if (id === undefined) return;
    const f = fieldOf(id);
    if (!f && !['id', 'createdBy', ...DATE_SYSTEM_FIELDS].includes(id))
      issues.push({ pointer, message: `unknown field "${id}" on ${entity.id}` });
    else if (f && !getFieldType(f.type).stored) issues.push({ pointer, message: `"${id}" is computed on read and cannot be aggregated` });
  };
  req.groupBy.forEach((g, i) => check(g, `/groupBy/${i}`));
  req.metrics.forEach((m, i) => check(m?.field, `/metrics/${i}/field`));
  if (req.bucket !== undefined) {
    const first = req.groupBy[0];
    const type = first ? fieldOf(first)?.type : undefined;
    if (!BUCKETS.includes(req.bucket)) issues.push({ pointer: '/bucket', message: `must be one of ${BUCKETS.join(', ')}` });
    else if (!first || !(type === 'date' || type === 'datetime' || DATE_SYSTEM_FIELDS.has(first))) {
      issues.push({ pointer: '/groupBy/0', message: 'bucket needs a date or datetime field as the first groupBy field' });
    }
  }
  if (issues.length) throw new Invalid(issues.map((i) => `${i.pointer}: ${i.message}`).join('; '), issues);
}

/**
 * Grouped metrics over the records the caller may read; with a bucket, folded into date buckets
 * by @tessera/core's aggregateByBucket (the builder's preview runs the same code).
 */
export async function aggregateRecords(records: Records, s: RecordScope, req: AggregateRequest): Promise<AggregateRow[]> {
  if (!s.policy.read) await records.count(s, undefined); // throws the same 403 as a list
  checkAggregate(s, req);
  const filter = records.scopedFilter(s, req.filter);
  const coll = s.target.collection;
  if (!req.bucket) return queryErrors(() => coll.aggregate({ filter, groupBy: req.groupBy, metrics: req.metrics }));
  return aggregateByBucket(
    async (options) => {
      const rows = await queryErrors(() => coll.aggregate(options));
      if (rows.length > MAX_GROUPS) throw new Invalid(`more than ${MAX_GROUPS} groups; narrow the filter`);
      return rows;
    },
    { filter, groupBy: req.groupBy, metrics: req.metrics, bucket: req.bucket },
  );
}
