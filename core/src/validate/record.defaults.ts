import type { Entity, Field } from '../generated/app-definition';
import { evaluate, isExpression, type EvaluateOptions } from '../expressions';

/** Who a default expression sees as `user` / `$user` (null for Tessera itself: a publish's backfill). */
export type DefaultUser = { id: string; email: string } | null;

export interface DefaultRun extends Pick<EvaluateOptions, 'clock' | 'budget'> {
  user: DefaultUser;
}

/** A field's default expression failed: the record is refused (422 with this pointer), never saved with the field left empty. */
export class DefaultFailedError extends Error {
  readonly pointer: string;
  constructor(
    readonly entityId: string,
    readonly fieldId: string,
    readonly reason: string,
    /** The expression's error (an ExpressionError says whether a limit was hit). */
    override readonly cause?: unknown,
  ) {
    super(`the default of ${entityId}.${fieldId} failed: ${reason}`);
    this.name = 'DefaultFailedError';
    this.pointer = `/${fieldId}`;
  }

  get issue(): { pointer: string; message: string } {
    return { pointer: this.pointer, message: `default expression failed: ${this.reason}` };
  }
}

export function defaultOf(field: Field): unknown {
  return (field as { default?: unknown }).default;
}

/**
 * A field's default: a literal (copied), or an expression that reads `user` (also `$user`) and
 * the time through `$now()`/`$millis()` of `run.clock`; `run.budget` bounds the defaults of a
 * whole execution (a CSV import, a backfill) together. Throws DefaultFailedError.
 */
export async function defaultValue(entity: Entity, field: Field, run: DefaultRun): Promise<unknown> {
  const fallback = defaultOf(field);
  // Definitions are JSON: a JSON copy is a deep copy (and works where structuredClone is missing, e.g. jsdom).
  if (!isExpression(fallback)) return fallback === undefined ? undefined : JSON.parse(JSON.stringify(fallback));
  try {
    return await evaluate(fallback.$expr, {
      input: { user: run.user },
      bindings: { user: run.user },
      clock: run.clock,
      budget: run.budget,
    });
  } catch (err) {
    throw new DefaultFailedError(entity.id, field.id, (err as Error).message, err);
  }
}

/**
 * Fills the fields a new record leaves out that have a default, as the server and the builder's
 * demo data both do. Anything but a plain object comes back unchanged (the validator reports it).
 */
export async function applyDefaults(entity: Entity, body: unknown, run: DefaultRun): Promise<unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...body };
  for (const field of entity.fields) {
    if (out[field.id] !== undefined || defaultOf(field) === undefined) continue;
    out[field.id] = await defaultValue(entity, field, run);
  }
  return out;
}
