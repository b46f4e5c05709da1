/**
 * Structural validation with swagger-parser (the OpenAPI 2.0 / 3.0 / 3.1 JSON Schemas and Swagger 2's
 * extra rules). Swagger 2 runs the whole validation, on a copy because it dereferences in place, and
 * with every resolver off: external references were already refused (openapi-refs.ts) and must never
 * be read. OpenAPI 3 has no extra rules there, so its document is checked against the schema as it
 * is, `$ref`s and all (the schema allows a reference wherever one may stand): copying and
 * dereferencing GitHub's 12 MB description took most of a second and a few hundred MB, and the
 * dereferenced document revisits each shared component at every place it is used.
 */
import { createRequire } from 'node:module';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { ImportIssue } from './openapi.types';

const MAX_ERRORS = 20;

/** swagger-parser's own schema step (it has no types of its own; it throws with ajv's `details`). */
const validateSchema = createRequire(__filename)('@apidevtools/swagger-parser/lib/validators/schema.js') as (api: object) => void;

export async function validateOpenApi(doc: object): Promise<ImportIssue[]> {
  try {
    const version = (doc as { openapi?: unknown }).openapi;
    if (typeof version === 'string' && /^3\.[01]\./.test(version)) {
      validateSchema(doc);
      return [];
    }
    await new SwaggerParser().validate(structuredClone(doc) as never, {
      resolve: { external: false, file: false, http: false },
      dereference: { circular: 'ignore' },
      validate: { schema: true, spec: true },
    });
    return [];
  } catch (err) {
    return issuesOf(err);
  }
}

interface AjvDetail {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
  keyword?: string;
}

function issuesOf(err: unknown): ImportIssue[] {
  const details = (err as { details?: AjvDetail[] }).details;
  if (!Array.isArray(details) || details.length === 0) {
    const message = err instanceof Error ? err.message : String(err);
    return [{ pointer: pointerIn(message), message: message.split('\n')[0] }];
  }
  const seen = new Set<string>();
  const issues: ImportIssue[] = [];
  for (const d of details) {
    const message = describe(d);
    const key = `${d.instancePath}\n${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ pointer: d.instancePath ?? '', message });
    if (issues.length >= MAX_ERRORS) break;
  }
  return issues;
}

function describe(d: AjvDetail): string {
  const p = d.params ?? {};
  if (d.keyword === 'additionalProperties') return `unknown property "${String(p.additionalProperty)}"`;
  if (d.keyword === 'required') return `missing "${String(p.missingProperty)}"`;
  if (d.keyword === 'enum' && Array.isArray(p.allowedValues)) return `${d.message}: ${p.allowedValues.join(', ')}`;
  return d.message ?? 'invalid';
}

/** Swagger 2 rule errors name the place as "/paths/..." inside the message. */
function pointerIn(message: string): string {
  const match = /(\/(?:paths|definitions|parameters|responses)\/[^\s'"]*)/.exec(message);
  return match ? match[1] : '';
}
