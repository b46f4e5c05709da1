/** An operation's input and output schemas, compiled once per schema object (manifests are long-lived). */
import type { ValidateFunction } from 'ajv';
import { createAjv, formatAjvErrors } from '@tessera/core';
import { ConnectorError } from './connector-error';

const compiled = new WeakMap<object, ValidateFunction>();
let ajv: ReturnType<typeof createAjv> | undefined;

/** Problems with pointers, or [] when the value fits (a boolean or missing schema accepts anything but `false`). */
export function schemaProblems(schema: unknown, value: unknown): Array<{ pointer: string; message: string }> {
  if (schema === undefined || schema === true) return [];
  if (schema === false) return [{ pointer: '', message: 'no value is accepted here' }];
  let validate = compiled.get(schema as object);
  if (!validate) {
    // Strict mode off: embedded schemas come from third parties and imported OpenAPI documents.
    ajv ??= createAjv({ strict: false });
    try {
      validate = ajv.compile(schema as object);
    } catch (err) {
      throw new ConnectorError('CONFIG', `the connector's schema here cannot be used: ${(err as Error).message}`);
    }
    compiled.set(schema as object, validate);
  }
  return validate(value) ? [] : formatAjvErrors(validate.errors).map((e) => ({ pointer: e.pointer, message: e.message }));
}
