/**
 * `{ "$expr": "…" }` and nothing else: the only way a definition marks an expression
 * (common/expression.schema.json has `additionalProperties: false`), so an object with more keys,
 * e.g. a JSON field's literal default, is a value and not an expression.
 */
export function isExpression(value: unknown): value is { $expr: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '$expr' && typeof (value as { $expr: unknown }).$expr === 'string';
}
