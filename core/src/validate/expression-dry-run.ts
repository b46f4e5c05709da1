import type { AppDefinition, ComputedField, Entity, Field } from '../generated/app-definition';
import { evaluate, isExpression, isExpressionError } from '../expressions';
import { seededRandom } from '../random/seeded-random';
import { getFieldType } from '../field-types/field-queries';
import { DefaultFailedError, defaultOf, defaultValue } from './record.defaults';
import type { ValidationIssue } from './validation-issue';

/** Sample records each computed field is tried on. */
const SAMPLES = 3;
/** Limits on work, not on time: a slow machine must not refuse a publish. */
const WALL_TIME_CODES = new Set(['TIMEOUT', 'D1012']);

/** A plausible stored record of `entity`, from its fields' own sample values (relations hold made-up ids). */
function sampleRecord(entity: Entity, index: number): Record<string, unknown> {
  const now = new Date(Date.UTC(2026, 0, 1)).toISOString();
  const record: Record<string, unknown> = {
    id: `${entity.id}_${index + 1}`,
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: 'user_1',
  };
  const rng = seededRandom(index + 1);
  for (const f of entity.fields) {
    const type = getFieldType(f.type);
    if (!type.stored) continue;
    try {
      const value = type.sample(f as Field, { rng, index, entity, pick: (target) => `${target}_1`, record });
      record[f.id] = value === undefined ? null : value;
    } catch {
      record[f.id] = null; // a sample that cannot be made says nothing about the expression
    }
  }
  return record;
}

const passesLimits = (err: unknown) => isExpressionError(err) && err.failure === 'limit' && !WALL_TIME_CODES.has(err.code);
const limitOf = (err: unknown) => (err as Error).message;
const SAMPLE_USER = { id: 'user_1', email: 'sample.user@example.com' };

/**
 * Expressions that go past the expression limits (steps, depth, sizes of strings and sequences)
 * when tried: computed fields on sample records of their entity, defaults for a sample user.
 * `$pad("x", 200000000)` would fail on every record it is shown for (or every create), so a
 * publish refuses it with its pointer instead. Other evaluation errors are not refused: sample
 * values may not be what real records hold.
 */
export async function expressionLimitProblems(definition: AppDefinition): Promise<ValidationIssue[]> {
  const issues: ValidationIssue[] = [];
  for (const [e, entity] of definition.entities.entries()) {
    const samples = Array.from({ length: SAMPLES }, (_, i) => sampleRecord(entity, i));
    for (const [i, field] of entity.fields.entries()) {
      if (field.type !== 'computed') continue;
      const source = (field as ComputedField).expression.$expr;
      for (const input of samples) {
        try {
          input[field.id] = await evaluate(source, { input });
        } catch (err) {
          if (!passesLimits(err)) continue;
          issues.push({
            pointer: `/entities/${e}/fields/${i}/expression`,
            message: `this expression goes past its limits on sample records (${limitOf(err)}): it would fail wherever "${field.id}" is shown`,
          });
          break;
        }
      }
    }
    for (const [i, field] of entity.fields.entries()) {
      if (!isExpression(defaultOf(field))) continue;
      try {
        await defaultValue(entity, field, { user: SAMPLE_USER });
      } catch (err) {
        const cause = err instanceof DefaultFailedError ? err.cause : err;
        if (!passesLimits(cause)) continue;
        issues.push({
          pointer: `/entities/${e}/fields/${i}/default`,
          message: `this default goes past its limits (${limitOf(cause)}): every new record without "${field.id}" would be refused`,
        });
      }
    }
  }
  return issues;
}
