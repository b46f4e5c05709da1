/**
 * Where a type's config points at other parts of the definition. Descriptors declare these as
 * data so the semantic validator checks every type the same way (no per-type code there).
 *
 * `path` is relative to the component's `props` or the node's/trigger's `config`: dot-separated
 * keys, `*` for every array item or object value, `{}` for every key of an object
 * (`values.{}` = the field ids used as keys of `values`).
 * `field`, `input` (a field that must be writable: not computed or rollup), `filter` and `sort`
 * refs are resolved against the entity in context: the component's entity source, or the
 * config's `entity` property for nodes and triggers.
 */
export type RefKind =
  'entity' | 'field' | 'input' | 'filter' | 'sort' | 'connection' | 'workflow' | 'page' | 'component' | 'role' | 'tag' | 'segment';

/**
 * What a `field` ref must be beyond existing, for configs the store answers (groups, aggregates,
 * lanes). `stored`: one of the entity's own stored fields (not computed or rollup, not a path
 * through a relation). `options`: stored, with a fixed list of options (kanban lanes).
 * `measure`: stored, and numeric or a date when the sibling `op` sums, averages or takes min/max.
 */
export type RefAccepts = 'stored' | 'options' | 'measure';

export interface RefSpec {
  path: string;
  kind: RefKind;
  accepts?: RefAccepts;
}
