import type { RollupField } from '../../generated/app-definition';
import { defineFieldType, OPERATORS } from '../field-type';
import ownSchema from './rollup.field.schema.json';
import texts from './rollup.texts.json';

export const rollupField = defineFieldType<RollupField>({
  type: 'rollup',
  order: 160,
  texts,
  icon: 'CalculatorOutlined',
  group: 'relation',
  ownSchema,
  storageKind: 'number',
  stored: false,
  scaffold: { type: 'rollup', label: 'Count', entity: '', via: '', aggregate: 'count' },
  valueSchema: (f) => ({ type: (f.aggregate ?? 'count') === 'count' ? 'integer' : 'number' }),
  // Evaluated on read: the API refuses to filter or sort on it, so the builder offers neither.
  operators: OPERATORS.none,
  filterKind: 'none',
  numeric: true,
  aggregatable: true,
  // via, field and filter are about the aggregated entity (`entity`), as for workflow nodes.
  refs: [
    { path: 'entity', kind: 'entity' },
    { path: 'via', kind: 'field' },
    { path: 'field', kind: 'field' },
    { path: 'filter', kind: 'filter' },
  ],
  check(f, ctx) {
    const via = ctx.fieldOf(f.entity, f.via) as { type: string; to?: string } | undefined;
    if (via && (via.type !== 'relation' || via.to !== ctx.entity))
      ctx.report(['via'], `"${f.via}" must be a relation field of "${f.entity}" pointing to "${ctx.entity}"`);
    if (f.field !== undefined) {
      const target = ctx.fieldOf(f.entity, f.field);
      if (target && !ctx.typeOf(target.type).aggregatable)
        ctx.report(['field'], `cannot ${f.aggregate} field "${f.field}" of type ${target.type}`);
    } else if (f.aggregate !== 'count') {
      ctx.report([], `missing required property "field" (needed by aggregate "${f.aggregate}")`);
    }
  },
  sample: () => undefined, // evaluated on read by the demo port
});
