import type { ComputedField, Entity } from '../../generated/app-definition';
import { evaluate, type ExpressionBudget } from '../../expressions';

/**
 * Where a record says which computed values could not be worked out (field id -> why), in the
 * API, the live stream, the builder's preview and the app. Such a field has no value at all:
 * a computed value that failed is never shown as if it were a real null.
 */
export const COMPUTE_ERRORS = '$errors';

export interface ComputeOptions {
  /** The request's shared budget: all computed fields of one page or export are one execution. */
  budget?: ExpressionBudget;
  onError?: (field: string, err: unknown) => void;
}

/**
 * Computed fields of one record, evaluated on read in declaration order (one may use another
 * declared before it), as the server and the builder's demo data both do. A field that fails is
 * left out and named in `$errors`, and a field reading it sees it missing.
 */
export async function addComputedFields<R extends Record<string, unknown>>(
  entity: Entity,
  record: R,
  options: ComputeOptions = {},
): Promise<R> {
  const computed = entity.fields.filter((f): f is ComputedField => f.type === 'computed');
  if (computed.length === 0) return record;
  const out: Record<string, unknown> = { ...record };
  let errors: Record<string, string> | undefined;
  for (const field of computed) {
    try {
      out[field.id] = await evaluate(field.expression.$expr, { input: out, budget: options.budget });
    } catch (err) {
      delete out[field.id];
      (errors ??= {})[field.id] = (err as Error).message;
      options.onError?.(field.id, err);
    }
  }
  if (errors) out[COMPUTE_ERRORS] = errors;
  return out as R;
}

/** Why a computed value of `record` is missing, if it failed. */
export function computeError(record: Record<string, unknown> | undefined, fieldId: string): string | undefined {
  const errors = record?.[COMPUTE_ERRORS] as Record<string, string> | undefined;
  return errors?.[fieldId];
}
