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

export interface RefSpec {
  path: string;
  kind: RefKind;
}
