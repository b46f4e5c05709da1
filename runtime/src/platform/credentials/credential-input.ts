import { allDefs, createAjv, formatAjvErrors, type JsonSchema } from '@tessera/core';
import type { ValidateFunction } from 'ajv';
import { Invalid } from '../../domain-errors';
import { CREDENTIAL_TYPES, credentialTypeNames, MAX_SECRET_CHARS, type CredentialSecret, type CredentialType } from './credential-types';

/** A credential's reference: the rule of the definition's `connections[].credential` (one copy, in core's schema). */
const REF = new RegExp((allDefs().Connection as { properties: { credential: { pattern: string } } }).properties.credential.pattern);

export function parseRef(ref: string): string {
  if (!REF.test(ref))
    throw new Invalid('a credential reference is a letter, then letters, digits, _, . or - (at most 128 characters)', [
      { pointer: '/ref', message: 'is not a valid credential reference' },
    ]);
  return ref;
}

const text = { type: 'string', minLength: 1, maxLength: MAX_SECRET_CHARS };
const shown = { type: 'string', minLength: 1, maxLength: 500 };

/** The body of `PUT /api/apps/:app/credentials/:ref`, one branch per type, derived from CREDENTIAL_TYPES. */
export const credentialBodySchema: JsonSchema = {
  $id: 'tessera:credential-body',
  title: 'credential',
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string' } },
  discriminator: { propertyName: 'type' },
  oneOf: credentialTypeNames.map((type) => {
    const { plain, secret, managed } = CREDENTIAL_TYPES[type];
    const properties: Record<string, unknown> = { type: { const: type } };
    for (const f of plain) properties[f] = shown;
    for (const f of secret) properties[f] = text;
    for (const f of managed) properties[f] = f === 'expiresAt' ? { type: 'string', format: 'date-time' } : text;
    return { type: 'object', required: ['type', ...plain, ...secret], additionalProperties: false, properties };
  }),
} as JsonSchema;

let compiled: ValidateFunction | undefined;

/** Every string value in the body, longest first: what an error message must never repeat (keys are field names: they may be). */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out);
  return out.sort((a, b) => b.length - a.length);
}

/**
 * Checks a credential body against its schema. The errors point at fields but never quote what
 * was sent: a body that fails validation may still hold a real secret (in the wrong field, or
 * the `type` field itself), and error responses are shown, logged and screenshotted.
 */
export function parseCredentialBody(body: unknown): CredentialSecret {
  compiled ??= createAjv().compile(credentialBodySchema);
  if (compiled(body)) return body as CredentialSecret;
  const sent = stringsOf(body).filter((s) => s.length >= 3 && !credentialTypeNames.includes(s as CredentialType));
  const scrub = (message: string) => sent.reduce((m, s) => m.split(s).join('…'), message);
  const errors = formatAjvErrors(compiled.errors, {
    credential: { noun: 'credential type', values: () => credentialTypeNames },
  }).map((e) => ({ pointer: scrub(e.pointer), message: scrub(e.message) }));
  throw new Invalid(`a credential is { type: ${credentialTypeNames.join(' | ')}, … } with the fields of its type`, errors);
}
