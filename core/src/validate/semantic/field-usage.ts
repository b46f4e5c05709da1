/**
 * What a field may be used for, beyond existing: the store groups, sorts, filters and aggregates
 * stored values only, a kanban needs lanes, a sum needs numbers. Each refusal names the field and
 * why, so a definition that would fail when the page opens is refused at publish instead.
 */
import type { Field } from '../../generated/app-definition';
import { getFieldType } from '../../field-types/field-queries';
import type { RefAccepts } from '../../ref-spec';
import type { SemanticContext } from './semantic.context';

const MEASURED = new Set(['sum', 'avg', 'min', 'max']);

/** Why `path` (a field ref of `entityId`) cannot serve as `accepts`, or null. `op`: the sibling metric op. */
export function usageProblem(ctx: SemanticContext, entityId: string, path: string, accepts: RefAccepts, op?: unknown): string | null {
  const entry = ctx.entities.get(entityId);
  if (!entry) return null;
  const [head, ...rest] = path.split('.');
  const field = entry.fields.get(head);
  if (!field) return null; // unknown fields and system fields: reported (or fine) elsewhere
  const stored = storedProblem(field, rest.length > 0, path);
  if (stored) return stored;
  if (accepts === 'options' && !('options' in field))
    return `"${field.id}" is a ${field.type} field; kanban lanes need a field with options (an enum)`;
  if (accepts === 'measure' && typeof op === 'string' && MEASURED.has(op) && !getFieldType(field.type).aggregatable)
    return `cannot take the ${op} of "${field.id}", a ${field.type} field (only numbers, money and dates)`;
  return null;
}

/** Why the store cannot query `field` (the head of a path with `dotted` segments), or null. */
export function storedProblem(field: Field, dotted: boolean, path = field.id): string | null {
  if (!getFieldType(field.type).stored)
    return `"${field.id}" is a ${field.type} field, worked out when a record is read; it cannot be grouped, sorted, filtered or aggregated`;
  if (dotted && field.type !== 'json') return `"${path}" goes through a relation; only the entity's own fields can be used here`;
  return null;
}
