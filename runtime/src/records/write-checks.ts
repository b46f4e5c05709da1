import { applyDefaults, createRecordValidator, DefaultFailedError, type Entity } from '@tessera/core';
import type { Doc } from '@tessera/core/store';
import { Forbidden, ValidationFailed } from '../domain-errors';
import type { EvaluateOptions } from '@tessera/core/expressions';
import type { Caller, EntityPolicy } from '../platform/policy/policy.types';
import { checkWritable } from '../platform/policy/check-writable.policy';
import { inScope } from '../platform/policy/row-scope.policy';

const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Forbidden, with one issue per field the caller's role may not write. */
export function assertWritable(body: unknown, perm: EntityPolicy, entityId: string): void {
  const issues = checkWritable(body, perm);
  if (issues.length) throw new Forbidden(`your role may not change these fields of ${entityId}`, { issues });
}

/** A text/email owner field left empty gets the caller's email (a relation owner is left to its default). */
export function withOwner(entity: Entity, body: unknown, caller: Caller): unknown {
  const owner = entity.ownerField ? entity.fields.find((f) => f.id === entity.ownerField) : undefined;
  if (!owner || !isObject(body) || body[owner.id] !== undefined || (owner.type !== 'text' && owner.type !== 'email')) return body;
  return { ...body, [owner.id]: caller.user.email };
}

/**
 * Fills fields the client left out that have a default (core's applyDefaults: the builder's demo
 * data does the same); a failing default expression refuses the record (ValidationFailed).
 */
export async function withDefaults(
  entity: Entity,
  body: unknown,
  caller: Caller | null,
  run: Pick<EvaluateOptions, 'clock' | 'budget'> = {},
): Promise<unknown> {
  const user = caller ? { id: caller.user.id, email: caller.user.email } : null;
  try {
    return await applyDefaults(entity, body, { user, ...run });
  } catch (err) {
    if (err instanceof DefaultFailedError) throw new ValidationFailed(err.message, [err.issue]);
    throw err;
  }
}

/**
 * Everything a create checks before touching storage, in the order the API reports problems:
 * fields the role may not write (Forbidden), defaults, the record schema (ValidationFailed), and
 * that the owner is inside the caller's row scope (Forbidden). Returns the document to insert.
 * `run`: see withDefaults.
 */
export async function prepareCreate(
  entity: Entity,
  body: unknown,
  perm: EntityPolicy,
  caller: Caller,
  run: Pick<EvaluateOptions, 'clock' | 'budget'> = {},
): Promise<Doc> {
  assertWritable(body, perm, entity.id);
  const input = await withDefaults(entity, withOwner(entity, body, caller), caller, run);
  const checked = createRecordValidator(entity, 'create')(input);
  if (!checked.ok) throw new ValidationFailed(`the ${entity.id} is not valid`, checked.errors);
  assertOwnerInScope(input as Doc, perm, caller, 'create');
  return input as Doc;
}

/** A write may not hand a record to someone outside the caller's row scope. */
export function assertOwnerInScope(doc: Doc, perm: EntityPolicy, caller: Caller, action: 'create' | 'update'): void {
  if (!perm.ownerField || doc[perm.ownerField] === undefined || inScope(doc, perm, caller, action)) return;
  throw new Forbidden(`you may only ${action} records owned by ${perm.rows[action] === 'team' ? 'your team' : 'you'}`);
}
