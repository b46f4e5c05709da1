/**
 * The one place a definition is parsed: copied, migrated, checked against the JSON Schema
 * (defaults applied), then checked for references. Everything downstream sees only the result.
 */
import type { ValidateFunction } from 'ajv';
import { buildAppDefinitionSchema } from '../definition/app-definition.build';
import { unionNouns } from '../definition/type-branches';
import type { AppDefinition } from '../generated/app-definition';
import { migrateDefinition } from '../migrations/migrate';
import { createAjv } from './ajv.factory';
import { formatAjvErrors, type UnionNames } from './ajv-errors.format';
import { checkSemantics } from './semantic/semantic.validator';
import type { ConnectorResolver } from './semantic/connections.check';
import type { ValidationIssue } from './validation-issue';

export type DefinitionResult = { ok: true; definition: AppDefinition } | { ok: false; errors: ValidationIssue[] };

export const unionNames: UnionNames = {
  ...Object.fromEntries(Object.entries(unionNouns).map(([title, u]) => [title, { noun: u.noun, values: () => u.registry.types() }])),
  Source: { noun: 'source kind', values: () => ['entity', 'connector', 'workflow'] },
};

let compiled: ValidateFunction | undefined;

/**
 * Compiled once, on first use (compiling the whole schema takes ~0.3 s; most imports never
 * validate) — unless a validator compiled ahead of time was provided.
 */
export function definitionSchemaValidator(): ValidateFunction {
  compiled ??= createAjv().compile(buildAppDefinitionSchema());
  return compiled;
}

/**
 * Installs a validator generated at build time from this same schema and ajv configuration
 * (definitionValidatorModule in definition-validator.standalone.ts): the builder's bundle
 * carries one, so the browser never compiles the schema while a big draft loads.
 */
export function provideDefinitionSchemaValidator(validate: ValidateFunction): void {
  compiled ??= validate;
}

function copyJson(input: unknown): unknown {
  try {
    return structuredClone(input);
  } catch {
    return undefined;
  }
}

export interface DefinitionOptions {
  /** The installed connectors (server side): then connections, their config and bound operations are checked against the manifests. */
  connectors?: ConnectorResolver;
}

export function validateDefinition(input: unknown, options: DefinitionOptions = {}): DefinitionResult {
  const doc = copyJson(input);
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    return { ok: false, errors: [{ pointer: '', message: 'an app definition must be a JSON object' }] };
  }
  const migrated = migrateDefinition(doc as Record<string, unknown>);
  if (!migrated.ok) return migrated;
  const validate = definitionSchemaValidator();
  const definition = migrated.definition as unknown as AppDefinition;
  if (!validate(migrated.definition)) {
    // The reference checks too, so one round trip names every problem: those that can run on
    // what is there, away from the values the schema already refused.
    const schemaErrors = formatAjvErrors(validate.errors, unionNames);
    const under = (p: string) =>
      schemaErrors.some((e) => p === e.pointer || p.startsWith(`${e.pointer}/`) || e.pointer.startsWith(`${p}/`));
    return {
      ok: false,
      errors: [
        ...schemaErrors,
        ...checkSemantics(definition, { partial: true, connectors: options.connectors }).filter((e) => !under(e.pointer)),
      ],
    };
  }
  const errors = checkSemantics(definition, { connectors: options.connectors });
  return errors.length ? { ok: false, errors } : { ok: true, definition };
}
